//===- DistAssignLayout.cpp - Give every array a layout -------------------===//
//
// Layout inference, first version: creation ops take the default layout
// (block on dimension 0) and element-wise ops propagate their operands'
// layout to the result. A user's explicit layout is never changed.
//
//===----------------------------------------------------------------------===//

#include "dac/Compiler/Passes.h"

namespace dac {
#define GEN_PASS_DEF_DISTASSIGNLAYOUT
#include "dac/Compiler/Passes.h.inc"
} // namespace dac

using namespace mlir;
using namespace dac;
using namespace dac::dist;

namespace {

/// The layout an unassigned result of `op` should get.
LayoutAttr inferLayout(Operation *op, ArrayType type) {
  for (Value operand : op->getOperands())
    if (auto operandType = dyn_cast<ArrayType>(operand.getType()))
      if (operandType.getLayout() &&
          operandType.getShape() == type.getShape())
        return operandType.getLayout();
  return LayoutAttr::getDefault(op->getContext(), type.getRank());
}

struct DistAssignLayoutPass
    : public dac::impl::DistAssignLayoutBase<DistAssignLayoutPass> {
  void runOnOperation() override {
    // Pre-order visits producers before consumers within straight-line
    // code, so operands are already assigned when a consumer is reached.
    getOperation().walk<WalkOrder::PreOrder>([](Operation *op) {
      for (OpResult result : op->getResults()) {
        auto type = dyn_cast<ArrayType>(result.getType());
        if (!type || type.getLayout())
          continue;
        result.setType(type.withLayout(inferLayout(op, type)));
      }
    });
  }
};

} // namespace
