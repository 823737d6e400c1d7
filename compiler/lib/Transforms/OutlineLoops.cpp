//===- OutlineLoops.cpp - Loop nests of long functions into functions -----===//
//
// LLVM optimises a function in time that grows faster than its number of
// blocks; a long script's `main` holds a loop nest per kernel. Moving the
// nests into functions of their own (never inlined back) keeps every
// function LLVM sees small; small scripts are left as they are.
//
//===----------------------------------------------------------------------===//

#include "dac/Compiler/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/RegionUtils.h"

namespace dac {
#define GEN_PASS_DEF_OUTLINELOOPS
#include "dac/Compiler/Passes.h.inc"
} // namespace dac

using namespace mlir;

namespace {

/// A constant (no operands, no effects) is copied into the new function
/// rather than passed: the nest's code is optimised knowing it.
bool isCopyable(Value v) {
  Operation *def = v.getDefiningOp();
  return def && def->getNumOperands() == 0 && def->getNumRegions() == 0 &&
         isMemoryEffectFree(def) && def->getNumResults() == 1;
}

void outline(Operation *loop, StringRef name, SymbolTable &symbols) {
  SetVector<Value> used;
  getUsedValuesDefinedAbove(loop->getRegions(), used);
  used.insert(loop->getOperands().begin(), loop->getOperands().end());
  SmallVector<Value> arguments, copied;
  for (Value v : used)
    (isCopyable(v) ? copied : arguments).push_back(v);

  OpBuilder b(loop->getParentOfType<func::FuncOp>());
  auto func =
      func::FuncOp::create(b, loop->getLoc(), name,
                           b.getFunctionType(ValueRange(arguments).getTypes(),
                                             loop->getResultTypes()));
  func.setPrivate();
  // Kept by the lowering to the LLVM dialect: LLVM's `noinline`.
  func->setAttr("passthrough", b.getArrayAttr({b.getStringAttr("noinline")}));
  symbols.insert(func);
  Block *entry = func.addEntryBlock();
  b.setInsertionPointToStart(entry);
  IRMapping mapping;
  mapping.map(arguments, entry->getArguments());
  for (Value v : copied)
    mapping.map(v, b.clone(*v.getDefiningOp())->getResult(0));
  Operation *body = b.clone(*loop, mapping);
  func::ReturnOp::create(b, loop->getLoc(), body->getResults());

  b.setInsertionPoint(loop);
  auto call = func::CallOp::create(b, loop->getLoc(), func, arguments);
  loop->replaceAllUsesWith(call);
  loop->erase();
}

struct OutlineLoops : dac::impl::OutlineLoopsBase<OutlineLoops> {
  using OutlineLoopsBase::OutlineLoopsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<func::FuncOp> funcs(module.getOps<func::FuncOp>());
    unsigned next = 0;
    for (func::FuncOp func : funcs) {
      if (func.isExternal())
        continue;
      // Loops and branches: every op with regions makes blocks in LLVM
      // (the timing of each kernel for DAC_STATS is a branch too).
      SmallVector<Operation *> nests;
      for (Block &block : func.getBody())
        for (Operation &op : block)
          if (op.getNumRegions() && isa<scf::SCFDialect>(op.getDialect()))
            nests.push_back(&op);
      if (nests.size() <= minLoops)
        continue;
      for (Operation *nest : nests)
        outline(nest, ("__dac_nest" + Twine(next++)).str(), symbols);
    }
  }
};

} // namespace
