//===- Expr.h - Expression nodes of the script AST --------------*- C++ -*-===//
//
// Expression nodes. Each class has a Kind and a classof, so llvm::isa,
// llvm::cast and llvm::dyn_cast work on them, although this header includes
// no LLVM. Children are owned through std::unique_ptr; accessors return
// references for children that always exist and pointers for optional ones.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_EXPR_H
#define DAC_SCRIPT_EXPR_H

#include "dac/Script/SourceManager.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dac {
namespace script {

class Expr;
using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;

/// Whether an expression is read or assigned to. Only NameExpr,
/// AttributeExpr, SubscriptExpr, TupleExpr and ListExpr can be targets.
enum class ExprContext { Load, Store };

enum class BinaryOpKind {
  Add,
  Sub,
  Mult,
  MatMult,
  Div,
  FloorDiv,
  Mod,
  Pow,
  LShift,
  RShift,
  BitOr,
  BitXor,
  BitAnd
};
enum class UnaryOpKind { UAdd, USub, Invert, Not };
enum class BoolOpKind { And, Or };
enum class CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

/// Python spellings: "+", "//", "not", "and", "is not", ...
const char *getSpelling(BinaryOpKind op);
const char *getSpelling(UnaryOpKind op);
const char *getSpelling(BoolOpKind op);
const char *getSpelling(CmpOpKind op);

/// Base of all expressions.
class Expr {
public:
  enum class Kind {
    Name,
    IntLiteral,
    FloatLiteral,
    StringLiteral,
    FString,
    BoolLiteral,
    NoneLiteral,
    EllipsisLiteral,
    Tuple,
    List,
    Dict,
    BinaryOp,
    UnaryOp,
    BoolOp,
    Compare,
    Call,
    Attribute,
    Subscript,
    Slice,
    Lambda,
    IfExp,
  };

  virtual ~Expr();
  Expr(const Expr &) = delete;
  Expr &operator=(const Expr &) = delete;

  Kind getKind() const { return kind; }
  /// The whole expression, from its first to its last character.
  SourceRange getRange() const { return range; }
  SourceLoc getLoc() const { return range.begin; }

protected:
  Expr(Kind kind, SourceRange range) : kind(kind), range(range) {}

private:
  Kind kind;
  SourceRange range;
};

/// A parameter of a FunctionDefStmt or LambdaExpr. `range` covers the name.
struct Param {
  std::string name;
  SourceRange range;
  /// `x: int` (kept, not interpreted); null if absent. Lambdas have none.
  ExprPtr annotation;
  /// `x=1`; null if absent.
  ExprPtr defaultValue;
  /// After a bare `*`: can only be passed by keyword.
  bool kwOnly = false;
  /// Before a `/`: can only be passed by position.
  bool posOnly = false;
};
using ParamList = std::vector<Param>;

/// `name=value` in a call. `range` covers both.
struct Keyword {
  std::string name;
  ExprPtr value;
  SourceRange range;
};

/// One piece of an f-string: literal text (`value` null) or a replacement
/// field `{value!conversion:formatSpec}`.
struct FStringPart {
  /// The decoded text of a literal piece ("{{" already turned into "{").
  std::string literal;
  /// The field's expression; null for literal text.
  ExprPtr value;
  /// 'r', 's' or 'a' after '!', or 0 when absent.
  char conversion = 0;
  /// The text after ':' (".3f"), undecoded; nested fields are rejected.
  std::string formatSpec;
  bool hasFormatSpec = false;
  /// The literal text, or the field from '{' to '}'.
  SourceRange range;

  bool isLiteral() const { return value == nullptr; }
};

//===----------------------------------------------------------------------===//
// Names and literals
//===----------------------------------------------------------------------===//

class NameExpr : public Expr {
public:
  NameExpr(SourceRange range, std::string name,
           ExprContext ctx = ExprContext::Load)
      : Expr(Kind::Name, range), name(std::move(name)), ctx(ctx) {}

