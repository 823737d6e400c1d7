//===- AST.cpp - Script AST nodes ----------------------------------------===//
//
// Out-of-line anchors of the node hierarchies and operator spellings.
//
//===----------------------------------------------------------------------===//

#include "dac/Script/AST.h"

using namespace dac::script;

Expr::~Expr() = default;
Stmt::~Stmt() = default;

const char *dac::script::getSpelling(BinaryOpKind op) {
  switch (op) {
  case BinaryOpKind::Add:
    return "+";
  case BinaryOpKind::Sub:
    return "-";
  case BinaryOpKind::Mult:
    return "*";
  case BinaryOpKind::MatMult:
    return "@";
  case BinaryOpKind::Div:
    return "/";
  case BinaryOpKind::FloorDiv:
    return "//";
  case BinaryOpKind::Mod:
    return "%";
  case BinaryOpKind::Pow:
    return "**";
  case BinaryOpKind::LShift:
    return "<<";
  case BinaryOpKind::RShift:
    return ">>";
  case BinaryOpKind::BitOr:
    return "|";
  case BinaryOpKind::BitXor:
    return "^";
  case BinaryOpKind::BitAnd:
    return "&";
  }
  return "?";
}

const char *dac::script::getSpelling(UnaryOpKind op) {
  switch (op) {
  case UnaryOpKind::UAdd:
    return "+";
  case UnaryOpKind::USub:
    return "-";
  case UnaryOpKind::Invert:
    return "~";
  case UnaryOpKind::Not:
    return "not";
  }
  return "?";
}

const char *dac::script::getSpelling(BoolOpKind op) {
  return op == BoolOpKind::And ? "and" : "or";
}

const char *dac::script::getSpelling(CmpOpKind op) {
  switch (op) {
  case CmpOpKind::Eq:
    return "==";
  case CmpOpKind::NotEq:
    return "!=";
  case CmpOpKind::Lt:
    return "<";
  case CmpOpKind::LtE:
    return "<=";
  case CmpOpKind::Gt:
    return ">";
  case CmpOpKind::GtE:
    return ">=";
  case CmpOpKind::Is:
    return "is";
  case CmpOpKind::IsNot:
    return "is not";
  case CmpOpKind::In:
    return "in";
  case CmpOpKind::NotIn:
    return "not in";
  }
  return "?";
}

const Keyword *CallExpr::findKeyword(const std::string &name) const {
  for (const Keyword &keyword : keywords)
    if (keyword.name == name)
      return &keyword;
  return nullptr;
}

std::string ImportAlias::getBoundName() const {
  if (!asName.empty())
    return asName;
  return name.substr(0, name.find('.'));
}
