//===- Token.h - Tokens of the script language ------------------*- C++ -*-===//
//
// The token kinds (from TokenKinds.def) and the token the lexer hands to the
// parser, with the decoded value of its literal.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_TOKEN_H
#define DAC_SCRIPT_TOKEN_H

#include "dac/Script/SourceManager.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace dac {
namespace script {

enum class TokenKind : uint8_t {
#define TOK(Name) Name,
#include "dac/Script/TokenKinds.def"
};

/// Returns the enumerator name of \p kind ("Identifier", "kw_if", "LParen").
const char *getTokenName(TokenKind kind);
/// Returns the fixed spelling of a keyword or punctuator ("if", "("), or null
/// for the other kinds.
const char *getTokenSpelling(TokenKind kind);
bool isKeyword(TokenKind kind);

/// One token. Literal tokens carry their value: `intValue` for Integer,
/// `floatValue` for Float, and for String either the decoded `stringValue`
/// or, for an f-string, the undecoded body [bodyBegin, bodyEnd) that the
/// parser splits into literal text and replacement fields.
struct Token {
  TokenKind kind = TokenKind::EndOfFile;
  SourceRange range;
  /// The token's text in the source (empty for Newline at the end of the
  /// file, Indent, Dedent and EndOfFile).
  std::string_view text;

  int64_t intValue = 0;
  /// An Integer beyond int64: its digits (no prefix, no underscores) and
  /// base, folded exactly where it is part of a literal expression.
  std::string bigIntDigits;
  unsigned intBase = 10;
  double floatValue = 0.0;
  std::string stringValue;
  bool isFString = false;
  bool isRaw = false;
  uint32_t bodyBegin = 0;
  uint32_t bodyEnd = 0;

  bool is(TokenKind k) const { return kind == k; }
  bool isNot(TokenKind k) const { return kind != k; }
};

/// Describes \p tok for a message: "'if'", "newline", "end of file", ...
std::string describeToken(const Token &tok);

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_TOKEN_H
