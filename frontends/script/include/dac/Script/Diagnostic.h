//===- Diagnostic.h - Script frontend diagnostics ---------------*- C++ -*-===//
//
// Errors and notes tied to a source range, rendered the way clang renders
// them: a "file:line:col: error: message" line, the source line, and a caret
// line underneath.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_DIAGNOSTIC_H
#define DAC_SCRIPT_DIAGNOSTIC_H

#include "dac/Script/SourceManager.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace dac {
namespace script {

enum class DiagnosticSeverity { Error, Warning, Note, Remark };

/// One reported message. `file` is null for a message with no location.
struct Diagnostic {
  DiagnosticSeverity severity = DiagnosticSeverity::Error;
  const SourceFile *file = nullptr;
  SourceRange range;
  std::string message;

  /// Renders the message as
  ///
  ///     <file>:<line>:<col>: error: <message>
  ///     <the source line, verbatim>
  ///     <spaces up to col>^~~~
  ///
  /// The caret sits under `range.begin`; '~' marks the rest of the range on
  /// that line. Tabs of the source line are repeated in the caret line so
  /// that the caret lines up however tabs are displayed.
  void print(std::ostream &os) const;
};

/// Collects the diagnostics of one compilation.
///
/// Messages with a range refer to the current file (see setFile), which is
/// the one file the frontend works on.
class DiagnosticEngine {
public:
  explicit DiagnosticEngine(const SourceFile *file = nullptr) : file(file) {}

  void setFile(const SourceFile *newFile) { file = newFile; }
  const SourceFile *getFile() const { return file; }

  void error(SourceRange range, std::string message) {
    report(DiagnosticSeverity::Error, range, std::move(message));
  }
  void warning(SourceRange range, std::string message) {
    report(DiagnosticSeverity::Warning, range, std::move(message));
  }
  void note(SourceRange range, std::string message) {
    report(DiagnosticSeverity::Note, range, std::move(message));
  }
  /// Reports an error that has no source location.
  void error(std::string message);

  void report(DiagnosticSeverity severity, SourceRange range,
              std::string message);

  bool hasErrors() const { return numErrors != 0; }
  unsigned getNumErrors() const { return numErrors; }
  const std::vector<Diagnostic> &getDiagnostics() const { return diagnostics; }

  /// Prints every diagnostic, in the order reported.
  void print(std::ostream &os) const;

private:
  const SourceFile *file;
  std::vector<Diagnostic> diagnostics;
  unsigned numErrors = 0;
};

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_DIAGNOSTIC_H