  const std::string &getName() const { return name; }
  ExprContext getContext() const { return ctx; }
  void setContext(ExprContext newCtx) { ctx = newCtx; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::Name; }

private:
  std::string name;
  ExprContext ctx;
};

class IntLiteralExpr : public Expr {
public:
  IntLiteralExpr(SourceRange range, int64_t value)
      : Expr(Kind::IntLiteral, range), value(value) {}
  /// A literal beyond int64: its digits in `base`.
  IntLiteralExpr(SourceRange range, std::string bigDigits, unsigned base)
      : Expr(Kind::IntLiteral, range), value(0),
        bigDigits(std::move(bigDigits)), base(base) {}

  /// The value, if it fits int64 (see isBig).
  int64_t getValue() const { return value; }
  bool isBig() const { return !bigDigits.empty(); }
  const std::string &getBigDigits() const { return bigDigits; }
  unsigned getBase() const { return base; }

  static bool classof(const Expr *e) {
    return e->getKind() == Kind::IntLiteral;
  }

private:
  int64_t value;
  std::string bigDigits;
  unsigned base = 10;
};

class FloatLiteralExpr : public Expr {
public:
  FloatLiteralExpr(SourceRange range, double value)
      : Expr(Kind::FloatLiteral, range), value(value) {}

  double getValue() const { return value; }

  static bool classof(const Expr *e) {
    return e->getKind() == Kind::FloatLiteral;
  }

private:
  double value;
};

/// A string literal, or several adjacent ones concatenated. The value is
/// decoded UTF-8.
class StringLiteralExpr : public Expr {
public:
  StringLiteralExpr(SourceRange range, std::string value)
      : Expr(Kind::StringLiteral, range), value(std::move(value)) {}

  const std::string &getValue() const { return value; }

  static bool classof(const Expr *e) {
    return e->getKind() == Kind::StringLiteral;
  }

private:
  std::string value;
};

/// An f-string (possibly concatenated with plain strings). Adjacent literal
/// pieces are merged and empty ones dropped; `{x=}` is expanded into the
/// literal text "x=" followed by the field.
class FStringExpr : public Expr {
public:
  FStringExpr(SourceRange range, std::vector<FStringPart> parts)
      : Expr(Kind::FString, range), parts(std::move(parts)) {}

  const std::vector<FStringPart> &getParts() const { return parts; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::FString; }

private:
  std::vector<FStringPart> parts;
};

class BoolLiteralExpr : public Expr {
public:
  BoolLiteralExpr(SourceRange range, bool value)
      : Expr(Kind::BoolLiteral, range), value(value) {}

  bool getValue() const { return value; }

  static bool classof(const Expr *e) {
    return e->getKind() == Kind::BoolLiteral;
  }

private:
  bool value;
};

class NoneLiteralExpr : public Expr {
public:
  explicit NoneLiteralExpr(SourceRange range)
      : Expr(Kind::NoneLiteral, range) {}

  static bool classof(const Expr *e) {
    return e->getKind() == Kind::NoneLiteral;
  }
};

/// `...`
class EllipsisLiteralExpr : public Expr {
public:
  explicit EllipsisLiteralExpr(SourceRange range)
      : Expr(Kind::EllipsisLiteral, range) {}

  static bool classof(const Expr *e) {
    return e->getKind() == Kind::EllipsisLiteral;
  }
};

//===----------------------------------------------------------------------===//
// Containers
//===----------------------------------------------------------------------===//

/// `(a, b)`, `a, b`, `()`, `(a,)`, and the index of `x[i, j]`.
class TupleExpr : public Expr {
public:
  TupleExpr(SourceRange range, ExprList elements,
            ExprContext ctx = ExprContext::Load)
      : Expr(Kind::Tuple, range), elements(std::move(elements)), ctx(ctx) {}

  const ExprList &getElements() const { return elements; }
  ExprContext getContext() const { return ctx; }
  void setContext(ExprContext newCtx) { ctx = newCtx; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::Tuple; }

private:
  ExprList elements;
  ExprContext ctx;
};

class ListExpr : public Expr {
public:
  ListExpr(SourceRange range, ExprList elements,
           ExprContext ctx = ExprContext::Load)
      : Expr(Kind::List, range), elements(std::move(elements)), ctx(ctx) {}

