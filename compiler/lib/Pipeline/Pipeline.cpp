//===- Pipeline.cpp - The one pipeline builder ----------------------------===//

#include "dac/Compiler/Pipeline.h"
#include "dac/Compiler/Passes.h"

#include "mlir/Conversion/BufferizationToMemRef/BufferizationToMemRef.h"
#include "mlir/Conversion/ConvertToLLVM/ToLLVMPass.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/MathToFuncs/MathToFuncs.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MathToLibm/MathToLibm.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void dac::buildGlobalToLocalPipeline(OpPassManager &pm) {
  // The script's functions (one func.func per kind of arguments they are
  // called with) are inlined into their callers: layouts, fusion and
  // partitioning then see whole programs. Nothing else runs on the
  // callees first; the canonicalisation below serves both.
  pm.addPass(createInlinerPass({}, [](OpPassManager &) {}));
  pm.addPass(createSymbolDCEPass());
  // Canonicalize first so that equal extents are one SSA value: fusion
  // compares iteration spaces by value.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addPass(createDistAssignLayout());
  pm.addPass(createDistBranchExtents());
  pm.addPass(createDistFuse());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createDistBranchExtents());
  pm.addPass(createDistPartition());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // Every local buffer is freed once nothing reads it any more, including
  // those a loop hands from one iteration to the next.
  bufferization::buildBufferDeallocationPipeline(pm);
  // ... and the small arrays that freeing decides with live on the stack.
  pm.addNestedPass<func::FuncOp>(createHoistScratch());
  // ... and all the others right after their last use, not where the
  // block that made them ends (for a script's top level, at exit).
  pm.addNestedPass<func::FuncOp>(createEarlyDealloc());
}

void dac::buildLocalToLLVMPipeline(OpPassManager &pm) {
  // Long scripts: LLVM sees many small functions, not one huge one.
  pm.addPass(createSplitLongFunctions());
  // Integer powers become small generated functions (square and multiply).
  pm.addPass(createConvertMathToFuncs());
  pm.addPass(createConvertBufferizationToMemRefPass());
  pm.addPass(createSCFToControlFlowPass());
  // Math with an LLVM intrinsic becomes the intrinsic (vectorisable); the
  // rest becomes a libm call, the same function NumPy calls.
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  // Arrays are allocated by the runtime (huge pages for large ones).
  FinalizeMemRefToLLVMConversionPassOptions memrefOptions;
  memrefOptions.useGenericFunctions = true;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefOptions));
  // Functions and calls first, by the pass that finds callees through a
  // symbol table: the generic one below scans the module for each call,
  // quadratic in a long script's outlined functions.
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

void dac::buildDacPipeline(OpPassManager &pm) {
  buildGlobalToLocalPipeline(pm);
  buildLocalToLLVMPipeline(pm);
}
