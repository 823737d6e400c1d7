//===- Stmt.h - Statement nodes of the script AST ---------------*- C++ -*-===//
//
// Statement nodes, with the same Kind/classof scheme as expressions. The
// range of a compound statement (def, if, for, while) covers its whole
// extent, from the keyword to the end of its last nested statement.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_STMT_H
#define DAC_SCRIPT_STMT_H

#include "dac/Script/Expr.h"

namespace dac {
namespace script {

class Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using StmtList = std::vector<StmtPtr>;

/// Base of all statements.
class Stmt {
public:
  enum class Kind {
    ExprStmt,
    Assign,
    AugAssign,
    AnnAssign,
    Import,
    ImportFrom,
    FunctionDef,
    Return,
    If,
    For,
    While,
    Break,
    Continue,
    Pass,
    Assert,
    Global,
    Nonlocal,
  };

  virtual ~Stmt();
  Stmt(const Stmt &) = delete;
  Stmt &operator=(const Stmt &) = delete;

  Kind getKind() const { return kind; }
  SourceRange getRange() const { return range; }
  SourceLoc getLoc() const { return range.begin; }

protected:
  Stmt(Kind kind, SourceRange range) : kind(kind), range(range) {}

private:
  Kind kind;
  SourceRange range;
};

/// A name with its range, as in `global a, b`.
struct Identifier {
  std::string name;
  SourceRange range;
};

/// `name [as asName]` of an import. `name` is dotted ("numpy.linalg") in
/// ImportStmt and a single name in ImportFromStmt; `asName` is empty when
/// there is no `as`. `range` covers the whole clause.
struct ImportAlias {
  std::string name;
  std::string asName;
  SourceRange range;

  /// The name the import binds: asName, or for `import a.b` the first
  /// component "a" (Python binds the top-level package).
  std::string getBoundName() const;
};

/// An expression used as a statement (a call, a docstring).
class ExprStmt : public Stmt {
public:
  ExprStmt(SourceRange range, ExprPtr expr)
      : Stmt(Kind::ExprStmt, range), expr(std::move(expr)) {}

  const Expr &getExpr() const { return *expr; }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::ExprStmt; }

private:
  ExprPtr expr;
};

/// `t1 = t2 = value`. Targets are in source order and have Store context;
/// each is a Name, Attribute, Subscript, or a Tuple/List of targets.
class AssignStmt : public Stmt {
public:
  AssignStmt(SourceRange range, ExprList targets, ExprPtr value)
      : Stmt(Kind::Assign, range), targets(std::move(targets)),
        value(std::move(value)) {}

  const ExprList &getTargets() const { return targets; }
  const Expr &getValue() const { return *value; }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::Assign; }

private:
  ExprList targets;
  ExprPtr value;
};

/// `target op= value`; the target is a Name, Attribute or Subscript.
class AugAssignStmt : public Stmt {
public:
  AugAssignStmt(SourceRange range, ExprPtr target, BinaryOpKind op,
                SourceRange opRange, ExprPtr value)
      : Stmt(Kind::AugAssign, range), target(std::move(target)), op(op),
        opRange(opRange), value(std::move(value)) {}

  const Expr &getTarget() const { return *target; }
  BinaryOpKind getOp() const { return op; }
  /// The whole operator token, e.g. "+=".
  SourceRange getOpRange() const { return opRange; }
  const Expr &getValue() const { return *value; }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::AugAssign; }

private:
  ExprPtr target;
  BinaryOpKind op;
  SourceRange opRange;
  ExprPtr value;
};

/// `target: annotation [= value]`.
class AnnAssignStmt : public Stmt {
public:
  AnnAssignStmt(SourceRange range, ExprPtr target, ExprPtr annotation,
                ExprPtr value)
      : Stmt(Kind::AnnAssign, range), target(std::move(target)),
        annotation(std::move(annotation)), value(std::move(value)) {}

  const Expr &getTarget() const { return *target; }
  const Expr &getAnnotation() const { return *annotation; }
  /// Null for a bare declaration `x: int`.
  const Expr *getValue() const { return value.get(); }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::AnnAssign; }

private:
  ExprPtr target;
  ExprPtr annotation;
  ExprPtr value;
};

/// `import a.b as c, d`.
class ImportStmt : public Stmt {
public:
  ImportStmt(SourceRange range, std::vector<ImportAlias> names)
      : Stmt(Kind::Import, range), names(std::move(names)) {}

  const std::vector<ImportAlias> &getNames() const { return names; }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::Import; }

private:
  std::vector<ImportAlias> names;
};

/// `from module import a, b as c`. `level` counts the leading dots of a
/// relative import; `module` may then be empty (`from . import x`).
/// `from m import *` is rejected by the parser.
class ImportFromStmt : public Stmt {
public:
  ImportFromStmt(SourceRange range, std::string module, unsigned level,
                 std::vector<ImportAlias> names)
      : Stmt(Kind::ImportFrom, range), module(std::move(module)), level(level),
        names(std::move(names)) {}

  const std::string &getModule() const { return module; }
  unsigned getLevel() const { return level; }
  const std::vector<ImportAlias> &getNames() const { return names; }

