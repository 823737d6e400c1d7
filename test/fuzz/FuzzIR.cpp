//===- FuzzIR.cpp - libFuzzer target: dac-opt's parser and the pipeline ---===//
//
// Any bytes as MLIR text: parse (with the dist dialect) and, when the IR
// verifies, run the whole dac pipeline on it. Parse errors and pass
// failures are fine (diagnostics); crashes and sanitizer reports are
// findings.
//
//===----------------------------------------------------------------------===//

#include "FuzzContext.h"

#include "dac/Compiler/Pipeline.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mlir::MLIRContext *ctx = &fuzzContext();
  // NUL-terminated, as dac-opt's file buffers are (MLIR's lexer reads the
  // terminator).
  std::string text(reinterpret_cast<const char *>(data), size);
  mlir::ParserConfig config(ctx);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(text, config);
  if (!module)
    return 0;
  mlir::PassManager pm(ctx);
  dac::buildDacPipeline(pm);
  (void)pm.run(*module);
  return 0;
}
