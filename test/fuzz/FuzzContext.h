//===- FuzzContext.h - The MLIR context the fuzz targets share -*- C++ -*-===//

#ifndef DAC_TEST_FUZZ_FUZZCONTEXT_H
#define DAC_TEST_FUZZ_FUZZCONTEXT_H

#include "dac/Compiler/InitAll.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"

/// One context for every input, with the pipeline's dialects; diagnostics
/// of rejected inputs are expected and kept quiet.
inline mlir::MLIRContext &fuzzContext() {
  static mlir::MLIRContext *ctx = [] {
    mlir::DialectRegistry registry;
    dac::registerAllDialects(registry);
    auto *c = new mlir::MLIRContext(registry);
    c->loadAllAvailableDialects();
    c->getDiagEngine().registerHandler(
        [](mlir::Diagnostic &) { return mlir::success(); });
    return c;
  }();
  return *ctx;
}

#endif // DAC_TEST_FUZZ_FUZZCONTEXT_H
