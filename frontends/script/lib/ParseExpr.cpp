//===- ParseExpr.cpp - Parsing of expressions ----------------------------===//
//
// Python's expression grammar by precedence climbing, lowest first:
// lambda, `x if c else y`, or, and, not, comparisons, | ^ & << >> + -
// * / // % @, unary + - ~, ** (right-associative, binding tighter than a
// unary operator on its left), then primaries with their trailers.
//
//===----------------------------------------------------------------------===//

#include "ParserImpl.h"

using namespace dac::script;

bool Parser::startsExpression(const Token &t) {
  switch (t.kind) {
  case TokenKind::Identifier:
  case TokenKind::Integer:
  case TokenKind::Float:
  case TokenKind::String:
  case TokenKind::LParen:
  case TokenKind::LSquare:
  case TokenKind::LBrace:
  case TokenKind::Plus:
  case TokenKind::Minus:
  case TokenKind::Tilde:
  case TokenKind::Star:
  case TokenKind::Ellipsis:
  case TokenKind::kw_not:
  case TokenKind::kw_lambda:
  case TokenKind::kw_True:
  case TokenKind::kw_False:
  case TokenKind::kw_None:
  case TokenKind::kw_await:
  case TokenKind::kw_yield:
    return true;
  default:
    return false;
  }
}

ExprPtr Parser::parseExpression() {
  DepthGuard guard(*this);
  if (!guard.deepen())
    return nullptr;
  if (at(TokenKind::kw_lambda))
    return parseLambda();
  // Composite expressions start at their first token, so that a
  // parenthesized first operand is included, as in Python's ast.
  SourceLoc begin = tok().range.begin;
  ExprPtr body = parseDisjunction();
  if (!body || !at(TokenKind::kw_if))
    return body;
  consume();
  ExprPtr test = parseDisjunction();
  if (!test)
    return nullptr;
  if (!expect(TokenKind::kw_else, "expected 'else' after 'if' expression"))
    return nullptr;
  ExprPtr orElse = parseExpression();
  if (!orElse)
    return nullptr;
  SourceRange range(begin, prevEnd);
  return std::make_unique<IfExpExpr>(range, std::move(test), std::move(body),
                                     std::move(orElse));
}

ExprPtr Parser::parseExpressionList() {
  SourceLoc begin = tok().range.begin;
  ExprPtr first = parseExpression();
  if (!first || !at(TokenKind::Comma))
    return first;
  ExprList elements;
  elements.push_back(std::move(first));
  while (consumeIf(TokenKind::Comma) && startsExpression(tok())) {
    ExprPtr next = parseExpression();
    if (!next)
      return nullptr;
    elements.push_back(std::move(next));
  }
  return std::make_unique<TupleExpr>(SourceRange(begin, prevEnd),
                                     std::move(elements));
}

ExprPtr Parser::parseTargetList() {
  // Targets are parsed below comparisons so that `in` ends them.
  SourceLoc begin = tok().range.begin;
  ExprPtr first = parseBinary(0);
  if (!first || !at(TokenKind::Comma))
    return first;
  ExprList elements;
  elements.push_back(std::move(first));
  while (consumeIf(TokenKind::Comma) && !at(TokenKind::kw_in)) {
    ExprPtr next = parseBinary(0);
    if (!next)
      return nullptr;
    elements.push_back(std::move(next));
  }
  return std::make_unique<TupleExpr>(SourceRange(begin, prevEnd),
                                     std::move(elements));
}

ExprPtr Parser::parseDisjunction() {
  SourceLoc begin = tok().range.begin;
  ExprPtr first = parseConjunction();
  if (!first || !at(TokenKind::kw_or))
    return first;
  ExprList values;
  std::vector<SourceRange> opRanges;
  values.push_back(std::move(first));
  while (at(TokenKind::kw_or)) {
    opRanges.push_back(consume().range);
    ExprPtr next = parseConjunction();
    if (!next)
      return nullptr;
    values.push_back(std::move(next));
  }
  return std::make_unique<BoolOpExpr>(SourceRange(begin, prevEnd),
                                      BoolOpKind::Or, std::move(values),
                                      std::move(opRanges));
}

