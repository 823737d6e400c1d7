//===- ParseStmt.cpp - Parsing of statements -----------------------------===//
//
// Simple and compound statements, blocks, parameters and assignment
// targets. Constructs outside the script subset are rejected here with an
// error that names them.
//
//===----------------------------------------------------------------------===//

#include "ParserImpl.h"

using namespace dac::script;

/// Returns the message for a statement keyword outside the subset, or null.
static const char *getUnsupportedStatementMessage(TokenKind kind) {
  switch (kind) {
  case TokenKind::kw_class:
    return "class definitions are not supported";
  case TokenKind::kw_with:
    return "'with' statements are not supported";
  case TokenKind::kw_try:
    return "'try' statements are not supported";
  case TokenKind::kw_raise:
    return "'raise' statements are not supported";
  case TokenKind::kw_del:
    return "'del' statements are not supported";
  case TokenKind::At:
    return "decorators are not supported";
  default:
    return nullptr;
  }
}

/// Returns the augmented assignment operator of \p kind ("+=" -> Add).
static bool getAugAssignOp(TokenKind kind, BinaryOpKind &op) {
  switch (kind) {
  case TokenKind::PlusEqual:
    op = BinaryOpKind::Add;
    return true;
  case TokenKind::MinEqual:
    op = BinaryOpKind::Sub;
    return true;
  case TokenKind::StarEqual:
    op = BinaryOpKind::Mult;
    return true;
  case TokenKind::AtEqual:
    op = BinaryOpKind::MatMult;
    return true;
  case TokenKind::SlashEqual:
    op = BinaryOpKind::Div;
    return true;
  case TokenKind::DoubleSlashEqual:
    op = BinaryOpKind::FloorDiv;
    return true;
  case TokenKind::PercentEqual:
    op = BinaryOpKind::Mod;
    return true;
  case TokenKind::DoubleStarEqual:
    op = BinaryOpKind::Pow;
    return true;
  case TokenKind::LeftShiftEqual:
    op = BinaryOpKind::LShift;
    return true;
  case TokenKind::RightShiftEqual:
    op = BinaryOpKind::RShift;
    return true;
  case TokenKind::VBarEqual:
    op = BinaryOpKind::BitOr;
    return true;
  case TokenKind::CircumflexEqual:
    op = BinaryOpKind::BitXor;
    return true;
  case TokenKind::AmperEqual:
    op = BinaryOpKind::BitAnd;
    return true;
  default:
    return false;
  }
}

/// Names what \p e is, for "cannot assign to ..." errors.
static std::string describeForAssignment(const Expr &e) {
  switch (e.getKind()) {
  case Expr::Kind::Call:
    return "function call";
  case Expr::Kind::BoolLiteral:
    return static_cast<const BoolLiteralExpr &>(e).getValue() ? "True"
                                                              : "False";
  case Expr::Kind::NoneLiteral:
    return "None";
  case Expr::Kind::EllipsisLiteral:
    return "ellipsis";
  case Expr::Kind::IntLiteral:
  case Expr::Kind::FloatLiteral:
  case Expr::Kind::StringLiteral:
    return "literal";
  case Expr::Kind::FString:
    return "f-string expression";
  case Expr::Kind::Compare:
    return "comparison";
  case Expr::Kind::Lambda:
    return "lambda";
  case Expr::Kind::IfExp:
    return "conditional expression";
  case Expr::Kind::Dict:
    return "dict literal";
  default:
    return "expression";
  }
}

bool Parser::markTarget(Expr &target) {
  if (auto *name = dynCast<NameExpr>(&target)) {
    name->setContext(ExprContext::Store);
    return true;
  }
  if (auto *attr = dynCast<AttributeExpr>(&target)) {
    attr->setContext(ExprContext::Store);
    return true;
  }
  if (auto *sub = dynCast<SubscriptExpr>(&target)) {
    sub->setContext(ExprContext::Store);
    return true;
  }
  if (auto *tuple = dynCast<TupleExpr>(&target)) {
    tuple->setContext(ExprContext::Store);
    for (const ExprPtr &elt : tuple->getElements())
      if (!markTarget(*elt))
        return false;
    return true;
  }
  if (auto *list = dynCast<ListExpr>(&target)) {
    list->setContext(ExprContext::Store);
    for (const ExprPtr &elt : list->getElements())
      if (!markTarget(*elt))
        return false;
    return true;
  }
  error(target.getRange(), "cannot assign to " + describeForAssignment(target));
  return false;
}

