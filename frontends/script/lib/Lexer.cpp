//===- Lexer.cpp - Tokenizer for the script language ---------------------===//
//
// Line structure (NEWLINE, INDENT, DEDENT), names, operators and brackets.
// Numbers and strings are in LexLiterals.cpp.
//
//===----------------------------------------------------------------------===//

#include "dac/Script/Lexer.h"

#include "LexerUtils.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

using namespace dac::script;

/// Python limits bracket nesting to 200 and indentation to 100 levels; the
/// same limits keep the recursive-descent parser's stack bounded.
static constexpr size_t kMaxBracketDepth = 200;
static constexpr size_t kMaxIndentDepth = 100;

Lexer::Lexer(const SourceFile &file, DiagnosticEngine &diags)
    : Lexer(file, diags, 0, static_cast<uint32_t>(file.getText().size())) {
  expressionMode = false;
}

Lexer::Lexer(const SourceFile &file, DiagnosticEngine &diags, uint32_t begin,
             uint32_t end)
    : file(file), diags(diags), text(file.getText()), pos(begin), end(end),
      expressionMode(true) {
  indents.push_back({0, 0});
}

Token Lexer::makeToken(TokenKind kind, uint32_t begin, uint32_t tokEnd) const {
  Token tok;
  tok.kind = kind;
  tok.range = SourceRange(file.getLoc(begin), file.getLoc(tokEnd));
  tok.text = std::string_view(text).substr(begin, tokEnd - begin);
  return tok;
}

Token Lexer::error(uint32_t begin, uint32_t errEnd,
                   const std::string &message) {
  Token tok = makeToken(TokenKind::Error, begin, errEnd);
  diags.error(tok.range, message);
  return tok;
}

Token Lexer::lex() {
  if (finished)
    return finalToken;
  // Like CPython, reject a NUL anywhere (even in a string or comment)
  // before looking at the file.
  if (!expressionMode && !checkedNulls) {
    checkedNulls = true;
    size_t nul = text.find('\0', pos);
    if (nul != std::string::npos && nul < end) {
      uint32_t at = static_cast<uint32_t>(nul);
      finalToken = error(at, at + 1, "source code cannot contain null bytes");
      finished = true;
      return finalToken;
    }
  }
  Token tok = lexImpl();
  if (tok.is(TokenKind::EndOfFile) || tok.is(TokenKind::Error)) {
    finished = true;
    finalToken = tok;
  }
  return tok;
}

Token Lexer::lexImpl() {
  if (pendingDedents != 0) {
    --pendingDedents;
    return makeToken(TokenKind::Dedent, pos, pos);
  }
  if (atLineStart && !expressionMode) {
    Token tok;
    if (lexIndentation(tok))
      return tok;
  }

  // Skip what separates tokens within a logical line.
  while (!atEnd()) {
    char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\f') {
      ++pos;
    } else if (c == '#') {
      while (!atEnd() && text[pos] != '\n')
        ++pos;
    } else if (c == '\\') {
      if (peekChar(1) == '\n' && pos + 2 < end) {
        pos += 2;
        continue;
      }
      if (pos + 2 >= end)
        return error(pos, pos + 1,
                     "unexpected end of file after line "
                     "continuation character");
      return error(pos, pos + 1,
                   "unexpected character after line continuation character");
    } else if (c == '\n' && (expressionMode || !brackets.empty())) {
      ++pos; // Implicit line joining.
    } else {
      break;
    }
  }

  if (atEnd())
    return lexEndOfFile();

  uint32_t start = pos;
  char c = text[pos];
  if (c == '\n') {
    ++pos;
    atLineStart = true;
    return makeToken(TokenKind::Newline, start, pos);
  }
  if (isIdentifierStart(c))
    return lexIdentifier(start);
  if (isDigit(c) || (c == '.' && isDigit(peekChar(1))))
    return lexNumber(start);
  if (c == '\'' || c == '"')
    return lexString(start, start);
  return lexPunctuation(start);
}

/// Measures the indentation of the next non-blank line and turns it into an
/// INDENT or DEDENT token when it differs from the enclosing block's.
bool Lexer::lexIndentation(Token &result) {
  while (!atEnd()) {
    unsigned col = 0, altCol = 0;
    while (!atEnd()) {
      char c = text[pos];
      if (c == ' ') {
        ++col;
        ++altCol;
      } else if (c == '\t') {
        col = (col / 8 + 1) * 8;
        ++altCol;
      } else if (c == '\f') {
        col = altCol = 0; // As in CPython, a form feed resets the count.
      } else {
        break;
      }
      ++pos;
    }
    if (atEnd())
      return false;
    // Blank and comment-only lines do not take part in indentation.
    if (text[pos] == '#') {
      while (!atEnd() && text[pos] != '\n')
        ++pos;
    }
    if (atEnd())
      return false;
    if (text[pos] == '\n') {
      ++pos;
      continue;
    }
    // A line holding only a continuation joins the next one, whose
    // indentation counts instead.
    if (text[pos] == '\\' && peekChar(1) == '\n' && pos + 2 < end) {
      pos += 2;
      continue;
    }

    atLineStart = false;
    const char *tabError = "inconsistent use of tabs and spaces in indentation";
    IndentLevel top = indents.back();
    if (col == top.col) {
      if (altCol != top.altCol) {
        result = error(pos, pos, tabError);
        return true;
      }
      return false;
    }
    if (col > top.col) {
      if (altCol <= top.altCol) {
        result = error(pos, pos, tabError);
        return true;
      }
      if (indents.size() > kMaxIndentDepth) {
        result = error(pos, pos, "too many levels of indentation");
        return true;
      }
      indents.push_back({col, altCol});
      result = makeToken(TokenKind::Indent, pos, pos);
      return true;
    }
    unsigned numDedents = 0;
    while (indents.size() > 1 && col < indents.back().col) {
      indents.pop_back();
      ++numDedents;
    }
    if (col != indents.back().col) {
      result = error(pos, pos,
                     "unindent does not match any outer indentation level");
      return true;
    }
    if (altCol != indents.back().altCol) {
      result = error(pos, pos, tabError);
      return true;
    }
    pendingDedents = numDedents - 1;
    result = makeToken(TokenKind::Dedent, pos, pos);
    return true;
  }
  return false;
}

