//===- SplitLongFunctions.cpp - Long functions into small ones ------------===//
//
// LLVM optimises and compiles a function in time that grows faster than
// its length: its dominance queries walk every block above the one asked
// about, and instruction selection and the two-address pass are
// superlinear in a block's length. A script of thousands of statements is
// one `main`, so this pass cuts long functions into private functions that
// are never inlined back (see Passes.td); short ones are left as they are.
//
//===----------------------------------------------------------------------===//

#include "BufferReach.h"
#include "dac/Compiler/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

namespace dac {
#define GEN_PASS_DEF_SPLITLONGFUNCTIONS
#include "dac/Compiler/Passes.h.inc"
} // namespace dac

using namespace mlir;

namespace {

/// A constant (no operands, no effects) is copied into the new function
/// rather than passed: the code is optimised knowing it.
bool isCopyable(Operation *def) {
  return def && def->getNumOperands() == 0 && def->getNumRegions() == 0 &&
         isMemoryEffectFree(def) && def->getNumResults() == 1;
}

/// A buffer on the stack of the function that holds it: it dies when that
/// function returns, so it never moves into a callee.
bool isStackAllocation(Operation *op) {
  auto effects = dyn_cast<MemoryEffectOpInterface>(op);
  if (!effects)
    return false;
  SmallVector<MemoryEffects::EffectInstance> list;
  effects.getEffects(list);
  return llvm::any_of(list, [](const MemoryEffects::EffectInstance &e) {
    return isa<MemoryEffects::Allocate>(e.getEffect()) &&
           isa<SideEffects::AutomaticAllocationScopeResource>(e.getResource());
  });
}

/// Operations that stay in their function, however long it is.
bool staysInPlace(Operation *op) {
  return isCopyable(op) || isStackAllocation(op) ||
         op->hasTrait<OpTrait::IsTerminator>();
}

/// The number of operations in `op`, nested ones included.
unsigned weight(Operation *op) {
  unsigned n = 0;
  op->walk([&](Operation *) { ++n; });
  return n;
}

/// Moves `ops`, a contiguous run of one block, into a new private function
/// called `name`, and calls it where the run was.
void outline(ArrayRef<Operation *> ops, StringRef name, SymbolTable &symbols) {
  llvm::SmallPtrSet<Operation *, 16> inRun(ops.begin(), ops.end());
  Block *block = ops.front()->getBlock();
  auto definedInRun = [&](Value v) {
    Operation *def = v.getDefiningOp();
    return def && inRun.contains(def);
  };

  auto usedOnlyInRun = [&](Value v) {
    return llvm::all_of(v.getUsers(), [&](Operation *user) {
      return inRun.contains(block->findAncestorOpInBlock(*user));
    });
  };

  // A stack buffer may move into the run only if nothing after the run can
  // reach it, its address handed out included.
  auto reachedOnlyInRun = [&](Value v) {
    bool inside = true;
    dac::visitReachingUsers(v, [&](Operation *user) {
      inside &= inRun.contains(block->findAncestorOpInBlock(*user));
    });
    return inside;
  };

  // What the run reads from before it, and what is read of it after.
  SetVector<Value> used;
  SmallVector<Value> results;
  for (Operation *op : ops) {
    for (Value v : op->getOperands())
      if (!definedInRun(v))
        used.insert(v);
    SetVector<Value> above;
    getUsedValuesDefinedAbove(op->getRegions(), above);
    for (Value v : above)
      if (!definedInRun(v))
        used.insert(v);
    for (Value r : op->getResults())
      if (!usedOnlyInRun(r))
        results.push_back(r);
  }
  // Constants are copied; a stack buffer of constant size that only the
  // run uses moves into it (its frame is the buffer's lifetime); anything
  // else is passed.
  SmallVector<Value> arguments, copied;
  SmallVector<Operation *> moved;
  for (Value v : used) {
    Operation *def = v.getDefiningOp();
    if (isCopyable(def)) {
      copied.push_back(v);
    } else if (def && isStackAllocation(def) && reachedOnlyInRun(v) &&
               llvm::all_of(def->getOperands(), [](Value size) {
                 return isCopyable(size.getDefiningOp());
               })) {
      moved.push_back(def);
      for (Value size : def->getOperands())
        copied.push_back(size);
    } else {
      arguments.push_back(v);
    }
  }

  OpBuilder b(ops.front()->getParentOfType<func::FuncOp>());
  auto func =
      func::FuncOp::create(b, ops.front()->getLoc(), name,
                           b.getFunctionType(ValueRange(arguments).getTypes(),
                                             ValueRange(results).getTypes()));
  func.setPrivate();
  // Kept by the lowering to the LLVM dialect: LLVM's `noinline`.
  func->setAttr("passthrough", b.getArrayAttr({b.getStringAttr("noinline")}));
  symbols.insert(func);
  Block *entry = func.addEntryBlock();
  b.setInsertionPointToStart(entry);
  IRMapping mapping;
  mapping.map(arguments, entry->getArguments());
  for (Value v : copied)
    if (!mapping.contains(v))
      mapping.map(v, b.clone(*v.getDefiningOp())->getResult(0));
  for (Operation *op : moved)
    b.clone(*op, mapping);
  for (Operation *op : ops)
    b.clone(*op, mapping);
  SmallVector<Value> returned;
  for (Value r : results)
    returned.push_back(mapping.lookup(r));
  func::ReturnOp::create(b, ops.back()->getLoc(), returned);

  b.setInsertionPoint(ops.front());
  auto call = func::CallOp::create(b, ops.back()->getLoc(), func, arguments);
  for (auto [r, c] : llvm::zip(results, call.getResults()))
    r.replaceAllUsesWith(c);
  for (Operation *op : llvm::reverse(ops))
    op->erase();
  for (Operation *op : moved)
    op->erase();
}

struct SplitLongFunctions
    : dac::impl::SplitLongFunctionsBase<SplitLongFunctions> {
  using SplitLongFunctionsBase::SplitLongFunctionsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<func::FuncOp> funcs(module.getOps<func::FuncOp>());
    for (func::FuncOp func : funcs)
      if (!func.isExternal() && func.getBody().hasOneBlock())
        splitIntoRuns(func.getBody().front(), symbols);
  }