  static bool classof(const Stmt *s) {
    return s->getKind() == Kind::ImportFrom;
  }

private:
  std::string module;
  unsigned level;
  std::vector<ImportAlias> names;
};

/// `def name(params) -> returns: body`.
class FunctionDefStmt : public Stmt {
public:
  FunctionDefStmt(SourceRange range, std::string name, SourceRange nameRange,
                  ParamList params, ExprPtr returns, StmtList body)
      : Stmt(Kind::FunctionDef, range), name(std::move(name)),
        nameRange(nameRange), params(std::move(params)),
        returns(std::move(returns)), body(std::move(body)) {}

  const std::string &getName() const { return name; }
  SourceRange getNameRange() const { return nameRange; }
  const ParamList &getParams() const { return params; }
  /// The `-> T` annotation (kept, not interpreted), or null.
  const Expr *getReturns() const { return returns.get(); }
  const StmtList &getBody() const { return body; }

  static bool classof(const Stmt *s) {
    return s->getKind() == Kind::FunctionDef;
  }

private:
  std::string name;
  SourceRange nameRange;
  ParamList params;
  ExprPtr returns;
  StmtList body;
};

class ReturnStmt : public Stmt {
public:
  ReturnStmt(SourceRange range, ExprPtr value)
      : Stmt(Kind::Return, range), value(std::move(value)) {}

  /// Null for a bare `return`; a TupleExpr for `return a, b`.
  const Expr *getValue() const { return value.get(); }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::Return; }

private:
  ExprPtr value;
};

/// `if test: body else: orElse`. An `elif` is an IfStmt alone in orElse.
class IfStmt : public Stmt {
public:
  IfStmt(SourceRange range, ExprPtr test, StmtList body, StmtList orElse)
      : Stmt(Kind::If, range), test(std::move(test)), body(std::move(body)),
        orElse(std::move(orElse)) {}

  const Expr &getTest() const { return *test; }
  const StmtList &getBody() const { return body; }
  const StmtList &getOrElse() const { return orElse; }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::If; }

private:
  ExprPtr test;
  StmtList body;
  StmtList orElse;
};

/// `for target in iter: body else: orElse`.
class ForStmt : public Stmt {
public:
  ForStmt(SourceRange range, ExprPtr target, ExprPtr iter, StmtList body,
          StmtList orElse)
      : Stmt(Kind::For, range), target(std::move(target)),
        iter(std::move(iter)), body(std::move(body)),
        orElse(std::move(orElse)) {}

  /// A store target: a Name or a Tuple of targets (`for i, x in ...`).
  const Expr &getTarget() const { return *target; }
  const Expr &getIter() const { return *iter; }
  const StmtList &getBody() const { return body; }
  const StmtList &getOrElse() const { return orElse; }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::For; }

private:
  ExprPtr target;
  ExprPtr iter;
  StmtList body;
  StmtList orElse;
};

/// `while test: body else: orElse`.
class WhileStmt : public Stmt {
public:
  WhileStmt(SourceRange range, ExprPtr test, StmtList body, StmtList orElse)
      : Stmt(Kind::While, range), test(std::move(test)), body(std::move(body)),
        orElse(std::move(orElse)) {}

  const Expr &getTest() const { return *test; }
  const StmtList &getBody() const { return body; }
  const StmtList &getOrElse() const { return orElse; }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::While; }

private:
  ExprPtr test;
  StmtList body;
  StmtList orElse;
};

class BreakStmt : public Stmt {
public:
  explicit BreakStmt(SourceRange range) : Stmt(Kind::Break, range) {}

  static bool classof(const Stmt *s) { return s->getKind() == Kind::Break; }
};

class ContinueStmt : public Stmt {
public:
  explicit ContinueStmt(SourceRange range) : Stmt(Kind::Continue, range) {}

  static bool classof(const Stmt *s) { return s->getKind() == Kind::Continue; }
};

class PassStmt : public Stmt {
public:
  explicit PassStmt(SourceRange range) : Stmt(Kind::Pass, range) {}

  static bool classof(const Stmt *s) { return s->getKind() == Kind::Pass; }
};

/// `assert test[, msg]`.
class AssertStmt : public Stmt {
public:
  AssertStmt(SourceRange range, ExprPtr test, ExprPtr msg)
      : Stmt(Kind::Assert, range), test(std::move(test)), msg(std::move(msg)) {}

  const Expr &getTest() const { return *test; }
  const Expr *getMsg() const { return msg.get(); }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::Assert; }

private:
  ExprPtr test;
  ExprPtr msg;
};

class GlobalStmt : public Stmt {
public:
  GlobalStmt(SourceRange range, std::vector<Identifier> names)
      : Stmt(Kind::Global, range), names(std::move(names)) {}

  const std::vector<Identifier> &getNames() const { return names; }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::Global; }

private:
  std::vector<Identifier> names;
};

class NonlocalStmt : public Stmt {
public:
  NonlocalStmt(SourceRange range, std::vector<Identifier> names)
      : Stmt(Kind::Nonlocal, range), names(std::move(names)) {}

  const std::vector<Identifier> &getNames() const { return names; }

  static bool classof(const Stmt *s) { return s->getKind() == Kind::Nonlocal; }

private:
  std::vector<Identifier> names;
};

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_STMT_H
