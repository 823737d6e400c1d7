//===- FuzzScript.cpp - libFuzzer target: the script frontend -------------===//
//
// Any bytes as a script: lex, parse, lower to dist IR and verify. Errors
// are fine (they are diagnostics); a crash, a sanitizer report, or IR that
// fails verification after the frontend accepted the script are findings.
//
//===----------------------------------------------------------------------===//

#include "FuzzContext.h"

#include "dac/Script/IRGen.h"
#include "dac/Script/Parser.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mlir::MLIRContext *ctx = &fuzzContext();
  dac::script::SourceFile file(
      "fuzz.py", std::string(reinterpret_cast<const char *>(data), size));
  dac::script::DiagnosticEngine diags(&file);
  std::unique_ptr<dac::script::Module> ast =
      dac::script::parseFile(file, diags);
  if (!ast || diags.hasErrors())
    return 0;
  mlir::OwningOpRef<mlir::ModuleOp> module =
      dac::script::lowerToDist(*ast, file, diags, *ctx);
  if (!module || diags.hasErrors())
    return 0;
  if (mlir::failed(mlir::verify(*module))) {
    std::fprintf(stderr, "the frontend accepted a script and produced "
                         "invalid IR\n");
    std::abort();
  }
  return 0;
}
