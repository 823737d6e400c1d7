//===- LexLiterals.cpp - Numbers, strings and keywords -------------------===//
//
// Lexing of integer, float and string literals, decoding of escape
// sequences, and keyword lookup.
//
//===----------------------------------------------------------------------===//

#include "dac/Script/Lexer.h"

#include "LexerUtils.h"

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <limits>

using namespace dac::script;

bool dac::script::isStringPrefix(std::string_view word) {
  if (word.empty() || word.size() > 2)
    return false;
  std::string lower;
  for (char c : word)
    lower.push_back(
        static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  static const char *prefixes[] = {"r", "u", "f", "b", "rf", "fr", "rb", "br"};
  for (const char *p : prefixes)
    if (lower == p)
      return true;
  return false;
}

TokenKind dac::script::getIdentifierKind(std::string_view word) {
  struct Keyword {
    const char *spelling;
    TokenKind kind;
  };
  static const Keyword keywords[] = {
#define KEYWORD(Name, Spelling) {Spelling, TokenKind::Name},
#include "dac/Script/TokenKinds.def"
  };
  for (const Keyword &kw : keywords)
    if (word == kw.spelling)
      return kw.kind;
  return TokenKind::Identifier;
}

//===----------------------------------------------------------------------===//
// Escape sequences
//===----------------------------------------------------------------------===//

static void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

static int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

bool dac::script::decodeEscapes(const SourceFile &file, DiagnosticEngine &diags,
                                uint32_t begin, uint32_t end, bool raw,
                                std::string &out) {
  const std::string &text = file.getText();
  if (raw) {
    out.append(text, begin, end - begin);
    return true;
  }
  auto fail = [&](uint32_t first, uint32_t last, const std::string &message) {
    diags.error(SourceRange(file.getLoc(first), file.getLoc(last)), message);
    return false;
  };
  for (uint32_t i = begin; i < end; ++i) {
    char c = text[i];
    // A lone backslash at the end only occurs in a piece of an f-string
    // ("\{x}"); Python keeps it.
    if (c != '\\' || i + 1 == end) {
      out.push_back(c);
      continue;
    }
    uint32_t escape = i;
    char e = text[++i];
    switch (e) {
    case '\n':
      break; // Line continuation inside the string.
    case '\\':
    case '\'':
    case '"':
      out.push_back(e);
      break;
    case 'a':
      out.push_back('\a');
      break;
    case 'b':
      out.push_back('\b');
      break;
    case 'f':
      out.push_back('\f');
      break;
    case 'n':
      out.push_back('\n');
      break;
    case 'r':
      out.push_back('\r');
      break;
    case 't':
      out.push_back('\t');
      break;
    case 'v':
      out.push_back('\v');
      break;
    case 'x':
    case 'u':
    case 'U': {
      unsigned numDigits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      uint32_t cp = 0;
      for (unsigned d = 0; d < numDigits; ++d) {
        int v = i + 1 < end ? hexValue(text[i + 1]) : -1;
        if (v < 0)
          return fail(escape, i + 1,
                      std::string("truncated \\") + e + " escape: expected " +
                          std::to_string(numDigits) + " hex digits");
        cp = cp * 16 + static_cast<uint32_t>(v);
        ++i;
      }
      if (cp > 0x10FFFF)
        return fail(escape, i + 1,
                    "invalid \\U escape: code point out of range");
      appendUtf8(out, cp);
      break;
    }
    case 'N':
      return fail(escape, i + 1, "\\N{...} escapes are not supported");
    default:
      if (e >= '0' && e <= '7') {
        uint32_t cp = static_cast<uint32_t>(e - '0');
        for (unsigned d = 1;
             d < 3 && i + 1 < end && text[i + 1] >= '0' && text[i + 1] <= '7';
             ++d)
          cp = cp * 8 + static_cast<uint32_t>(text[++i] - '0');
        appendUtf8(out, cp);
        break;
      }
      // Unknown escapes keep their backslash (Python only warns).
      out.push_back('\\');
      out.push_back(e);
      break;
    }
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Numbers
//===----------------------------------------------------------------------===//

/// Consumes digits accepted by \p isValid, with single underscores between
/// them. Returns the number of digits, or -1 on a misplaced underscore.
template <typename Pred>
static int lexDigits(const std::string &text, uint32_t &pos, uint32_t end,
                     Pred isValid) {
  int count = 0;
  while (pos < end) {
    if (isValid(text[pos])) {
      ++pos;
      ++count;
    } else if (text[pos] == '_' && count != 0) {
      if (pos + 1 >= end || !isValid(text[pos + 1]))
        return -1;
      ++pos;
    } else {
      break;
    }
  }
  return count;
}

Token Lexer::lexNumber(uint32_t start) {
  auto isDecimal = [](char c) { return isDigit(c); };
  const char *kind = "decimal";
  bool isFloat = false;
  int base = 10;

  char second =
      static_cast<char>(std::tolower(static_cast<unsigned char>(peekChar(1))));
  if (text[start] == '0' && (second == 'x' || second == 'o' || second == 'b')) {
    base = second == 'x' ? 16 : second == 'o' ? 8 : 2;
    kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
    pos += 2;
    if (peekChar() == '_') // "0x_ff" is valid.
      ++pos;
    auto isBaseDigit = [base](char c) {
      int v = hexValue(c);
      return v >= 0 && v < base;
    };
    int numDigits = lexDigits(text, pos, end, isBaseDigit);
    if (numDigits <= 0)
      return error(start, pos, std::string("invalid ") + kind + " literal");
    if (isDigit(peekChar()))
      return error(pos, pos + 1,
                   std::string("invalid digit '") + peekChar() + "' in " +
                       kind + " literal");
  } else {
    if (lexDigits(text, pos, end, isDecimal) < 0)
      return error(start, pos + 1, "invalid decimal literal");
    if (peekChar() == '.') {
      isFloat = true;
      ++pos;
      if (isDigit(peekChar()) && lexDigits(text, pos, end, isDecimal) < 0)
        return error(start, pos + 1, "invalid decimal literal");
    }
    char e = peekChar();
    char afterSign =
        peekChar(1) == '+' || peekChar(1) == '-' ? peekChar(2) : peekChar(1);
    // Without digits after it, an 'e' is not an exponent ("1else").
    if ((e == 'e' || e == 'E') && isDigit(afterSign)) {
      isFloat = true;
      pos += peekChar(1) == '+' || peekChar(1) == '-' ? 2 : 1;
      if (lexDigits(text, pos, end, isDecimal) < 0)
        return error(start, pos + 1, "invalid decimal literal");
    }
  }

  if (peekChar() == 'j' || peekChar() == 'J')
    return error(start, pos + 1, "complex literals are not supported");

  // A name glued to a number is an error ("1abc", "0x1g"), except for a
  // keyword, which Python still accepts ("1if x else 2").
  if (!atEnd() && isIdentifierChar(text[pos])) {
    uint32_t wordEnd = pos;
    while (wordEnd < end && isIdentifierChar(text[wordEnd]))
      ++wordEnd;
    if (getIdentifierKind(std::string_view(text).substr(pos, wordEnd - pos)) ==
        TokenKind::Identifier)
      return error(start, wordEnd, std::string("invalid ") + kind + " literal");
  }

  std::string digits;
  for (uint32_t i = start + (base == 10 ? 0 : 2); i < pos; ++i)
    if (text[i] != '_')
      digits.push_back(text[i]);

  if (isFloat) {
    Token tok = makeToken(TokenKind::Float, start, pos);
    // Python rounds like strtod, correctly: overflow gives inf, underflow
    // a subnormal or zero (however the digits are written: `0.000...1`
    // with no exponent too). The program never changes the "C" locale.
    tok.floatValue = std::strtod(digits.c_str(), nullptr);
    return tok;
  }

  if (base == 10 && digits.size() > 1 && digits[0] == '0' &&
      digits.find_first_not_of('0') != std::string::npos)
    return error(start, pos,
                 "leading zeros in decimal integer literals are not "
                 "permitted; use an 0o prefix for octal integers");

  uint64_t value = 0;
  bool overflow = false;
  for (char c : digits) {
    uint64_t digit = static_cast<uint64_t>(hexValue(c));
    if (value > (std::numeric_limits<uint64_t>::max() - digit) /
                    static_cast<uint64_t>(base))
      overflow = true;
    value = value * static_cast<uint64_t>(base) + digit;
  }
  Token tok = makeToken(TokenKind::Integer, start, pos);
  // Python's ints are unbounded: a larger literal is kept as digits, exact
  // in an expression of literals (`-9223372036854775808`), an
  // OverflowError where its value must fit int64.
  if (overflow ||
      value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    tok.bigIntDigits = digits;
    tok.intBase = base;
    return tok;
  }
  tok.intValue = static_cast<int64_t>(value);
  return tok;
}

//===----------------------------------------------------------------------===//
// Strings
//===----------------------------------------------------------------------===//

Token Lexer::lexString(uint32_t start, uint32_t quote) {
  bool raw = false, isF = false, isBytes = false;
  for (uint32_t i = start; i < quote; ++i) {
    char c =
        static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    raw |= c == 'r';
    isF |= c == 'f';
    isBytes |= c == 'b';
  }
  pos = quote;
  char q = text[quote];
  bool triple = peekChar(1) == q && peekChar(2) == q;
  uint32_t bodyBegin = quote + (triple ? 3 : 1);
  uint32_t bodyEnd = bodyBegin;
  pos = bodyBegin;
  const char *unterminated = triple
                                 ? "unterminated triple-quoted string literal"
                                 : "unterminated string literal";
  while (true) {
    if (atEnd())
      return error(start, pos, unterminated);
    char c = text[pos];
    if (c == '\\') {
      // In raw strings too, a backslash keeps the next quote in the string.
      pos = pos + 2 <= end ? pos + 2 : end;
      continue;
    }
    if (c == '\n' && !triple)
      return error(start, pos, unterminated);
    if (c == q && (!triple || (peekChar(1) == q && peekChar(2) == q))) {
      bodyEnd = pos;
      pos += triple ? 3 : 1;
      break;
    }
    ++pos;
  }

  if (isBytes)
    return error(start, pos, "bytes literals are not supported");

  Token tok = makeToken(TokenKind::String, start, pos);
  tok.isRaw = raw;
  tok.bodyBegin = bodyBegin;
  tok.bodyEnd = bodyEnd;
  if (isF) {
    tok.isFString = true;
    return tok;
  }
  if (!decodeEscapes(file, diags, bodyBegin, bodyEnd, raw, tok.stringValue)) {
    tok.kind = TokenKind::Error;
    tok.stringValue.clear();
  }
  return tok;
}