//===----------------------------------------------------------------------===//
// Statements and blocks
//===----------------------------------------------------------------------===//

bool Parser::parseStatement(StmtList &out) {
  const Token &t = tok();
  if (const char *message = getUnsupportedStatementMessage(t.kind)) {
    errorAtToken(message);
    return false;
  }
  StmtPtr stmt;
  switch (t.kind) {
  case TokenKind::kw_def:
    stmt = parseFunctionDef();
    break;
  case TokenKind::kw_if:
    stmt = parseIf();
    break;
  case TokenKind::kw_for:
    stmt = parseFor();
    break;
  case TokenKind::kw_while:
    stmt = parseWhile();
    break;
  default:
    return parseSimpleStatements(out);
  }
  if (!stmt)
    return false;
  out.push_back(std::move(stmt));
  return true;
}

bool Parser::parseSimpleStatements(StmtList &out) {
  bool first = true;
  do {
    // A ';' may end the line.
    if (!first && at(TokenKind::Newline))
      break;
    first = false;
    StmtPtr stmt = parseSimpleStatement();
    if (!stmt)
      return false;
    out.push_back(std::move(stmt));
  } while (consumeIf(TokenKind::Semi));
  if (!at(TokenKind::Newline)) {
    unexpectedToken();
    return false;
  }
  consume();
  return true;
}

StmtPtr Parser::parseSimpleStatement() {
  const Token &t = tok();
  if (const char *message = getUnsupportedStatementMessage(t.kind))
    return errorAtToken(message);
  SourceRange range = t.range;
  switch (t.kind) {
  case TokenKind::kw_pass:
    consume();
    return std::make_unique<PassStmt>(range);
  case TokenKind::kw_break:
    if (loopDepth == 0)
      return errorAtToken("'break' outside loop");
    consume();
    return std::make_unique<BreakStmt>(range);
  case TokenKind::kw_continue:
    if (loopDepth == 0)
      return errorAtToken("'continue' not properly in loop");
    consume();
    return std::make_unique<ContinueStmt>(range);
  case TokenKind::kw_return:
    return parseReturn();
  case TokenKind::kw_import:
    return parseImport();
  case TokenKind::kw_from:
    return parseFromImport();
  case TokenKind::kw_assert:
    return parseAssert();
  case TokenKind::kw_global:
  case TokenKind::kw_nonlocal:
    return parseGlobalOrNonlocal();
  case TokenKind::kw_def:
  case TokenKind::kw_if:
  case TokenKind::kw_for:
  case TokenKind::kw_while:
    // A compound statement where only simple ones may be ("if a: if b:").
    return errorAtToken("invalid syntax");
  default:
    return parseExprOrAssignment();
  }
}

bool Parser::parseBlock(StmtList &body, const std::string &construct,
                        const Token &header) {
  if (!at(TokenKind::Newline))
    return parseSimpleStatements(body);
  consume();
  if (!at(TokenKind::Indent)) {
    if (at(TokenKind::Error)) {
      unexpectedToken();
      return false;
    }
    errorAtToken("expected an indented block after " + construct + " on line " +
                 std::to_string(header.range.begin.line));
    return false;
  }
  consume();
  while (!at(TokenKind::Dedent)) {
    if (at(TokenKind::EndOfFile) || at(TokenKind::Error)) {
      unexpectedToken();
      return false;
    }
    if (!parseStatement(body))
      return false;
  }
  consume();
  return true;
}

/// The end of a compound statement: the end of its last nested statement.
static SourceLoc getEndOfBlocks(const StmtList &body, const StmtList &orElse) {
  const StmtList &last = orElse.empty() ? body : orElse;
  return last.back()->getRange().end;
}

//===----------------------------------------------------------------------===//
// Simple statements
//===----------------------------------------------------------------------===//

