//===- AST.h - The script AST root and its printer --------------*- C++ -*-===//
//
// The Module node that owns a parsed file, and the textual AST dump used by
// `dac-script-parse` and `dac --emit=ast`.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_AST_H
#define DAC_SCRIPT_AST_H

#include "dac/Script/Expr.h"
#include "dac/Script/Stmt.h"

#include <iosfwd>

namespace dac {
namespace script {

/// A parsed script: the statements of one file.
class Module {
public:
  Module(const SourceFile &file, StmtList body)
      : file(&file), body(std::move(body)) {}

  const SourceFile &getFile() const { return *file; }
  const StmtList &getBody() const { return body; }

private:
  const SourceFile *file;
  StmtList body;
};

/// Prints \p module as an indented tree, one node per line ending in
/// `@line:col` (the node's first character). See ASTDump.cpp for the format.
void dumpAST(const Module &module, std::ostream &os);
/// Prints one subtree, starting at \p indent levels of two spaces.
void dumpAST(const Stmt &stmt, std::ostream &os, unsigned indent = 0);
void dumpAST(const Expr &expr, std::ostream &os, unsigned indent = 0);

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_AST_H
