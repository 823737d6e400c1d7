//===- IRGen.h - Script AST -> global dist IR -------------------*- C++ -*-===//
//
// Lowers a parsed script to the global dist IR: one `func.func @main` that
// holds the whole program, with user functions inlined at their calls and
// every op located at the script text it comes from.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_IRGEN_H
#define DAC_SCRIPT_IRGEN_H

#include "dac/Script/AST.h"
#include "dac/Script/Diagnostic.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace dac {
namespace script {

/// Returns the module, or null after reporting errors to `diags`.
mlir::OwningOpRef<mlir::ModuleOp> lowerToDist(const Module &module,
                                              const SourceFile &file,
                                              DiagnosticEngine &diags,
                                              mlir::MLIRContext &ctx);

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_IRGEN_H
