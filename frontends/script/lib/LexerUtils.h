//===- LexerUtils.h - Character classes and string decoding -----*- C++ -*-===//
//
// Helpers shared by the lexer files and by the parser, which decodes the
// literal text of f-strings piece by piece between replacement fields.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_LIB_LEXERUTILS_H
#define DAC_SCRIPT_LIB_LEXERUTILS_H

#include "dac/Script/Diagnostic.h"
#include "dac/Script/Token.h"

#include <string>
#include <string_view>

namespace dac {
namespace script {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

inline bool isIdentifierStart(char c) {
  // Bytes of UTF-8 sequences are accepted as they are: Python allows
  // non-ASCII letters in names.
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

inline bool isIdentifierChar(char c) {
  return isIdentifierStart(c) || isDigit(c);
}

/// For a name with non-ASCII characters: the byte offset of the first
/// character Python does not allow where it stands (npos if none), with
/// CPython's message for it ("invalid character '°' (U+00B0)").
size_t findInvalidNameChar(std::string_view word, std::string &message);

/// The NFKC normal form under which Python compares names.
std::string normalizeName(std::string_view word);

/// True if \p word followed by a quote starts a string literal ("r", "Rb",
/// "f", "rf", ...).
bool isStringPrefix(std::string_view word);

/// Returns the keyword kind of \p word, or Identifier.
TokenKind getIdentifierKind(std::string_view word);

/// Appends to \p out the value of bytes [begin, end) of \p file, the body of
/// a string literal, with Python's escape sequences decoded (unless \p raw)
/// into UTF-8. Returns false after reporting an invalid escape.
bool decodeEscapes(const SourceFile &file, DiagnosticEngine &diags,
                   uint32_t begin, uint32_t end, bool raw, std::string &out);

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_LIB_LEXERUTILS_H
