//===- Diagnostic.cpp - Script frontend diagnostics ----------------------===//
//
// Rendering of diagnostics with their source line and caret line.
//
//===----------------------------------------------------------------------===//

#include "dac/Script/Diagnostic.h"

#include <algorithm>
#include <ostream>

using namespace dac::script;

static const char *getSeverityName(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Error:
    return "error";
  case DiagnosticSeverity::Warning:
    return "warning";
  case DiagnosticSeverity::Note:
    return "note";
  case DiagnosticSeverity::Remark:
    return "remark";
  }
  return "error";
}

/// True for the second and later bytes of a UTF-8 sequence: they take no
/// column of their own on a terminal.
static bool isUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// Builds the line that marks bytes [first, last) of \p line: spaces (or
/// the line's own tabs) up to `first`, a '^', then '~' up to `last`.
static std::string buildCaretLine(std::string_view line, size_t first,
                                  size_t last) {
  std::string caret;
  for (size_t i = 0; i < first && i < line.size(); ++i) {
    if (line[i] == '\t')
      caret.push_back('\t');
    else if (!isUtf8Continuation(line[i]))
      caret.push_back(' ');
  }
  // A location past the end of the line (an error at the end of the file)
  // still gets its caret, one column after the last character.
  for (size_t i = line.size(); i < first; ++i)
    caret.push_back(' ');
  caret.push_back('^');
  for (size_t i = first + 1; i < last && i < line.size(); ++i)
    if (!isUtf8Continuation(line[i]))
      caret.push_back('~');
  return caret;
}

void Diagnostic::print(std::ostream &os) const {
  if (!file || !range.isValid()) {
    if (file)
      os << file->getName() << ": ";
    os << getSeverityName(severity) << ": " << message << '\n';
    return;
  }
  const SourceLoc &begin = range.begin;
  os << file->getName() << ':' << begin.line << ':' << begin.col << ": "
     << getSeverityName(severity) << ": " << message << '\n';

  std::string_view line = file->getLineText(begin.line);
  size_t first = begin.col - 1;
  // A range that runs onto later lines is marked up to the end of this one.
  size_t last = range.end.line == begin.line && range.end.col > begin.col
                    ? range.end.col - 1
                    : line.size();
  if (range.end.line == begin.line && range.end.col <= begin.col)
    last = first + 1;
  last = std::max(last, first + 1);
  os << line << '\n' << buildCaretLine(line, first, last) << '\n';
}

void DiagnosticEngine::error(std::string message) {
  Diagnostic diag;
  diag.file = file;
  diag.message = std::move(message);
  diagnostics.push_back(std::move(diag));
  ++numErrors;
}

void DiagnosticEngine::report(DiagnosticSeverity severity, SourceRange range,
                              std::string message) {
  Diagnostic diag;
  diag.severity = severity;
  diag.file = file;
  diag.range = range;
  diag.message = std::move(message);
  diagnostics.push_back(std::move(diag));
  if (severity == DiagnosticSeverity::Error)
    ++numErrors;
}

void DiagnosticEngine::print(std::ostream &os) const {
  for (const Diagnostic &diag : diagnostics)
    diag.print(os);
}