StmtPtr Parser::parseExprOrAssignment() {
  SourceLoc begin = tok().range.begin;
  ExprPtr first = parseExpressionList();
  if (!first)
    return nullptr;

  // Annotated assignment: `x: int = 3`.
  if (at(TokenKind::Colon)) {
    if (!dynCast<NameExpr>(first.get()) &&
        !dynCast<AttributeExpr>(first.get()) &&
        !dynCast<SubscriptExpr>(first.get())) {
      if (dynCast<TupleExpr>(first.get()) || dynCast<ListExpr>(first.get()))
        return error(first->getRange(),
                     "only single target (not tuple) can be annotated");
      return error(first->getRange(), "illegal target for annotation");
    }
    markTarget(*first);
    consume();
    ExprPtr annotation = parseExpression();
    if (!annotation)
      return nullptr;
    ExprPtr value;
    if (consumeIf(TokenKind::Equal)) {
      value = parseExpressionList();
      if (!value)
        return nullptr;
    }
    return std::make_unique<AnnAssignStmt>(
        SourceRange(begin, prevEnd), std::move(first), std::move(annotation),
        std::move(value));
  }

  // Augmented assignment: `x += 1`.
  BinaryOpKind op;
  if (getAugAssignOp(tok().kind, op)) {
    if (!dynCast<NameExpr>(first.get()) &&
        !dynCast<AttributeExpr>(first.get()) &&
        !dynCast<SubscriptExpr>(first.get())) {
      std::string what = dynCast<TupleExpr>(first.get()) ? "tuple"
                         : dynCast<ListExpr>(first.get())
                             ? "list"
                             : describeForAssignment(*first);
      return error(first->getRange(), "'" + what +
                                          "' is an illegal expression for "
                                          "augmented assignment");
    }
    markTarget(*first);
    SourceRange opRange = consume().range;
    ExprPtr value = parseExpressionList();
    if (!value)
      return nullptr;
    return std::make_unique<AugAssignStmt>(SourceRange(begin, prevEnd),
                                           std::move(first), op, opRange,
                                           std::move(value));
  }

  if (!at(TokenKind::Equal))
    return std::make_unique<ExprStmt>(SourceRange(begin, prevEnd),
                                      std::move(first));

  // Assignment, possibly chained: `a = b = value`.
  ExprList exprs;
  exprs.push_back(std::move(first));
  while (consumeIf(TokenKind::Equal)) {
    ExprPtr next = parseExpressionList();
    if (!next)
      return nullptr;
    exprs.push_back(std::move(next));
  }
  ExprPtr value = std::move(exprs.back());
  exprs.pop_back();
  for (const ExprPtr &target : exprs)
    if (!markTarget(*target))
      return nullptr;
  return std::make_unique<AssignStmt>(SourceRange(begin, prevEnd),
                                      std::move(exprs), std::move(value));
}

bool Parser::parseDottedName(std::string &name) {
  if (!at(TokenKind::Identifier)) {
    expectedToken("expected module name");
    return false;
  }
  name = std::string(consume().text);
  while (consumeIf(TokenKind::Dot)) {
    if (!at(TokenKind::Identifier)) {
      expectedToken("expected name after '.'");
      return false;
    }
    name += ".";
    name += consume().text;
  }
  return true;
}

StmtPtr Parser::parseImport() {
  SourceLoc begin = consume().range.begin;
  std::vector<ImportAlias> names;
  do {
    ImportAlias alias;
    SourceLoc aliasBegin = tok().range.begin;
    if (!parseDottedName(alias.name))
      return nullptr;
    if (consumeIf(TokenKind::kw_as)) {
      if (!at(TokenKind::Identifier))
        return expectedToken("expected name after 'as'");
      alias.asName = std::string(consume().text);
    }
    alias.range = SourceRange(aliasBegin, prevEnd);
    names.push_back(std::move(alias));
  } while (consumeIf(TokenKind::Comma));
  return std::make_unique<ImportStmt>(SourceRange(begin, prevEnd),
                                      std::move(names));
}

StmtPtr Parser::parseFromImport() {
  SourceLoc begin = consume().range.begin;
  unsigned level = 0;
  while (at(TokenKind::Dot) || at(TokenKind::Ellipsis))
    level += consume().is(TokenKind::Dot) ? 1 : 3;
  std::string module;
  if ((level == 0 || at(TokenKind::Identifier)) && !parseDottedName(module))
    return nullptr;
  if (!expect(TokenKind::kw_import, "expected 'import' after module name"))
    return nullptr;
  if (at(TokenKind::Star))
    return errorAtToken("wildcard imports ('from ... import *') are not "
                        "supported");
  bool parenthesized = consumeIf(TokenKind::LParen);
  std::vector<ImportAlias> names;
  do {
    if (parenthesized && at(TokenKind::RParen) && !names.empty())
      break; // Trailing comma.
    if (!at(TokenKind::Identifier))
      return expectedToken("expected name to import");
    ImportAlias alias;
    Token name = consume();
    alias.name = std::string(name.text);
    if (consumeIf(TokenKind::kw_as)) {
      if (!at(TokenKind::Identifier))
        return expectedToken("expected name after 'as'");
      alias.asName = std::string(consume().text);
    }
    alias.range = SourceRange(name.range.begin, prevEnd);
    names.push_back(std::move(alias));
  } while (consumeIf(TokenKind::Comma));
  if (parenthesized && !expect(TokenKind::RParen, "expected ',' or ')'"))
    return nullptr;
  return std::make_unique<ImportFromStmt>(
      SourceRange(begin, prevEnd), std::move(module), level, std::move(names));
}

