//===- InitAll.h - The one place that registers everything -----*- C++ -*-===//
//
// Every tool (dac, dac-opt, the JIT) calls these so that they all know the
// same dialects, passes and pipelines.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_COMPILER_INITALL_H
#define DAC_COMPILER_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace dac {

/// Adds the dist dialect and every upstream dialect (and dialect extension)
/// that the pipeline produces on its way to the LLVM dialect.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Registers every dac pass and the `dac-pipeline` pipelines.
void registerAllPasses();

} // namespace dac

#endif // DAC_COMPILER_INITALL_H
