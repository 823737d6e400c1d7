//===- Passes.h - dac compiler passes ---------------------------*- C++ -*-===//

#ifndef DAC_COMPILER_PASSES_H
#define DAC_COMPILER_PASSES_H

#include "dac/Dialect/Dist/IR/DistOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Pass/Pass.h"

namespace dac {

#define GEN_PASS_DECL
#include "dac/Compiler/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "dac/Compiler/Passes.h.inc"

} // namespace dac

#endif // DAC_COMPILER_PASSES_H
