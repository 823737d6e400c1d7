//===- Parser.cpp - Parser entry points, tokens and errors ---------------===//
//
// The token buffer and error reporting shared by the parse functions, and
// the public parseFile.
//
//===----------------------------------------------------------------------===//

#include "dac/Script/Parser.h"

#include "ParserImpl.h"

using namespace dac::script;

/// Deep enough for any real script; shallow enough that the recursion of
/// the parser (and of the AST's destructors) stays far from the stack limit.
static constexpr unsigned kMaxDepth = 1000;

bool Parser::DepthGuard::deepen() {
  ++parser.depth;
  ++added;
  if (parser.depth <= kMaxDepth)
    return true;
  parser.errorAtToken("too many nested expressions or statements");
  return false;
}

const Token &Parser::peek(unsigned ahead) {
  while (tokens.size() <= ahead) {
    tokens.push_back(lexer.lex());
    // The lexer has reported its error already: report nothing more.
    if (tokens.back().is(TokenKind::Error))
      failed = true;
  }
  return tokens[ahead];
}

Token Parser::consume() {
  Token result = peek(0);
  // EndOfFile and Error stay in place: parsing never moves past them.
  if (result.isNot(TokenKind::EndOfFile) && result.isNot(TokenKind::Error)) {
    tokens.pop_front();
    prevEnd = result.range.end;
  }
  return result;
}

bool Parser::consumeIf(TokenKind kind) {
  if (!at(kind))
    return false;
  consume();
  return true;
}

bool Parser::expect(TokenKind kind, const std::string &message) {
  if (consumeIf(kind))
    return true;
  expectedToken(message);
  return false;
}

std::nullptr_t Parser::expectedToken(const std::string &message) {
  if (at(TokenKind::Error)) {
    failed = true; // The lexer has reported it.
    return nullptr;
  }
  std::string special = getSpecialTokenMessage(tok());
  return errorAtToken(special.empty() ? message : special);
}

std::nullptr_t Parser::error(SourceRange range, const std::string &message) {
  if (!failed)
    diags.error(range, messagePrefix + message);
  failed = true;
  return nullptr;
}

std::nullptr_t Parser::errorAtToken(const std::string &message) {
  return error(tok().range, message);
}

std::string Parser::getSpecialTokenMessage(const Token &t) {
  switch (t.kind) {
  case TokenKind::Indent:
    return "unexpected indent";
  case TokenKind::ColonEqual:
    return "assignment expressions (':=') are not supported";
  case TokenKind::kw_yield:
    return "'yield' is not supported";
  case TokenKind::kw_await:
    return "'await' is not supported";
  case TokenKind::kw_async:
    return "'async' is not supported";
  default:
    return "";
  }
}

std::nullptr_t Parser::unexpectedToken() {
  const Token &t = tok();
  if (t.is(TokenKind::Error)) {
    failed = true; // The lexer has reported it.
    return nullptr;
  }
  std::string special = getSpecialTokenMessage(t);
  if (!special.empty())
    return errorAtToken(special);
  if (t.is(TokenKind::EndOfFile))
    return errorAtToken("unexpected end of file");
  return errorAtToken("invalid syntax");
}

std::nullptr_t Parser::expectedExpression() {
  const Token &t = tok();
  if (t.is(TokenKind::Error) || !getSpecialTokenMessage(t).empty() ||
      isKeyword(t.kind))
    return unexpectedToken();
  if (t.is(TokenKind::Star))
    return errorAtToken("starred expressions ('*x') are not supported");
  return errorAtToken("expected expression");
}

std::unique_ptr<Module> Parser::parseModule() {
  StmtList body;
  while (!at(TokenKind::EndOfFile)) {
    if (at(TokenKind::Error) || !parseStatement(body))
      return nullptr;
  }
  if (failed)
    return nullptr;
  return std::make_unique<Module>(file, std::move(body));
}

ExprPtr Parser::parseFieldExpression() {
  ExprPtr expr = parseExpressionList();
  if (!expr)
    return nullptr;
  if (!at(TokenKind::EndOfFile))
    return unexpectedToken();
  return expr;
}

std::unique_ptr<Module> dac::script::parseFile(const SourceFile &file,
                                               DiagnosticEngine &diags) {
  diags.setFile(&file);
  if (!file.getDecodeError().empty()) {
    diags.error(SourceRange(file.getLoc(file.getDecodeErrorOffset())),
                file.getDecodeError());
    return nullptr;
  }
  Lexer lexer(file, diags);
  Parser parser(file, diags, lexer);
  return parser.parseModule();
}

std::unique_ptr<Module> dac::script::parseFile(const SourceManager &sourceMgr,
                                               DiagnosticEngine &diags) {
  const SourceFile *file = sourceMgr.getMainFile();
  if (!file) {
    diags.error("no input file");
    return nullptr;
  }
  return parseFile(*file, diags);
}
