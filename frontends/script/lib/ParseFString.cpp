//===- ParseFString.cpp - Parsing of string literals and f-strings -------===//
//
// Adjacent string literals are concatenated; f-strings are split into
// literal text and replacement fields `{expr!conv:spec}`, whose expression
// is lexed and parsed in place (so its locations are real file positions)
// by a nested lexer and parser. Quoting follows Python 3.11: a field cannot
// reuse the f-string's own quote character.
//
//===----------------------------------------------------------------------===//

#include "ParserImpl.h"

#include "LexerUtils.h"

#include <cstring>

using namespace dac::script;

/// Appends literal text to \p parts, merging it into a preceding literal
/// piece; empty text adds nothing.
static void appendLiteral(std::vector<FStringPart> &parts, std::string text,
                          SourceRange range) {
  if (text.empty())
    return;
  if (!parts.empty() && parts.back().isLiteral()) {
    parts.back().literal += text;
    parts.back().range.end = range.end;
    return;
  }
  FStringPart part;
  part.literal = std::move(text);
  part.range = range;
  parts.push_back(std::move(part));
}

ExprPtr Parser::parseStrings() {
  SourceLoc begin = tok().range.begin;
  std::vector<FStringPart> parts;
  bool isFString = false;
  while (at(TokenKind::String)) {
    Token str = consume();
    if (str.isFString) {
      isFString = true;
      if (!parseFStringBody(str, parts))
        return nullptr;
    } else {
      appendLiteral(parts, str.stringValue, str.range);
    }
  }
  SourceRange range(begin, prevEnd);
  if (!isFString)
    return std::make_unique<StringLiteralExpr>(
        range, parts.empty() ? std::string() : parts.front().literal);
  return std::make_unique<FStringExpr>(range, std::move(parts));
}

bool Parser::parseFStringBody(const Token &str,
                              std::vector<FStringPart> &parts) {
  const std::string &text = file.getText();
  uint32_t pos = str.bodyBegin, end = str.bodyEnd;
  // The literal text is decoded in chunks, ending at each brace.
  uint32_t chunkBegin = pos, literalBegin = pos;
  std::string literal;
  auto rangeOf = [&](uint32_t first, uint32_t last) {
    return SourceRange(file.getLoc(first), file.getLoc(last));
  };
  auto flush = [&](uint32_t upTo) {
    if (decodeEscapes(file, diags, chunkBegin, upTo, str.isRaw, literal))
      return true;
    failed = true;
    return false;
  };

  while (pos < end) {
    char c = text[pos];
    if (c == '\\' && !str.isRaw) {
      char next = pos + 1 < end ? text[pos + 1] : '\0';
      if (next == 'N') {
        error(rangeOf(pos, pos + 2), "\\N{...} escapes are not supported");
        return false;
      }
      // A backslash before a brace stays literal; the brace keeps its role.
      pos += next == '{' || next == '}' || next == '\0' ? 1 : 2;
      continue;
    }
    if ((c == '{' || c == '}') && pos + 1 < end && text[pos + 1] == c) {
      // "{{" and "}}" stand for one literal brace.
      if (!flush(pos + 1))
        return false;
      pos += 2;
      chunkBegin = pos;
      continue;
    }
    if (c == '}') {
      error(rangeOf(pos, pos + 1), "f-string: single '}' is not allowed");
      return false;
    }
    if (c != '{') {
      ++pos;
      continue;
    }
    if (!flush(pos))
      return false;
    appendLiteral(parts, std::move(literal), rangeOf(literalBegin, pos));
    literal.clear();
    if (!parseFStringField(str, pos, parts))
      return false;
    chunkBegin = literalBegin = pos;
  }
  if (!flush(end))
    return false;
  appendLiteral(parts, std::move(literal), rangeOf(literalBegin, end));
  return true;
}