StmtPtr Parser::parseReturn() {
  if (functionDepth == 0)
    return errorAtToken("'return' outside function");
  SourceLoc begin = consume().range.begin;
  ExprPtr value;
  if (!at(TokenKind::Newline) && !at(TokenKind::Semi)) {
    value = parseExpressionList();
    if (!value)
      return nullptr;
  }
  return std::make_unique<ReturnStmt>(SourceRange(begin, prevEnd),
                                      std::move(value));
}

StmtPtr Parser::parseAssert() {
  SourceLoc begin = consume().range.begin;
  ExprPtr test = parseExpression();
  if (!test)
    return nullptr;
  ExprPtr msg;
  if (consumeIf(TokenKind::Comma)) {
    msg = parseExpression();
    if (!msg)
      return nullptr;
  }
  return std::make_unique<AssertStmt>(SourceRange(begin, prevEnd),
                                      std::move(test), std::move(msg));
}

StmtPtr Parser::parseGlobalOrNonlocal() {
  bool isGlobal = at(TokenKind::kw_global);
  if (!isGlobal && functionDepth == 0)
    return errorAtToken("nonlocal declaration not allowed at module level");
  SourceLoc begin = consume().range.begin;
  std::vector<Identifier> names;
  do {
    if (!at(TokenKind::Identifier))
      return expectedToken("expected name");
    Token name = consume();
    names.push_back({std::string(name.text), name.range});
  } while (consumeIf(TokenKind::Comma));
  SourceRange range(begin, prevEnd);
  if (isGlobal)
    return std::make_unique<GlobalStmt>(range, std::move(names));
  return std::make_unique<NonlocalStmt>(range, std::move(names));
}

//===----------------------------------------------------------------------===//
// Compound statements
//===----------------------------------------------------------------------===//

bool Parser::parseParams(ParamList &params, TokenKind closer, bool isLambda) {
  bool seenStar = false, seenSlash = false, seenDefault = false;
  SourceRange starRange;
  while (!at(closer)) {
    if (at(TokenKind::Star)) {
      Token star = consume();
      if (at(TokenKind::Identifier)) {
        error(joinRanges(star.range, tok().range),
              "variadic parameters ('*args') are not supported");
        return false;
      }
      if (seenStar) {
        error(star.range, "'*' may appear only once");
        return false;
      }
      seenStar = true;
      starRange = star.range;
    } else if (at(TokenKind::DoubleStar)) {
      errorAtToken(
          "variadic keyword parameters ('**kwargs') are not supported");
      return false;
    } else if (at(TokenKind::Slash)) {
      if (params.empty() || seenSlash || seenStar) {
        errorAtToken(params.empty() ? "at least one parameter must precede '/'"
                                    : "'/' may appear only once, before '*'");
        return false;
      }
      consume();
      seenSlash = true;
      for (Param &param : params)
        param.posOnly = true;
    } else if (!parseParam(params, isLambda, seenStar, seenDefault)) {
      return false;
    }
    if (!consumeIf(TokenKind::Comma))
      break;
  }
  if (seenStar && (params.empty() || !params.back().kwOnly)) {
    error(starRange, "named parameters must follow bare '*'");
    return false;
  }
  if (isLambda)
    return expect(closer, "expected ':' after lambda parameters");
  return expect(closer, "expected ',' or ')' in parameter list");
}

bool Parser::parseParam(ParamList &params, bool isLambda, bool kwOnly,
                        bool &seenDefault) {
  if (!at(TokenKind::Identifier)) {
    expectedToken("expected parameter name");
    return false;
  }
  Token name = consume();
  Param param;
  param.name = std::string(name.text);
  param.range = name.range;
  param.kwOnly = kwOnly;
  for (const Param &other : params) {
    if (other.name == param.name) {
      error(name.range,
            "duplicate parameter '" + param.name + "' in function definition");
      return false;
    }
  }
  if (!isLambda && consumeIf(TokenKind::Colon)) {
    param.annotation = parseExpression();
    if (!param.annotation)
      return false;
  }
  if (consumeIf(TokenKind::Equal)) {
    param.defaultValue = parseExpression();
    if (!param.defaultValue)
      return false;
    seenDefault = true;
  } else if (seenDefault && !kwOnly) {
    error(name.range, "non-default parameter follows default parameter");
    return false;
  }
  params.push_back(std::move(param));
  return true;
}

