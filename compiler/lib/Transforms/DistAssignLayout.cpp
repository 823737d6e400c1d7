//===- DistAssignLayout.cpp - Give every array a layout -------------------===//
//
// Layout inference, first version: creation ops take the default layout
// (block on dimension 0) and element-wise ops give the result the layout of
// the operand the others move the fewest bytes into; a gather gets its source's
// when it reads a box of block dimensions, else the default, an insert its
// destination's, a matrix product the layout its algorithm computes in place;
// loops and branches carry the layout of the array entering them (an array
// whose layout would change around them is an error). A user's explicit layout
// is never changed.
//
//===----------------------------------------------------------------------===//

#include "dac/Compiler/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace dac {
#define GEN_PASS_DEF_DISTASSIGNLAYOUT
#include "dac/Compiler/Passes.h.inc"
} // namespace dac

using namespace mlir;
using namespace dac;
using namespace dac::dist;

namespace {

/// The layout an unassigned result of `op` should get: of its operands of
/// the result's shape, the layout the others move the fewest bytes into
/// (ArrayType::cheapestLayout); the default without such operands.
LayoutAttr inferLayout(Operation *op, ArrayType type) {
  SmallVector<ArrayType> operands;
  for (Value operand : op->getOperands())
    if (auto operandType = dyn_cast<ArrayType>(operand.getType()))
      if (operandType.getLayout() && operandType.getShape() == type.getShape())
        operands.push_back(operandType);
  LayoutAttr layout = ArrayType::cheapestLayout(operands);
  return layout ? layout
                : LayoutAttr::getDefault(op->getContext(), type.getRank());
}

/// Gives the array `value` a layout when it has none yet (`layout` is asked
/// only then).
void assignLayout(Value value, function_ref<LayoutAttr()> layout) {
  auto type = cast<ArrayType>(value.getType());
  if (!type.getLayout())
    value.setType(type.withLayout(layout()));
}

/// Gives `value` the layout of `from` when it has none yet.
void copyLayout(Value value, Value from) {
  auto type = dyn_cast<ArrayType>(value.getType());
  auto fromType = dyn_cast<ArrayType>(from.getType());
  if (type && fromType && !type.getLayout())
    value.setType(fromType);
}

/// An array carried around a loop or out of a branch must keep its layout.
LogicalResult checkCarried(Operation *op, ValueRange expected,
                           ValueRange actual) {
  for (auto [want, got] : llvm::zip(expected, actual))
    if (isa<ArrayType>(want.getType()) && want.getType() != got.getType())
      return op->emitError("an array carried by this ")
             << (isa<scf::IfOp>(op) ? "branch" : "loop") << " is "
             << want.getType() << " on one path and " << got.getType()
             << " on another; changing an array's distribution inside a "
                "loop or a branch needs a redistribution, which dac does "
                "not do here yet";
  return success();
}

LogicalResult assignRegion(Region &region);

LogicalResult assignOp(Operation *op) {
  if (auto loop = dyn_cast<scf::ForOp>(op)) {
    for (auto [init, arg, result] : llvm::zip(
             loop.getInitArgs(), loop.getRegionIterArgs(), loop.getResults())) {
      copyLayout(arg, init);
      copyLayout(result, init);
    }
    if (failed(assignRegion(loop.getRegion())))
      return failure();
    return checkCarried(op, loop.getRegionIterArgs(),
                        loop.getBody()->getTerminator()->getOperands());
  }
  if (auto loop = dyn_cast<scf::WhileOp>(op)) {
    for (auto [init, arg] :
         llvm::zip(loop.getInits(), loop.getBeforeArguments()))
      copyLayout(arg, init);
    if (failed(assignRegion(loop.getBefore())))
      return failure();
    ValueRange forwarded = loop.getConditionOp().getArgs();
    for (auto [value, arg, result] :
         llvm::zip(forwarded, loop.getAfterArguments(), loop.getResults())) {
      copyLayout(arg, value);
      copyLayout(result, value);
    }
    if (failed(assignRegion(loop.getAfter())))
      return failure();
    if (failed(checkCarried(op, loop.getBeforeArguments(), loop.getInits())) ||
        failed(checkCarried(op, loop.getAfterArguments(), forwarded)))
      return failure();
    return checkCarried(op, loop.getBeforeArguments(),
                        loop.getYieldOp().getOperands());
  }
  if (auto branch = dyn_cast<scf::IfOp>(op)) {
    if (failed(assignRegion(branch.getThenRegion())) ||
        failed(assignRegion(branch.getElseRegion())))
      return failure();
    if (branch.getNumResults() == 0)
      return success();
    ValueRange thenValues = branch.thenYield().getOperands();
    for (auto [result, value] : llvm::zip(branch.getResults(), thenValues))
      copyLayout(result, value);
    return failure(failed(checkCarried(op, branch.getResults(), thenValues)) ||
                   failed(checkCarried(op, branch.getResults(),
                                       branch.elseYield().getOperands())));
  }
  if (auto gather = dyn_cast<GatherOp>(op)) {
    assignLayout(gather.getResult(), [&] {
      return GatherOp::inferResultLayout(
          cast<ArrayType>(gather.getSource().getType()),
          cast<ArrayType>(gather.getType()).getShape(), gather.getSteps(),
          gather.getDims());
    });
    return success();
  }
  if (auto take = dyn_cast<TakeOp>(op)) {
    // Each rank fetches for its own indices, rows whole.
    assignLayout(take.getResult(), [&] {
      return rowsLayout(
          cast<ArrayType>(take.getIndices().getType()).getLayout(),
          cast<ArrayType>(take.getSource().getType()).getRank() - 1);
    });
    return success();
  }
  if (auto product = dyn_cast<MatmulOp>(op)) {
    assignLayout(product.getResult(), [&] {
      return MatmulOp::inferResultLayout(
          cast<ArrayType>(product.getLhs().getType()),
          cast<ArrayType>(product.getRhs().getType()));
    });
    return success();
  }
  if (auto insert = dyn_cast<InsertOp>(op)) {
    // Writing into a view keeps the base's layout.
    copyLayout(insert.getResult(), insert.getDest());
    return success();
  }
  if (auto cast = dyn_cast<CastOp>(op)) {
    // The same array under another type: the same layout.
    assignLayout(cast.getResult(), [&] {
      return llvm::cast<ArrayType>(cast.getSource().getType()).getLayout();
    });
    return success();
  }
  if (auto expand = dyn_cast<ExpandOp>(op)) {
    // So does writing through a mask,
    copyLayout(expand.getResult(), expand.getDest());
    return success();
  }
  if (auto scatter = dyn_cast<ScatterOp>(op)) {
    // or at indices.
    copyLayout(scatter.getResult(), scatter.getDest());
    return success();
  }
  for (OpResult result : op->getResults()) {
    auto type = dyn_cast<ArrayType>(result.getType());
    if (!type || type.getLayout())
      continue;
    result.setType(type.withLayout(inferLayout(op, type)));
  }
  for (Region &region : op->getRegions())
    if (failed(assignRegion(region)))
      return failure();
  return success();
}

/// Producers come before consumers in a block, so operands are assigned
/// when a consumer is reached; loops and branches give their carried values
/// the layout of what enters them.
LogicalResult assignRegion(Region &region) {
  for (Block &block : region)
    for (Operation &op : block)
      if (failed(assignOp(&op)))
        return failure();
  return success();
}

/// A function's array arguments without a layout take the default one; its
/// results take the layouts of the arrays it returns.
LogicalResult assignFunction(func::FuncOp func) {
  if (func.isExternal())
    return success();
  for (BlockArgument arg : func.getArguments())
    if (auto type = dyn_cast<ArrayType>(arg.getType()))
      assignLayout(arg, [&] {
        return LayoutAttr::getDefault(func.getContext(), type.getRank());
      });
  if (failed(assignRegion(func.getBody())))
    return failure();
  SmallVector<Type> results;
  Operation *terminator = func.front().getTerminator();
  for (auto [declared, returned] :
       llvm::zip(func.getResultTypes(), terminator->getOperandTypes())) {
    auto type = dyn_cast<ArrayType>(declared);
    if (type && type.getLayout() && declared != returned)
      return terminator->emitError("the function returns ")
             << returned << " where it promises " << declared
             << "; changing the layout needs a redistribution";
    results.push_back(type ? returned : declared);
  }
  func.setFunctionType(FunctionType::get(
      func.getContext(), func.front().getArgumentTypes(), results));
  return success();
}

struct DistAssignLayoutPass
    : public dac::impl::DistAssignLayoutBase<DistAssignLayoutPass> {
  void runOnOperation() override {
    for (Operation &op : getOperation().getBody()->getOperations())
      if (auto func = dyn_cast<func::FuncOp>(op)) {
        if (failed(assignFunction(func)))
          return signalPassFailure();
      } else {
        for (Region &region : op.getRegions())
          if (failed(assignRegion(region)))
            return signalPassFailure();
      }
  }
};

} // namespace
