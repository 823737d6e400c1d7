//===- DistOps.h - dist dialect operations ----------------------*- C++ -*-===//

#ifndef DAC_DIALECT_DIST_IR_DISTOPS_H
#define DAC_DIALECT_DIST_IR_DISTOPS_H

#include "dac/Dialect/Dist/IR/DistDialect.h"
#include "dac/Dialect/Dist/IR/DistTypes.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "dac/Dialect/Dist/IR/DistOps.h.inc"

namespace dac::dist {

/// The SSA values of an array's dynamic extents, from the op that computes
/// it (the `sizes` of a creation op, a kernel or a gather; those of the
/// input or destination of ops that keep them; for an scf.if result, the
/// extents both branches share or the results that carry them out). Fails
/// for a block argument with dynamic extents.
mlir::FailureOr<llvm::SmallVector<mlir::Value>>
getDynamicSizes(mlir::Value array);

/// After `branch` (an scf.if with an else branch), the extent its then
/// branch computes as `thenExtent` and its else branch as `elseExtent`:
/// that value when both are one made before the `if`, else the result both
/// branches yield them as; null if there is none.
/// The layout of rows read or written at indices of layout `indices`
/// (dist.take's result, dist.scatter's values): the indices' layout, then
/// `rowDims` undistributed dimensions.
LayoutAttr rowsLayout(LayoutAttr indices, int64_t rowDims);

mlir::Value branchExtent(mlir::Operation *branch, mlir::Value thenExtent,
                         mlir::Value elseExtent);

} // namespace dac::dist

#endif // DAC_DIALECT_DIST_IR_DISTOPS_H
