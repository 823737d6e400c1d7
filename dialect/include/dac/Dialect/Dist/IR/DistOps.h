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

#endif // DAC_DIALECT_DIST_IR_DISTOPS_H
