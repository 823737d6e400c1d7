//===- NameUses.cpp - The names a piece of script mentions ----------------===//
//
// A function's body can read the names of the scopes it was defined in.
// Compiling it as a function of its own needs those values as arguments,
// and reusing a compiled body needs to know which names it depends on: a
// superset (every name the text mentions, nested functions included) is
// enough for both.
//
//===----------------------------------------------------------------------===//

#include "ControlFlow.h"

#include "llvm/Support/Casting.h"

using namespace dac::script;
using llvm::cast;

namespace {
struct NameCollector {
  std::set<std::string> &names;

  void expr(const Expr *e) {
    if (e)
      expr(*e);
  }
  void exprs(const ExprList &list) {
    for (const ExprPtr &e : list)
      expr(e.get());
  }
  void params(const ParamList &list) {
    for (const Param &p : list)
      expr(p.defaultValue.get());
  }

  void expr(const Expr &e) {
    switch (e.getKind()) {
    case Expr::Kind::Name:
      names.insert(cast<NameExpr>(e).getName());
      return;
    case Expr::Kind::IntLiteral:
    case Expr::Kind::FloatLiteral:
    case Expr::Kind::StringLiteral:
    case Expr::Kind::BoolLiteral:
    case Expr::Kind::NoneLiteral:
    case Expr::Kind::EllipsisLiteral:
      return;
    case Expr::Kind::FString:
      for (const FStringPart &part : cast<FStringExpr>(e).getParts())
        expr(part.value.get());
      return;
    case Expr::Kind::Tuple:
      return exprs(cast<TupleExpr>(e).getElements());
    case Expr::Kind::List:
      return exprs(cast<ListExpr>(e).getElements());
    case Expr::Kind::Dict:
      exprs(cast<DictExpr>(e).getKeys());
      return exprs(cast<DictExpr>(e).getValues());
    case Expr::Kind::BinaryOp:
      expr(cast<BinaryOpExpr>(e).getLHS());
      return expr(cast<BinaryOpExpr>(e).getRHS());
    case Expr::Kind::UnaryOp:
      return expr(cast<UnaryOpExpr>(e).getOperand());
    case Expr::Kind::BoolOp:
      return exprs(cast<BoolOpExpr>(e).getValues());
    case Expr::Kind::Compare:
      expr(cast<CompareExpr>(e).getLeft());
      return exprs(cast<CompareExpr>(e).getComparators());
    case Expr::Kind::Call: {
      const auto &call = cast<CallExpr>(e);
      expr(call.getCallee());
      exprs(call.getArgs());
      for (const Keyword &kw : call.getKeywords())
        expr(kw.value.get());
      return;
    }
    case Expr::Kind::Attribute:
      return expr(cast<AttributeExpr>(e).getValue());
    case Expr::Kind::Subscript:
      expr(cast<SubscriptExpr>(e).getValue());
      return expr(cast<SubscriptExpr>(e).getIndex());
    case Expr::Kind::Slice: {
      const auto &slice = cast<SliceExpr>(e);
      expr(slice.getLower());
      expr(slice.getUpper());
      return expr(slice.getStep());
    }
    case Expr::Kind::Lambda:
      params(cast<LambdaExpr>(e).getParams());
      return expr(cast<LambdaExpr>(e).getBody());
    case Expr::Kind::IfExp: {
      const auto &ifExp = cast<IfExpExpr>(e);
      expr(ifExp.getTest());
      expr(ifExp.getBody());
      return expr(ifExp.getOrElse());
    }
    }
  }

  void stmts(const StmtList &list) {
    for (const StmtPtr &s : list)
      stmt(*s);
  }

  void stmt(const Stmt &s) {
    switch (s.getKind()) {
    case Stmt::Kind::ExprStmt:
      return expr(cast<ExprStmt>(s).getExpr());
    case Stmt::Kind::Assign:
      exprs(cast<AssignStmt>(s).getTargets());
      return expr(cast<AssignStmt>(s).getValue());
    case Stmt::Kind::AugAssign:
      expr(cast<AugAssignStmt>(s).getTarget());
      return expr(cast<AugAssignStmt>(s).getValue());
    case Stmt::Kind::AnnAssign:
      expr(cast<AnnAssignStmt>(s).getTarget());
      return expr(cast<AnnAssignStmt>(s).getValue());
    case Stmt::Kind::FunctionDef:
      params(cast<FunctionDefStmt>(s).getParams());
      return stmts(cast<FunctionDefStmt>(s).getBody());
    case Stmt::Kind::Return:
      return expr(cast<ReturnStmt>(s).getValue());
    case Stmt::Kind::If:
      expr(cast<IfStmt>(s).getTest());
      stmts(cast<IfStmt>(s).getBody());
      return stmts(cast<IfStmt>(s).getOrElse());
    case Stmt::Kind::For:
      expr(cast<ForStmt>(s).getTarget());
      expr(cast<ForStmt>(s).getIter());
      stmts(cast<ForStmt>(s).getBody());
      return stmts(cast<ForStmt>(s).getOrElse());
    case Stmt::Kind::While:
      expr(cast<WhileStmt>(s).getTest());
      stmts(cast<WhileStmt>(s).getBody());
      return stmts(cast<WhileStmt>(s).getOrElse());
    case Stmt::Kind::Assert:
      expr(cast<AssertStmt>(s).getTest());
      return expr(cast<AssertStmt>(s).getMsg());
    case Stmt::Kind::Import:
    case Stmt::Kind::ImportFrom:
    case Stmt::Kind::Break:
    case Stmt::Kind::Continue:
    case Stmt::Kind::Pass:
    case Stmt::Kind::Global:
    case Stmt::Kind::Nonlocal:
      return;
    }
  }
};
} // namespace

std::set<std::string> dac::script::namesUsed(const StmtList &body) {
  std::set<std::string> names;
  NameCollector{names}.stmts(body);
  return names;
}

std::set<std::string> dac::script::namesUsed(const Expr &expr) {
  std::set<std::string> names;
  NameCollector{names}.expr(expr);
  return names;
}