Token Lexer::lexEndOfFile() {
  if (expressionMode)
    return makeToken(TokenKind::EndOfFile, end, end);
  if (!brackets.empty()) {
    const OpenBracket &open = brackets.back();
    return error(open.offset, open.offset + 1,
                 std::string("'") + open.c + "' was never closed");
  }
  // Tokens at the end of the file point just after its last visible
  // character, so that "expected ..." errors there land on a real line.
  uint32_t eof = end;
  while (eof > 0 && text[eof - 1] != '\0' &&
         std::strchr(" \t\f\n", text[eof - 1]))
    --eof;
  if (!atLineStart) {
    atLineStart = true;
    return makeToken(TokenKind::Newline, eof, eof);
  }
  if (indents.size() > 1) {
    indents.pop_back();
    return makeToken(TokenKind::Dedent, eof, eof);
  }
  return makeToken(TokenKind::EndOfFile, eof, eof);
}

Token Lexer::lexIdentifier(uint32_t start) {
  while (!atEnd() && isIdentifierChar(text[pos]))
    ++pos;
  std::string_view word = std::string_view(text).substr(start, pos - start);
  if (!atEnd() && (text[pos] == '\'' || text[pos] == '"') &&
      isStringPrefix(word))
    return lexString(start, pos);
  bool ascii = std::all_of(word.begin(), word.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
  if (ascii)
    return makeToken(getIdentifierKind(word), start, pos);
  // Python's tokenizer takes every non-ASCII character as part of a name,
  // then checks the name (PEP 3131) and compares names in NFKC form.
  std::string message;
  size_t bad = findInvalidNameChar(word, message);
  if (bad != std::string_view::npos) {
    uint32_t at = start + static_cast<uint32_t>(bad);
    uint32_t next = at + 1;
    while (next < pos &&
           (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80)
      ++next;
    return error(at, next, message);
  }
  Token tok = makeToken(TokenKind::Identifier, start, pos);
  tok.text = file.keepSpelling(normalizeName(word));
  return tok;
}

/// Lexes a bracket, keeping the stack that drives implicit line joining.
bool Lexer::lexBracket(Token &tok) {
  uint32_t start = pos;
  char c = text[pos];
  if (c == '\0')
    return false;
  const char *closers = ")]}";
  const char *openers = "([{";
  if (const char *open = std::strchr(openers, c)) {
    if (brackets.size() >= kMaxBracketDepth) {
      tok = error(start, start + 1, "too many nested parentheses");
      return true;
    }
    brackets.push_back({c, start});
    ++pos;
    static const TokenKind kinds[] = {TokenKind::LParen, TokenKind::LSquare,
                                      TokenKind::LBrace};
    tok = makeToken(kinds[open - openers], start, pos);
    return true;
  }
  const char *close = std::strchr(closers, c);
  if (!close)
    return false;
  if (brackets.empty()) {
    tok = error(start, start + 1, std::string("unmatched '") + c + "'");
    return true;
  }
  char expectedOpen = openers[close - closers];
  OpenBracket open = brackets.back();
  if (open.c != expectedOpen) {
    std::string message = std::string("closing parenthesis '") + c +
                          "' does not match opening parenthesis '" + open.c +
                          "'";
    SourceLoc openLoc = file.getLoc(open.offset);
    if (openLoc.line != file.getLoc(start).line)
      message += " on line " + std::to_string(openLoc.line);
    tok = error(start, start + 1, message);
    return true;
  }
  brackets.pop_back();
  ++pos;
  static const TokenKind kinds[] = {TokenKind::RParen, TokenKind::RSquare,
                                    TokenKind::RBrace};
  tok = makeToken(kinds[close - closers], start, pos);
  return true;
}

Token Lexer::lexPunctuation(uint32_t start) {
  Token tok;
  if (lexBracket(tok))
    return tok;

  // The longest operator spelling that matches wins ("**=" over "**").
  struct Punct {
    TokenKind kind;
    const char *spelling;
  };
  static const Punct puncts[] = {
#define PUNCT(Name, Spelling) {TokenKind::Name, Spelling},
#include "dac/Script/TokenKinds.def"
  };
  const Punct *best = nullptr;
  size_t bestLen = 0;
  for (const Punct &p : puncts) {
    size_t len = std::strlen(p.spelling);
    if (len > bestLen && text.compare(start, len, p.spelling) == 0 &&
        start + len <= end) {
      best = &p;
      bestLen = len;
    }
  }
  if (best) {
    pos = start + static_cast<uint32_t>(bestLen);
    return makeToken(best->kind, start, pos);
  }

  unsigned char c = static_cast<unsigned char>(text[start]);
  if (c < 0x20 || c == 0x7F) {
    char hex[8];
    std::snprintf(hex, sizeof(hex), "%04X", c);
    return error(start, start + 1,
                 std::string("invalid non-printable character U+") + hex);
  }
  return error(start, start + 1,
               std::string("invalid character '") + static_cast<char>(c) + "'");
}