  const ExprList &getElements() const { return elements; }
  ExprContext getContext() const { return ctx; }
  void setContext(ExprContext newCtx) { ctx = newCtx; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::List; }

private:
  ExprList elements;
  ExprContext ctx;
};

/// `{k: v, ...}`; keys and values have the same length.
class DictExpr : public Expr {
public:
  DictExpr(SourceRange range, ExprList keys, ExprList values)
      : Expr(Kind::Dict, range), keys(std::move(keys)),
        values(std::move(values)) {}

  const ExprList &getKeys() const { return keys; }
  const ExprList &getValues() const { return values; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::Dict; }

private:
  ExprList keys;
  ExprList values;
};

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

class BinaryOpExpr : public Expr {
public:
  BinaryOpExpr(SourceRange range, BinaryOpKind op, SourceRange opRange,
               ExprPtr lhs, ExprPtr rhs)
      : Expr(Kind::BinaryOp, range), op(op), opRange(opRange),
        lhs(std::move(lhs)), rhs(std::move(rhs)) {}

  BinaryOpKind getOp() const { return op; }
  /// The operator token, for diagnostics that point at it.
  SourceRange getOpRange() const { return opRange; }
  const Expr &getLHS() const { return *lhs; }
  const Expr &getRHS() const { return *rhs; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::BinaryOp; }

private:
  BinaryOpKind op;
  SourceRange opRange;
  ExprPtr lhs;
  ExprPtr rhs;
};

/// `+x`, `-x`, `~x`, `not x`.
class UnaryOpExpr : public Expr {
public:
  UnaryOpExpr(SourceRange range, UnaryOpKind op, SourceRange opRange,
              ExprPtr operand)
      : Expr(Kind::UnaryOp, range), op(op), opRange(opRange),
        operand(std::move(operand)) {}

  UnaryOpKind getOp() const { return op; }
  SourceRange getOpRange() const { return opRange; }
  const Expr &getOperand() const { return *operand; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::UnaryOp; }

private:
  UnaryOpKind op;
  SourceRange opRange;
  ExprPtr operand;
};

/// `a and b and c` (one node, as in Python's ast): at least two values, and
/// the range of each operator between them.
class BoolOpExpr : public Expr {
public:
  BoolOpExpr(SourceRange range, BoolOpKind op, ExprList values,
             std::vector<SourceRange> opRanges)
      : Expr(Kind::BoolOp, range), op(op), values(std::move(values)),
        opRanges(std::move(opRanges)) {}

  BoolOpKind getOp() const { return op; }
  const ExprList &getValues() const { return values; }
  /// opRanges[i] is the operator between values[i] and values[i + 1].
  const std::vector<SourceRange> &getOpRanges() const { return opRanges; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::BoolOp; }

private:
  BoolOpKind op;
  ExprList values;
  std::vector<SourceRange> opRanges;
};

/// A (possibly chained) comparison `left op0 c0 op1 c1 ...`, meaning
/// `left op0 c0 and c0 op1 c1 and ...` with each operand evaluated once.
class CompareExpr : public Expr {
public:
  CompareExpr(SourceRange range, ExprPtr left, std::vector<CmpOpKind> ops,
              std::vector<SourceRange> opRanges, ExprList comparators)
      : Expr(Kind::Compare, range), left(std::move(left)), ops(std::move(ops)),
        opRanges(std::move(opRanges)), comparators(std::move(comparators)) {}

  const Expr &getLeft() const { return *left; }
  const std::vector<CmpOpKind> &getOps() const { return ops; }
  const std::vector<SourceRange> &getOpRanges() const { return opRanges; }
  /// Same length as getOps().
  const ExprList &getComparators() const { return comparators; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::Compare; }

private:
  ExprPtr left;
  std::vector<CmpOpKind> ops;
  std::vector<SourceRange> opRanges;
  ExprList comparators;
};

//===----------------------------------------------------------------------===//
// Trailers: calls, attributes, subscripts
//===----------------------------------------------------------------------===//

/// `callee(args..., name=value...)`. Positional arguments always precede
/// keywords; `*args` and `**kwargs` are rejected by the parser.
class CallExpr : public Expr {
public:
  CallExpr(SourceRange range, ExprPtr callee, ExprList args,
           std::vector<Keyword> keywords)
      : Expr(Kind::Call, range), callee(std::move(callee)),
        args(std::move(args)), keywords(std::move(keywords)) {}