ExprPtr Parser::parseConjunction() {
  SourceLoc begin = tok().range.begin;
  ExprPtr first = parseInversion();
  if (!first || !at(TokenKind::kw_and))
    return first;
  ExprList values;
  std::vector<SourceRange> opRanges;
  values.push_back(std::move(first));
  while (at(TokenKind::kw_and)) {
    opRanges.push_back(consume().range);
    ExprPtr next = parseInversion();
    if (!next)
      return nullptr;
    values.push_back(std::move(next));
  }
  return std::make_unique<BoolOpExpr>(SourceRange(begin, prevEnd),
                                      BoolOpKind::And, std::move(values),
                                      std::move(opRanges));
}

ExprPtr Parser::parseInversion() {
  if (!at(TokenKind::kw_not))
    return parseComparison();
  DepthGuard guard(*this);
  if (!guard.deepen())
    return nullptr;
  Token op = consume();
  ExprPtr operand = parseInversion();
  if (!operand)
    return nullptr;
  SourceRange range(op.range.begin, prevEnd);
  return std::make_unique<UnaryOpExpr>(range, UnaryOpKind::Not, op.range,
                                       std::move(operand));
}

bool Parser::atComparisonOp(CmpOpKind &op) {
  switch (tok().kind) {
  case TokenKind::Less:
    op = CmpOpKind::Lt;
    return true;
  case TokenKind::Greater:
    op = CmpOpKind::Gt;
    return true;
  case TokenKind::EqEqual:
    op = CmpOpKind::Eq;
    return true;
  case TokenKind::NotEqual:
    op = CmpOpKind::NotEq;
    return true;
  case TokenKind::LessEqual:
    op = CmpOpKind::LtE;
    return true;
  case TokenKind::GreaterEqual:
    op = CmpOpKind::GtE;
    return true;
  case TokenKind::kw_in:
    op = CmpOpKind::In;
    return true;
  case TokenKind::kw_is:
    op = peek(1).is(TokenKind::kw_not) ? CmpOpKind::IsNot : CmpOpKind::Is;
    return true;
  case TokenKind::kw_not:
    // `not` continues a comparison only as `not in`.
    op = CmpOpKind::NotIn;
    return peek(1).is(TokenKind::kw_in);
  default:
    return false;
  }
}

ExprPtr Parser::parseComparison() {
  SourceLoc begin = tok().range.begin;
  ExprPtr left = parseBinary(0);
  if (!left)
    return nullptr;
  std::vector<CmpOpKind> ops;
  std::vector<SourceRange> opRanges;
  ExprList comparators;
  CmpOpKind op;
  while (atComparisonOp(op)) {
    SourceRange opRange = consume().range;
    if (op == CmpOpKind::IsNot || op == CmpOpKind::NotIn)
      opRange.end = consume().range.end;
    ExprPtr next = parseBinary(0);
    if (!next)
      return nullptr;
    ops.push_back(op);
    opRanges.push_back(opRange);
    comparators.push_back(std::move(next));
  }
  if (ops.empty())
    return left;
  SourceRange range(begin, prevEnd);
  return std::make_unique<CompareExpr>(range, std::move(left), std::move(ops),
                                       std::move(opRanges),
                                       std::move(comparators));
}

namespace {
/// One binary operator of the table below.
struct BinaryOperator {
  TokenKind token;
  BinaryOpKind op;
};
} // namespace

/// The left-associative binary operators by increasing precedence; each
/// level's operands are parsed at the next level.
static const std::vector<std::vector<BinaryOperator>> &getBinaryLevels() {
  static const std::vector<std::vector<BinaryOperator>> levels = {
      {{TokenKind::VBar, BinaryOpKind::BitOr}},
      {{TokenKind::Circumflex, BinaryOpKind::BitXor}},
      {{TokenKind::Amper, BinaryOpKind::BitAnd}},
      {{TokenKind::LeftShift, BinaryOpKind::LShift},
       {TokenKind::RightShift, BinaryOpKind::RShift}},
      {{TokenKind::Plus, BinaryOpKind::Add},
       {TokenKind::Minus, BinaryOpKind::Sub}},
      {{TokenKind::Star, BinaryOpKind::Mult},
       {TokenKind::Slash, BinaryOpKind::Div},
       {TokenKind::DoubleSlash, BinaryOpKind::FloorDiv},
       {TokenKind::Percent, BinaryOpKind::Mod},
       {TokenKind::At, BinaryOpKind::MatMult}},
  };
  return levels;
}

