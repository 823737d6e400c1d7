//===- Parser.h - Parser entry points for the script language ---*- C++ -*-===//
//
// Recursive-descent parsing of a script into the AST of AST.h.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_PARSER_H
#define DAC_SCRIPT_PARSER_H

#include "dac/Script/AST.h"
#include "dac/Script/Diagnostic.h"

#include <memory>

namespace dac {
namespace script {

/// Parses \p file. On a syntax error or an unsupported construct, reports
/// one error to \p diags and returns null. \p diags's file is set to
/// \p file.
std::unique_ptr<Module> parseFile(const SourceFile &file,
                                  DiagnosticEngine &diags);

/// Parses the main file of \p sourceMgr (see parseFile above).
std::unique_ptr<Module> parseFile(const SourceManager &sourceMgr,
                                  DiagnosticEngine &diags);

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_PARSER_H