  const Expr &getCallee() const { return *callee; }
  const ExprList &getArgs() const { return args; }
  const std::vector<Keyword> &getKeywords() const { return keywords; }
  /// Returns the keyword argument called \p name, or null.
  const Keyword *findKeyword(const std::string &name) const;

  static bool classof(const Expr *e) { return e->getKind() == Kind::Call; }

private:
  ExprPtr callee;
  ExprList args;
  std::vector<Keyword> keywords;
};

/// `value.name`.
class AttributeExpr : public Expr {
public:
  AttributeExpr(SourceRange range, ExprPtr value, std::string name,
                SourceRange nameRange, ExprContext ctx = ExprContext::Load)
      : Expr(Kind::Attribute, range), value(std::move(value)),
        name(std::move(name)), nameRange(nameRange), ctx(ctx) {}

  const Expr &getValue() const { return *value; }
  const std::string &getName() const { return name; }
  SourceRange getNameRange() const { return nameRange; }
  ExprContext getContext() const { return ctx; }
  void setContext(ExprContext newCtx) { ctx = newCtx; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::Attribute; }

private:
  ExprPtr value;
  std::string name;
  SourceRange nameRange;
  ExprContext ctx;
};

/// `value[index]`. With several indices (`a[i, 1:n]`) the index is a
/// TupleExpr; SliceExpr only ever appears as an index or inside that tuple.
class SubscriptExpr : public Expr {
public:
  SubscriptExpr(SourceRange range, ExprPtr value, ExprPtr index,
                ExprContext ctx = ExprContext::Load)
      : Expr(Kind::Subscript, range), value(std::move(value)),
        index(std::move(index)), ctx(ctx) {}

  const Expr &getValue() const { return *value; }
  const Expr &getIndex() const { return *index; }
  ExprContext getContext() const { return ctx; }
  void setContext(ExprContext newCtx) { ctx = newCtx; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::Subscript; }

private:
  ExprPtr value;
  ExprPtr index;
  ExprContext ctx;
};

/// `lower:upper:step`, each part optional.
class SliceExpr : public Expr {
public:
  SliceExpr(SourceRange range, ExprPtr lower, ExprPtr upper, ExprPtr step)
      : Expr(Kind::Slice, range), lower(std::move(lower)),
        upper(std::move(upper)), step(std::move(step)) {}

  const Expr *getLower() const { return lower.get(); }
  const Expr *getUpper() const { return upper.get(); }
  const Expr *getStep() const { return step.get(); }

  static bool classof(const Expr *e) { return e->getKind() == Kind::Slice; }

private:
  ExprPtr lower;
  ExprPtr upper;
  ExprPtr step;
};

//===----------------------------------------------------------------------===//
// Lambda and conditional expression
//===----------------------------------------------------------------------===//

class LambdaExpr : public Expr {
public:
  LambdaExpr(SourceRange range, ParamList params, ExprPtr body)
      : Expr(Kind::Lambda, range), params(std::move(params)),
        body(std::move(body)) {}

  const ParamList &getParams() const { return params; }
  const Expr &getBody() const { return *body; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::Lambda; }

private:
  ParamList params;
  ExprPtr body;
};

/// `body if test else orElse`.
class IfExpExpr : public Expr {
public:
  IfExpExpr(SourceRange range, ExprPtr test, ExprPtr body, ExprPtr orElse)
      : Expr(Kind::IfExp, range), test(std::move(test)), body(std::move(body)),
        orElse(std::move(orElse)) {}

  const Expr &getTest() const { return *test; }
  const Expr &getBody() const { return *body; }
  const Expr &getOrElse() const { return *orElse; }

  static bool classof(const Expr *e) { return e->getKind() == Kind::IfExp; }

private:
  ExprPtr test;
  ExprPtr body;
  ExprPtr orElse;
};

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_EXPR_H