ExprPtr Parser::parseBinary(unsigned level) {
  const auto &levels = getBinaryLevels();
  if (level == levels.size())
    return parseFactor();
  SourceLoc begin = tok().range.begin;
  DepthGuard guard(*this);
  ExprPtr lhs = parseBinary(level + 1);
  while (lhs) {
    const BinaryOperator *match = nullptr;
    for (const BinaryOperator &candidate : levels[level])
      if (at(candidate.token))
        match = &candidate;
    if (!match || !guard.deepen())
      break;
    SourceRange opRange = consume().range;
    ExprPtr rhs = parseBinary(level + 1);
    if (!rhs)
      return nullptr;
    SourceRange range(begin, prevEnd);
    lhs = std::make_unique<BinaryOpExpr>(range, match->op, opRange,
                                         std::move(lhs), std::move(rhs));
  }
  return failed ? nullptr : std::move(lhs);
}

ExprPtr Parser::parseFactor() {
  UnaryOpKind op;
  switch (tok().kind) {
  case TokenKind::Plus:
    op = UnaryOpKind::UAdd;
    break;
  case TokenKind::Minus:
    op = UnaryOpKind::USub;
    break;
  case TokenKind::Tilde:
    op = UnaryOpKind::Invert;
    break;
  default:
    return parsePower();
  }
  DepthGuard guard(*this);
  if (!guard.deepen())
    return nullptr;
  Token opTok = consume();
  ExprPtr operand = parseFactor();
  if (!operand)
    return nullptr;
  SourceRange range(opTok.range.begin, prevEnd);
  return std::make_unique<UnaryOpExpr>(range, op, opTok.range,
                                       std::move(operand));
}

ExprPtr Parser::parsePower() {
  SourceLoc begin = tok().range.begin;
  ExprPtr base = parsePrimary();
  if (!base || !at(TokenKind::DoubleStar))
    return base;
  DepthGuard guard(*this);
  if (!guard.deepen())
    return nullptr;
  SourceRange opRange = consume().range;
  // The exponent is a factor: `2**-1` is valid and `2**3**2` nests right.
  ExprPtr exponent = parseFactor();
  if (!exponent)
    return nullptr;
  SourceRange range(begin, prevEnd);
  return std::make_unique<BinaryOpExpr>(range, BinaryOpKind::Pow, opRange,
                                        std::move(base), std::move(exponent));
}

ExprPtr Parser::parsePrimary() {
  SourceLoc begin = tok().range.begin;
  ExprPtr expr = parseAtom();
  DepthGuard guard(*this);
  while (expr) {
    bool isTrailer =
        at(TokenKind::Dot) || at(TokenKind::LParen) || at(TokenKind::LSquare);
    if (isTrailer && !guard.deepen())
      return nullptr;
    if (at(TokenKind::Dot)) {
      consume();
      if (!at(TokenKind::Identifier))
        return expectedToken("expected attribute name after '.'");
      Token name = consume();
      SourceRange range(begin, name.range.end);
      expr = std::make_unique<AttributeExpr>(
          range, std::move(expr), std::string(name.text), name.range);
    } else if (at(TokenKind::LParen)) {
      expr = parseCall(begin, std::move(expr));
    } else if (at(TokenKind::LSquare)) {
      expr = parseSubscript(begin, std::move(expr));
    } else {
      break;
    }
  }
  return expr;
}

