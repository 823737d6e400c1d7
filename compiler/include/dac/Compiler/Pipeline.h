//===- Pipeline.h - The one pipeline builder --------------------*- C++ -*-===//
//
// `dac`, `dac-opt --dac-pipeline` and the JIT all build their pass pipeline
// here, so that IR written by hand, scripts and C++ programs take the same
// path to the LLVM dialect.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_COMPILER_PIPELINE_H
#define DAC_COMPILER_PIPELINE_H

namespace mlir {
class OpPassManager;
} // namespace mlir

namespace dac {

/// Global dist IR -> per-rank code (scf/memref/arith + runtime calls): layout
/// assignment, fusion, partitioning. What `dac --emit=local` prints.
void buildGlobalToLocalPipeline(mlir::OpPassManager &pm);

/// Per-rank code -> the LLVM dialect.
void buildLocalToLLVMPipeline(mlir::OpPassManager &pm);

/// The whole pipeline: global dist IR -> the LLVM dialect.
void buildDacPipeline(mlir::OpPassManager &pm);

} // namespace dac

#endif // DAC_COMPILER_PIPELINE_H
