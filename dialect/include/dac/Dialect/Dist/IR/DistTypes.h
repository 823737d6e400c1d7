//===- DistTypes.h - dist dialect types -------------------------*- C++ -*-===//

#ifndef DAC_DIALECT_DIST_IR_DISTTYPES_H
#define DAC_DIALECT_DIST_IR_DISTTYPES_H

#include "dac/Dialect/Dist/IR/DistAttrs.h"
#include "mlir/IR/BuiltinTypeInterfaces.h"
#include "mlir/IR/Types.h"

#define GET_TYPEDEF_CLASSES
#include "dac/Dialect/Dist/IR/DistTypes.h.inc"

namespace dac::dist {
/// Bytes an element of `type` takes in a rank's chunk (a bool takes one).
int64_t getStorageBytes(mlir::Type type);
} // namespace dac::dist

#endif // DAC_DIALECT_DIST_IR_DISTTYPES_H
