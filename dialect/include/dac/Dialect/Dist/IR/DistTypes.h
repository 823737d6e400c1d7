//===- DistTypes.h - dist dialect types -------------------------*- C++ -*-===//

#ifndef DAC_DIALECT_DIST_IR_DISTTYPES_H
#define DAC_DIALECT_DIST_IR_DISTTYPES_H

#include "dac/Dialect/Dist/IR/DistAttrs.h"
#include "mlir/IR/BuiltinTypeInterfaces.h"
#include "mlir/IR/Types.h"

#define GET_TYPEDEF_CLASSES
#include "dac/Dialect/Dist/IR/DistTypes.h.inc"

#endif // DAC_DIALECT_DIST_IR_DISTTYPES_H
