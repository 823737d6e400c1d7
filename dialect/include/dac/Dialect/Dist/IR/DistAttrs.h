//===- DistAttrs.h - dist dialect attributes --------------------*- C++ -*-===//

#ifndef DAC_DIALECT_DIST_IR_DISTATTRS_H
#define DAC_DIALECT_DIST_IR_DISTATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"

#include "dac/Dialect/Dist/IR/DistEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "dac/Dialect/Dist/IR/DistAttrs.h.inc"

#endif // DAC_DIALECT_DIST_IR_DISTATTRS_H
