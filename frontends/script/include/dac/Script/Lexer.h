//===- Lexer.h - Tokenizer for the script language --------------*- C++ -*-===//
//
// Python 3 tokenization of the script subset, including NEWLINE, INDENT and
// DEDENT, implicit line joining inside brackets and backslash continuation.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_LEXER_H
#define DAC_SCRIPT_LEXER_H

#include "dac/Script/Diagnostic.h"
#include "dac/Script/Token.h"

#include <vector>

namespace dac {
namespace script {

/// Turns a source file into tokens, one call to lex() at a time.
///
/// A lexical error is reported to the DiagnosticEngine and returned as an
/// Error token; from then on lex() returns that token again, as it does
/// EndOfFile at the end.
class Lexer {
public:
  /// Lexes the whole of \p file as a module.
  Lexer(const SourceFile &file, DiagnosticEngine &diags);
  /// Lexes bytes [begin, end) of \p file as one bracketed expression: no
  /// NEWLINE, INDENT or DEDENT tokens. Used for f-string replacement fields.
  Lexer(const SourceFile &file, DiagnosticEngine &diags, uint32_t begin,
        uint32_t end);

  Token lex();

private:
  /// One level of the indentation stack. `col` counts tabs up to the next
  /// multiple of 8, `altCol` counts a tab as one column; a line that
  /// compares differently under the two is ambiguous (Python's TabError).
  struct IndentLevel {
    unsigned col;
    unsigned altCol;
  };
  struct OpenBracket {
    char c;
    uint32_t offset;
  };

  Token lexImpl();
  bool lexIndentation(Token &result);
  Token lexEndOfFile();
  Token lexIdentifier(uint32_t start);
  Token lexNumber(uint32_t start);
  Token lexString(uint32_t start, uint32_t quote);
  Token lexPunctuation(uint32_t start);
  bool lexBracket(Token &tok);

  Token makeToken(TokenKind kind, uint32_t begin, uint32_t end) const;
  /// Reports \p message at [begin, end) and returns the Error token.
  Token error(uint32_t begin, uint32_t end, const std::string &message);

  char peekChar(uint32_t ahead = 0) const {
    return pos + ahead < end ? text[pos + ahead] : '\0';
  }
  bool atEnd() const { return pos >= end; }

  const SourceFile &file;
  DiagnosticEngine &diags;
  const std::string &text;
  uint32_t pos;
  uint32_t end;
  /// True for an f-string field: implicit line joining everywhere.
  bool expressionMode;
  /// True before the first token of a logical line.
  bool atLineStart = true;
  unsigned pendingDedents = 0;
  std::vector<IndentLevel> indents;
  std::vector<OpenBracket> brackets;
  /// Set once EndOfFile or Error has been returned; then repeated.
  bool finished = false;
  Token finalToken;
  bool checkedNulls = false;
};

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_LEXER_H