StmtPtr Parser::parseFunctionDef() {
  Token defTok = consume();
  if (!at(TokenKind::Identifier))
    return expectedToken("expected function name after 'def'");
  Token name = consume();
  if (!expect(TokenKind::LParen, "expected '(' after function name"))
    return nullptr;
  ParamList params;
  if (!parseParams(params, TokenKind::RParen, /*isLambda=*/false))
    return nullptr;
  ExprPtr returns;
  if (consumeIf(TokenKind::RArrow)) {
    returns = parseExpression();
    if (!returns)
      return nullptr;
  }
  if (!expect(TokenKind::Colon, "expected ':' after function signature"))
    return nullptr;

  // A loop around the def does not make `break` valid inside it.
  unsigned savedLoopDepth = loopDepth;
  loopDepth = 0;
  ++functionDepth;
  StmtList body;
  bool ok = parseBlock(body, "function definition", defTok);
  --functionDepth;
  loopDepth = savedLoopDepth;
  if (!ok)
    return nullptr;
  SourceRange range(defTok.range.begin, getEndOfBlocks(body, {}));
  return std::make_unique<FunctionDefStmt>(range, std::string(name.text),
                                           name.range, std::move(params),
                                           std::move(returns), std::move(body));
}

bool Parser::parseElse(StmtList &orElse) {
  if (!at(TokenKind::kw_else))
    return true;
  Token elseTok = consume();
  if (!expect(TokenKind::Colon, "expected ':' after 'else'"))
    return false;
  return parseBlock(orElse, "'else' statement", elseTok);
}

StmtPtr Parser::parseIf() {
  Token ifTok = consume(); // 'if' or 'elif'
  std::string keyword(ifTok.text);
  ExprPtr test = parseExpression();
  if (!test)
    return nullptr;
  if (!expect(TokenKind::Colon,
              "expected ':' after '" + keyword + "' condition"))
    return nullptr;
  StmtList body;
  if (!parseBlock(body, "'" + keyword + "' statement", ifTok))
    return nullptr;
  StmtList orElse;
  if (at(TokenKind::kw_elif)) {
    // Each `elif` nests one level deeper in the AST.
    DepthGuard guard(*this);
    if (!guard.deepen())
      return nullptr;
    StmtPtr elif = parseIf();
    if (!elif)
      return nullptr;
    orElse.push_back(std::move(elif));
  } else if (!parseElse(orElse)) {
    return nullptr;
  }
  SourceRange range(ifTok.range.begin, getEndOfBlocks(body, orElse));
  return std::make_unique<IfStmt>(range, std::move(test), std::move(body),
                                  std::move(orElse));
}

StmtPtr Parser::parseFor() {
  Token forTok = consume();
  ExprPtr target = parseTargetList();
  if (!target)
    return nullptr;
  if (!expect(TokenKind::kw_in, "expected 'in' after 'for' target"))
    return nullptr;
  if (!markTarget(*target))
    return nullptr;
  ExprPtr iter = parseExpressionList();
  if (!iter)
    return nullptr;
  if (!expect(TokenKind::Colon, "expected ':' after 'for' iterable"))
    return nullptr;
  StmtList body;
  ++loopDepth;
  bool ok = parseBlock(body, "'for' statement", forTok);
  --loopDepth;
  StmtList orElse;
  if (!ok || !parseElse(orElse))
    return nullptr;
  SourceRange range(forTok.range.begin, getEndOfBlocks(body, orElse));
  return std::make_unique<ForStmt>(range, std::move(target), std::move(iter),
                                   std::move(body), std::move(orElse));
}

StmtPtr Parser::parseWhile() {
  Token whileTok = consume();
  ExprPtr test = parseExpression();
  if (!test)
    return nullptr;
  if (!expect(TokenKind::Colon, "expected ':' after 'while' condition"))
    return nullptr;
  StmtList body;
  ++loopDepth;
  bool ok = parseBlock(body, "'while' statement", whileTok);
  --loopDepth;
  StmtList orElse;
  if (!ok || !parseElse(orElse))
    return nullptr;
  SourceRange range(whileTok.range.begin, getEndOfBlocks(body, orElse));
  return std::make_unique<WhileStmt>(range, std::move(test), std::move(body),
                                     std::move(orElse));
}