ExprPtr Parser::parseCall(SourceLoc begin, ExprPtr callee) {
  consume(); // '('
  ExprList args;
  std::vector<Keyword> keywords;
  while (!at(TokenKind::RParen)) {
    if (at(TokenKind::Star))
      return error(joinRanges(tok().range, peek(1).range),
                   "star-arguments ('*args') in calls are not supported");
    if (at(TokenKind::DoubleStar))
      return errorAtToken("keyword-argument unpacking ('**kwargs') in calls "
                          "is not supported");
    if (at(TokenKind::Identifier) && peek(1).is(TokenKind::Equal)) {
      Token name = consume();
      consume(); // '='
      ExprPtr value = parseExpression();
      if (!value)
        return nullptr;
      std::string keyword(name.text);
      for (const Keyword &other : keywords)
        if (other.name == keyword)
          return error(name.range, "keyword argument repeated: " + keyword);
      SourceRange range(name.range.begin, prevEnd);
      keywords.push_back({keyword, std::move(value), range});
    } else {
      ExprPtr arg = parseExpression();
      if (!arg)
        return nullptr;
      if (at(TokenKind::Equal))
        return error(arg->getRange(), "expression cannot contain assignment, "
                                      "perhaps you meant \"==\"?");
      if (at(TokenKind::kw_for))
        return errorAtToken("generator expressions are not supported");
      if (!keywords.empty())
        return error(arg->getRange(),
                     "positional argument follows keyword argument");
      args.push_back(std::move(arg));
    }
    if (!consumeIf(TokenKind::Comma))
      break;
  }
  if (!expect(TokenKind::RParen, "expected ',' or ')' after call argument"))
    return nullptr;
  SourceRange range(begin, prevEnd);
  return std::make_unique<CallExpr>(range, std::move(callee), std::move(args),
                                    std::move(keywords));
}

ExprPtr Parser::parseSubscript(SourceLoc begin, ExprPtr value) {
  consume(); // '['
  SourceLoc indexBegin = tok().range.begin;
  ExprPtr index = parseSliceItem();
  if (!index)
    return nullptr;
  if (at(TokenKind::Comma)) {
    // `a[i, j]`, `a[i,]`: the index is a tuple.
    ExprList elements;
    elements.push_back(std::move(index));
    while (consumeIf(TokenKind::Comma) && !at(TokenKind::RSquare)) {
      ExprPtr next = parseSliceItem();
      if (!next)
        return nullptr;
      elements.push_back(std::move(next));
    }
    index = std::make_unique<TupleExpr>(SourceRange(indexBegin, prevEnd),
                                        std::move(elements));
  }
  if (!expect(TokenKind::RSquare, "expected ',' or ']' in subscript"))
    return nullptr;
  SourceRange range(begin, prevEnd);
  return std::make_unique<SubscriptExpr>(range, std::move(value),
                                         std::move(index));
}

ExprPtr Parser::parseSliceItem() {
  SourceLoc begin = tok().range.begin;
  ExprPtr lower;
  if (!at(TokenKind::Colon)) {
    lower = parseExpression();
    if (!lower || !at(TokenKind::Colon))
      return lower;
  }
  consume(); // ':'
  auto endsPart = [this] {
    return at(TokenKind::Colon) || at(TokenKind::Comma) ||
           at(TokenKind::RSquare);
  };
  ExprPtr upper, step;
  if (!endsPart()) {
    upper = parseExpression();
    if (!upper)
      return nullptr;
  }
  if (consumeIf(TokenKind::Colon) && !endsPart()) {
    step = parseExpression();
    if (!step)
      return nullptr;
  }
  return std::make_unique<SliceExpr>(SourceRange(begin, prevEnd),
                                     std::move(lower), std::move(upper),
                                     std::move(step));
}

ExprPtr Parser::parseAtom() {
  const Token &t = tok();
  SourceRange range = t.range;
  switch (t.kind) {
  case TokenKind::Identifier: {
    std::string name(t.text);
    consume();
    return std::make_unique<NameExpr>(range, std::move(name));
  }
  case TokenKind::Integer: {
    if (!t.bigIntDigits.empty()) {
      auto big =
          std::make_unique<IntLiteralExpr>(range, t.bigIntDigits, t.intBase);
      consume();
      return big;
    }
    int64_t value = t.intValue;
    consume();
    return std::make_unique<IntLiteralExpr>(range, value);
  }
  case TokenKind::Float: {
    double value = t.floatValue;
    consume();
    return std::make_unique<FloatLiteralExpr>(range, value);
  }
  case TokenKind::String:
    return parseStrings();
  case TokenKind::kw_True:
  case TokenKind::kw_False: {
    bool value = t.is(TokenKind::kw_True);
    consume();
    return std::make_unique<BoolLiteralExpr>(range, value);
  }
  case TokenKind::kw_None:
    consume();
    return std::make_unique<NoneLiteralExpr>(range);
  case TokenKind::Ellipsis:
    consume();
    return std::make_unique<EllipsisLiteralExpr>(range);
  case TokenKind::LParen:
    return parseParenthesized();
  case TokenKind::LSquare:
    return parseListDisplay();
  case TokenKind::LBrace:
    return parseBraceDisplay();
  default:
    return expectedExpression();
  }
}

