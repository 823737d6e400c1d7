//===- PositionKernel.h - Kernels computed from positions alone -*- C++ -*-===//
//
// Private to the builder library (Emitter.cpp, Literals.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef DAC_BUILDER_LIB_POSITIONKERNEL_H
#define DAC_BUILDER_LIB_POSITIONKERNEL_H

#include "dac/Dialect/Dist/IR/DistOps.h"

#include "mlir/IR/Builders.h"

namespace dac::builder {

/// Builds a kernel with no inputs over `shape` (dynamic extents `sizes`)
/// whose element is computed from its position alone by `element` (given
/// the global indices and the C-order linear index; `dims` must be static
/// for the linear index to be meaningful). The kernel's result type is
/// `type` with `layout` (the default one when null).
mlir::Value buildPositionKernel(
    mlir::OpBuilder &b, mlir::Location loc, dist::ArrayType type,
    mlir::ValueRange sizes, dist::LayoutAttr layout,
    llvm::function_ref<mlir::Value(mlir::OpBuilder &, mlir::ValueRange,
                                   mlir::Value)>
        element);

} // namespace dac::builder

#endif // DAC_BUILDER_LIB_POSITIONKERNEL_H