  void splitIntoRuns(Block &block, SymbolTable &symbols) {
    unsigned total = 0;
    for (Operation &op : block)
      total += weight(&op);
    if (total <= maxOps)
      return;
    // Constants and fixed-size stack buffers first, so that they do not
    // cut the runs apart.
    llvm::SmallPtrSet<Operation *, 32> hoisted;
    Operation *firstOther = nullptr;
    for (Operation &op : llvm::make_early_inc_range(block)) {
      bool hoist =
          staysInPlace(&op) && !op.hasTrait<OpTrait::IsTerminator>() &&
          llvm::all_of(op.getOperands(), [&](Value v) {
            Operation *def = v.getDefiningOp();
            return def ? hoisted.contains(def) : v.getParentBlock() == &block;
          });
      if (!hoist) {
        firstOther = firstOther ? firstOther : &op;
        continue;
      }
      hoisted.insert(&op);
      if (firstOther)
        op.moveBefore(firstOther);
    }
    SmallVector<SmallVector<Operation *>> runs(1);
    unsigned size = 0;
    for (Operation &op : block) {
      unsigned w = staysInPlace(&op) ? 0 : weight(&op);
      bool full = size + w > maxOps;
      if ((!w || full) && !runs.back().empty()) {
        runs.emplace_back();
        size = 0;
      }
      if (w) {
        runs.back().push_back(&op);
        size += w;
      }
    }
    for (ArrayRef<Operation *> run : runs)
      if (!run.empty())
        outline(run, ("__dac_part" + Twine(nextPart++)).str(), symbols);
  }

  unsigned nextPart = 0;
};

} // namespace