ExprPtr Parser::parseParenthesized() {
  Token lparen = consume();
  if (consumeIf(TokenKind::RParen))
    return std::make_unique<TupleExpr>(SourceRange(lparen.range.begin, prevEnd),
                                       ExprList());
  ExprPtr first = parseExpression();
  if (!first)
    return nullptr;
  if (at(TokenKind::kw_for))
    return errorAtToken("generator expressions are not supported");
  if (consumeIf(TokenKind::RParen))
    return first; // A parenthesized expression keeps its own range.
  if (!at(TokenKind::Comma))
    return expectedToken("expected ',' or ')'");
  ExprList elements;
  elements.push_back(std::move(first));
  while (consumeIf(TokenKind::Comma) && !at(TokenKind::RParen)) {
    ExprPtr next = parseExpression();
    if (!next)
      return nullptr;
    elements.push_back(std::move(next));
  }
  if (!expect(TokenKind::RParen, "expected ',' or ')'"))
    return nullptr;
  return std::make_unique<TupleExpr>(SourceRange(lparen.range.begin, prevEnd),
                                     std::move(elements));
}

ExprPtr Parser::parseListDisplay() {
  Token lsquare = consume();
  ExprList elements;
  while (!at(TokenKind::RSquare)) {
    ExprPtr element = parseExpression();
    if (!element)
      return nullptr;
    if (at(TokenKind::kw_for))
      return errorAtToken("list comprehensions are not supported; use a "
                          "loop or whole-array operations");
    elements.push_back(std::move(element));
    if (!consumeIf(TokenKind::Comma))
      break;
  }
  if (!expect(TokenKind::RSquare, "expected ',' or ']'"))
    return nullptr;
  return std::make_unique<ListExpr>(SourceRange(lsquare.range.begin, prevEnd),
                                    std::move(elements));
}

ExprPtr Parser::parseBraceDisplay() {
  Token lbrace = consume();
  ExprList keys, values;
  bool isSet = false;
  while (!at(TokenKind::RBrace)) {
    if (at(TokenKind::DoubleStar))
      return errorAtToken("dict unpacking ('**') is not supported");
    ExprPtr key = parseExpression();
    if (!key)
      return nullptr;
    if (keys.empty() && !at(TokenKind::Colon))
      isSet = true;
    if (isSet) {
      if (at(TokenKind::kw_for))
        return errorAtToken("set comprehensions are not supported");
    } else {
      if (!expect(TokenKind::Colon, "expected ':' after dict key"))
        return nullptr;
      ExprPtr value = parseExpression();
      if (!value)
        return nullptr;
      if (at(TokenKind::kw_for))
        return errorAtToken("dict comprehensions are not supported");
      values.push_back(std::move(value));
    }
    keys.push_back(std::move(key));
    if (!consumeIf(TokenKind::Comma))
      break;
  }
  if (!expect(TokenKind::RBrace, "expected ',' or '}'"))
    return nullptr;
  SourceRange range(lbrace.range.begin, prevEnd);
  if (isSet)
    return error(range, "set literals are not supported");
  return std::make_unique<DictExpr>(range, std::move(keys), std::move(values));
}

ExprPtr Parser::parseLambda() {
  Token lambda = consume();
  ParamList params;
  if (!parseParams(params, TokenKind::Colon, /*isLambda=*/true))
    return nullptr;
  ExprPtr body = parseExpression();
  if (!body)
    return nullptr;
  SourceRange range(lambda.range.begin, prevEnd);
  return std::make_unique<LambdaExpr>(range, std::move(params),
                                      std::move(body));
}
