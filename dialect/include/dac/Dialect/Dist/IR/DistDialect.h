//===- DistDialect.h - The dist dialect -------------------------*- C++ -*-===//

#ifndef DAC_DIALECT_DIST_IR_DISTDIALECT_H
#define DAC_DIALECT_DIST_IR_DISTDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Dialect.h"

#include "dac/Dialect/Dist/IR/DistDialect.h.inc"

#endif // DAC_DIALECT_DIST_IR_DISTDIALECT_H