/// Returns the end of the expression of the field whose expression starts
/// at \p begin: the first '}', '!', ':' or '=' outside brackets and strings
/// that is not part of an operator ("!=", "=="). Returns \p end if there is
/// none; sets \p badChar to a character that cannot appear there.
static uint32_t findFieldExpressionEnd(const std::string &text, uint32_t begin,
                                       uint32_t end, uint32_t &badChar) {
  int depth = 0;
  char quote = 0;
  badChar = end;
  for (uint32_t i = begin; i < end; ++i) {
    char c = text[i];
    // Python 3.11 allows no backslash anywhere in a field, even in a
    // string inside it.
    if (c == '\\') {
      badChar = i;
      return i;
    }
    if (quote) {
      if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#') {
      badChar = i;
      return i;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth == 0 && c == '}')
        return i;
      if (depth > 0)
        --depth;
    } else if (depth == 0) {
      char next = i + 1 < end ? text[i + 1] : '\0';
      if (c != '\0' && std::strchr("=!<>", c) && next == '=')
        ++i; // "==", "!=", "<=", ">=".
      else if (c == '!' || c == ':' || c == '=')
        return i;
    }
  }
  return end;
}

bool Parser::parseFStringField(const Token &str, uint32_t &pos,
                               std::vector<FStringPart> &parts) {
  const std::string &text = file.getText();
  uint32_t end = str.bodyEnd;
  uint32_t fieldBegin = pos, exprBegin = pos + 1;
  auto fail = [&](uint32_t first, uint32_t last, const std::string &message) {
    error(SourceRange(file.getLoc(first), file.getLoc(last)), message);
    return false;
  };

  uint32_t badChar;
  uint32_t i = findFieldExpressionEnd(text, exprBegin, end, badChar);
  if (badChar != end)
    return fail(badChar, badChar + 1,
                text[badChar] == '\\'
                    ? "f-string expression part cannot include a backslash"
                    : "f-string expression part cannot include '#'");
  if (i >= end)
    return fail(fieldBegin, fieldBegin + 1, "f-string: expecting '}'");
  uint32_t exprEnd = i;
  if (text.find_first_not_of(" \t\n\f", exprBegin) >= exprEnd)
    return fail(fieldBegin, i + 1, "f-string: empty expression not allowed");

  FStringPart field;
  bool selfDocumenting = text[i] == '=';
  if (selfDocumenting) {
    // `{x = }` prints its own text "x = ", then the value.
    ++i;
    while (i < end && (text[i] == ' ' || text[i] == '\t'))
      ++i;
    appendLiteral(parts, text.substr(exprBegin, i - exprBegin),
                  SourceRange(file.getLoc(exprBegin), file.getLoc(i)));
  }
  if (i < end && text[i] == '!') {
    ++i;
    if (i >= end || !std::strchr("rsa", text[i]) || text[i] == '\0')
      return fail(i, i + 1,
                  "f-string: invalid conversion character: expected 's', "
                  "'r', or 'a'");
    field.conversion = text[i++];
  }
  if (i < end && text[i] == ':') {
    uint32_t specBegin = ++i;
    while (i < end && text[i] != '}') {
      if (text[i] == '{')
        return fail(i, i + 1,
                    "nested replacement fields in f-string format specs are "
                    "not supported");
      ++i;
    }
    field.formatSpec = text.substr(specBegin, i - specBegin);
    field.hasFormatSpec = true;
  }
  if (i >= end || text[i] != '}')
    return fail(i < end ? i : fieldBegin, (i < end ? i : fieldBegin) + 1,
                "f-string: expecting '}'");
  if (selfDocumenting && !field.conversion && !field.hasFormatSpec)
    field.conversion = 'r';

  Lexer fieldLexer(file, diags, exprBegin, exprEnd);
  Parser fieldParser(file, diags, fieldLexer);
  fieldParser.depth = depth;
  fieldParser.messagePrefix = "f-string: ";
  field.value = fieldParser.parseFieldExpression();
  if (!field.value) {
    failed = true;
    return false;
  }
  field.range = SourceRange(file.getLoc(fieldBegin), file.getLoc(i + 1));
  parts.push_back(std::move(field));
  pos = i + 1;
  return true;
}
