//===- ASTDump.cpp - Textual dump of the script AST ----------------------===//
//
// One node per line, children indented by two spaces, each line ending in
// `@line:col` of the node's first character:
//
//   Module
//     Import numpy as np @1:1
//     FunctionDef f(n, seed) @3:1
//       Param seed @3:10
//         default: IntLiteral 0 @3:15
//       Assign @4:5
//         Name rng (store) @4:5
//         Call @4:11
//           Attribute np.random.default_rng @4:11
//           Name seed @4:33
//
// A child that plays a named role carries the role as a prefix ("default:",
// "test:", "keyword k:"); statement bodies are listed directly, an `else`
// body under an "else:" line. An attribute chain over a name is printed
// dotted on one line. Assignment targets are marked "(store)".
//
//===----------------------------------------------------------------------===//

#include "dac/Script/AST.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ostream>

using namespace dac::script;

/// Python's repr of a float: the shortest digits that round-trip, in fixed
/// notation for exponents in [-4, 16) and scientific notation otherwise.
static std::string formatFloat(double value) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value < 0 ? "-inf" : "inf";
  if (value == 0)
    return std::signbit(value) ? "-0.0" : "0.0";
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof(buf), "%.*e", precision - 1, value);
    if (std::strtod(buf, nullptr) == value)
      break;
  }
  // buf is "[-]d[.ddd]e[+-]xx".
  std::string s(buf);
  std::string sign;
  if (s[0] == '-') {
    sign = "-";
    s.erase(0, 1);
  }
  size_t ePos = s.find('e');
  int exponent = std::atoi(s.c_str() + ePos + 1);
  std::string digits;
  for (size_t i = 0; i < ePos; ++i)
    if (s[i] != '.')
      digits.push_back(s[i]);

  if (exponent < -4 || exponent >= 16) {
    std::string out = sign + digits.substr(0, 1);
    if (digits.size() > 1)
      out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof(exp), "e%c%02d", exponent < 0 ? '-' : '+',
                  std::abs(exponent));
    return out + exp;
  }
  if (exponent < 0)
    return sign + "0." + std::string(-exponent - 1, '0') + digits;
  size_t intDigits = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= intDigits)
    return sign + digits + std::string(intDigits - digits.size(), '0') + ".0";
  return sign + digits.substr(0, intDigits) + "." + digits.substr(intDigits);
}

/// Quotes \p value with C-style escapes; UTF-8 is printed as is.
static std::string quote(const std::string &value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        char hex[8];
        std::snprintf(hex, sizeof(hex), "\\x%02x",
                      static_cast<unsigned char>(c));
        out += hex;
      } else {
        out.push_back(c);
      }
    }
  }
  return out + "\"";
}

/// Returns "a.b.c" if \p e is a chain of attributes over a name.
static bool getDottedName(const Expr &e, std::string &out) {
  if (e.getKind() == Expr::Kind::Name) {
    out = static_cast<const NameExpr &>(e).getName();
    return true;
  }
  if (e.getKind() != Expr::Kind::Attribute)
    return false;
  const auto &attr = static_cast<const AttributeExpr &>(e);
  if (!getDottedName(attr.getValue(), out))
    return false;
  out += "." + attr.getName();
  return true;
}

namespace {
/// Writes the tree; `label` prefixes the next node's line.
class ASTDumper {
public:
  ASTDumper(std::ostream &os, unsigned indent) : os(os), indent(indent) {}

  void dump(const Stmt &stmt);
  void dump(const Expr &expr);
  void dumpBody(const StmtList &body);

  /// Dumps \p expr one level deeper, its line prefixed with \p label.
  void dumpChild(const Expr &expr, const std::string &label = "") {
    ++indent;
    pendingLabel = label;
    dump(expr);
    --indent;
  }

private:
  /// Starts a node's line: indentation and the pending label.
  std::ostream &line() {
    os << std::string(2 * indent, ' ');
    if (!pendingLabel.empty())
      os << pendingLabel << ": ";
    pendingLabel.clear();
    return os;
  }
  void endLine(SourceLoc loc) {
    os << " @" << loc.line << ':' << loc.col << '\n';
  }
  void dumpParams(const ParamList &params);
  void dumpFStringPart(const FStringPart &part);
  void dumpExprDetails(const Expr &expr);
  void dumpStmtDetails(const Stmt &stmt);

  std::ostream &os;
  unsigned indent;
  std::string pendingLabel;
};
} // namespace

static const char *storeSuffix(ExprContext ctx) {
  return ctx == ExprContext::Store ? " (store)" : "";
}

/// "(a, b=..., *, c)" for a parameter list.
static std::string formatSignature(const ParamList &params) {
  std::string out = "(";
  bool first = true, starDone = false;
  for (size_t i = 0; i < params.size(); ++i) {
    const Param &param = params[i];
    auto comma = [&] {
      if (!first)
        out += ", ";
      first = false;
    };
    if (param.kwOnly && !starDone) {
      comma();
      out += "*";
      starDone = true;
    }
    comma();
    out += param.name;
    if (param.posOnly && (i + 1 == params.size() || !params[i + 1].posOnly))
      out += ", /";
  }
  return out + ")";
}

void ASTDumper::dumpParams(const ParamList &params) {
  for (const Param &param : params) {
    if (!param.annotation && !param.defaultValue)
      continue;
    ++indent;
    line() << "Param " << param.name;
    endLine(param.range.begin);
    if (param.annotation)
      dumpChild(*param.annotation, "annotation");
    if (param.defaultValue)
      dumpChild(*param.defaultValue, "default");
    --indent;
  }
}

void ASTDumper::dumpFStringPart(const FStringPart &part) {
  ++indent;
  if (part.isLiteral()) {
    line() << "Text " << quote(part.literal);
    endLine(part.range.begin);
  } else {
    line() << "Field";
    if (part.conversion)
      os << " !" << part.conversion;
    if (part.hasFormatSpec)
      os << " :" << quote(part.formatSpec);
    endLine(part.range.begin);
    dumpChild(*part.value);
  }
  --indent;
}

void ASTDumper::dump(const Expr &expr) {
  std::ostream &out = line();
  switch (expr.getKind()) {
  case Expr::Kind::Name: {
    const auto &e = static_cast<const NameExpr &>(expr);
    out << "Name " << e.getName() << storeSuffix(e.getContext());
    break;
  }
  case Expr::Kind::IntLiteral: {
    const auto &lit = static_cast<const IntLiteralExpr &>(expr);
    out << "IntLiteral ";
    if (lit.isBig())
      out << "base " << lit.getBase() << " " << lit.getBigDigits();
    else
      out << lit.getValue();
    break;
  }
  case Expr::Kind::FloatLiteral:
    out << "FloatLiteral "
        << formatFloat(static_cast<const FloatLiteralExpr &>(expr).getValue());
    break;
  case Expr::Kind::StringLiteral:
    out << "StringLiteral "
        << quote(static_cast<const StringLiteralExpr &>(expr).getValue());
    break;
  case Expr::Kind::FString:
    out << "FString";
    break;
  case Expr::Kind::BoolLiteral:
    out << "BoolLiteral "
        << (static_cast<const BoolLiteralExpr &>(expr).getValue() ? "True"
                                                                  : "False");
    break;
  case Expr::Kind::NoneLiteral:
    out << "NoneLiteral";
    break;
  case Expr::Kind::EllipsisLiteral:
    out << "EllipsisLiteral";
    break;
  case Expr::Kind::Tuple:
    out << "Tuple"
        << storeSuffix(static_cast<const TupleExpr &>(expr).getContext());
    break;
  case Expr::Kind::List:
    out << "List"
        << storeSuffix(static_cast<const ListExpr &>(expr).getContext());
    break;
  case Expr::Kind::Dict:
    out << "Dict";
    break;
  case Expr::Kind::BinaryOp:
    out << "BinaryOp "
        << getSpelling(static_cast<const BinaryOpExpr &>(expr).getOp());
    break;
  case Expr::Kind::UnaryOp:
    out << "UnaryOp "
        << getSpelling(static_cast<const UnaryOpExpr &>(expr).getOp());
    break;
  case Expr::Kind::BoolOp:
    out << "BoolOp "
        << getSpelling(static_cast<const BoolOpExpr &>(expr).getOp());
    break;
  case Expr::Kind::Compare: {
    out << "Compare ";
    const auto &ops = static_cast<const CompareExpr &>(expr).getOps();
    for (size_t i = 0; i < ops.size(); ++i)
      out << (i ? ", " : "") << getSpelling(ops[i]);
    break;
  }
  case Expr::Kind::Call:
    out << "Call";
    break;
  case Expr::Kind::Attribute: {
    const auto &e = static_cast<const AttributeExpr &>(expr);
    std::string dotted;
    if (getDottedName(e, dotted))
      out << "Attribute " << dotted;
    else
      out << "Attribute ." << e.getName();
    out << storeSuffix(e.getContext());
    break;
  }
  case Expr::Kind::Subscript:
    out << "Subscript"
        << storeSuffix(static_cast<const SubscriptExpr &>(expr).getContext());
    break;
  case Expr::Kind::Slice:
    out << "Slice";
    break;
  case Expr::Kind::Lambda:
    out << "Lambda"
        << formatSignature(static_cast<const LambdaExpr &>(expr).getParams());
    break;
  case Expr::Kind::IfExp:
    out << "IfExp";
    break;
  }
  endLine(expr.getLoc());
  dumpExprDetails(expr);
}

void ASTDumper::dumpExprDetails(const Expr &expr) {
  switch (expr.getKind()) {
  case Expr::Kind::FString:
    for (const FStringPart &part :
         static_cast<const FStringExpr &>(expr).getParts())
      dumpFStringPart(part);
    break;
  case Expr::Kind::Tuple:
    for (const ExprPtr &e : static_cast<const TupleExpr &>(expr).getElements())
      dumpChild(*e);
    break;
  case Expr::Kind::List:
    for (const ExprPtr &e : static_cast<const ListExpr &>(expr).getElements())
      dumpChild(*e);
    break;
  case Expr::Kind::Dict: {
    const auto &e = static_cast<const DictExpr &>(expr);
    for (size_t i = 0; i < e.getKeys().size(); ++i) {
      dumpChild(*e.getKeys()[i], "key");
      dumpChild(*e.getValues()[i], "value");
    }
    break;
  }
  case Expr::Kind::BinaryOp: {
    const auto &e = static_cast<const BinaryOpExpr &>(expr);
    dumpChild(e.getLHS());
    dumpChild(e.getRHS());
    break;
  }
  case Expr::Kind::UnaryOp:
    dumpChild(static_cast<const UnaryOpExpr &>(expr).getOperand());
    break;
  case Expr::Kind::BoolOp:
    for (const ExprPtr &e : static_cast<const BoolOpExpr &>(expr).getValues())
      dumpChild(*e);
    break;
  case Expr::Kind::Compare: {
    const auto &e = static_cast<const CompareExpr &>(expr);
    dumpChild(e.getLeft());
    for (const ExprPtr &c : e.getComparators())
      dumpChild(*c);
    break;
  }
  case Expr::Kind::Call: {
    const auto &e = static_cast<const CallExpr &>(expr);
    dumpChild(e.getCallee());
    for (const ExprPtr &arg : e.getArgs())
      dumpChild(*arg);
    for (const Keyword &keyword : e.getKeywords())
      dumpChild(*keyword.value, "keyword " + keyword.name);
    break;
  }
  case Expr::Kind::Attribute: {
    const auto &e = static_cast<const AttributeExpr &>(expr);
    std::string dotted;
    if (!getDottedName(e, dotted))
      dumpChild(e.getValue());
    break;
  }
  case Expr::Kind::Subscript: {
    const auto &e = static_cast<const SubscriptExpr &>(expr);
    dumpChild(e.getValue());
    dumpChild(e.getIndex());
    break;
  }
  case Expr::Kind::Slice: {
    const auto &e = static_cast<const SliceExpr &>(expr);
    if (e.getLower())
      dumpChild(*e.getLower(), "lower");
    if (e.getUpper())
      dumpChild(*e.getUpper(), "upper");
    if (e.getStep())
      dumpChild(*e.getStep(), "step");
    break;
  }
  case Expr::Kind::Lambda: {
    const auto &e = static_cast<const LambdaExpr &>(expr);
    dumpParams(e.getParams());
    dumpChild(e.getBody());
    break;
  }
  case Expr::Kind::IfExp: {
    const auto &e = static_cast<const IfExpExpr &>(expr);
    dumpChild(e.getTest(), "test");
    dumpChild(e.getBody(), "body");
    dumpChild(e.getOrElse(), "orelse");
    break;
  }
  default:
    break;
  }
}

void ASTDumper::dumpBody(const StmtList &body) {
  ++indent;
  for (const StmtPtr &stmt : body)
    dump(*stmt);
  --indent;
}

/// Formats `a.b as c, d` for import statements.
static std::string formatAliases(const std::vector<ImportAlias> &aliases) {
  std::string out;
  for (const ImportAlias &alias : aliases) {
    if (!out.empty())
      out += ", ";
    out += alias.name;
    if (!alias.asName.empty())
      out += " as " + alias.asName;
  }
  return out;
}

static std::string formatNames(const std::vector<Identifier> &names) {
  std::string out;
  for (const Identifier &name : names)
    out += (out.empty() ? "" : ", ") + name.name;
  return out;
}

void ASTDumper::dump(const Stmt &stmt) {
  std::ostream &out = line();
  switch (stmt.getKind()) {
  case Stmt::Kind::ExprStmt:
    out << "ExprStmt";
    break;
  case Stmt::Kind::Assign:
    out << "Assign";
    break;
  case Stmt::Kind::AugAssign:
    out << "AugAssign "
        << getSpelling(static_cast<const AugAssignStmt &>(stmt).getOp()) << "=";
    break;
  case Stmt::Kind::AnnAssign:
    out << "AnnAssign";
    break;
  case Stmt::Kind::Import:
    out << "Import "
        << formatAliases(static_cast<const ImportStmt &>(stmt).getNames());
    break;
  case Stmt::Kind::ImportFrom: {
    const auto &s = static_cast<const ImportFromStmt &>(stmt);
    out << "ImportFrom " << std::string(s.getLevel(), '.') << s.getModule()
        << " import " << formatAliases(s.getNames());
    break;
  }
  case Stmt::Kind::FunctionDef: {
    const auto &s = static_cast<const FunctionDefStmt &>(stmt);
    out << "FunctionDef " << s.getName() << formatSignature(s.getParams());
    break;
  }
  case Stmt::Kind::Return:
    out << "Return";
    break;
  case Stmt::Kind::If:
    out << "If";
    break;
  case Stmt::Kind::For:
    out << "For";
    break;
  case Stmt::Kind::While:
    out << "While";
    break;
  case Stmt::Kind::Break:
    out << "Break";
    break;
  case Stmt::Kind::Continue:
    out << "Continue";
    break;
  case Stmt::Kind::Pass:
    out << "Pass";
    break;
  case Stmt::Kind::Assert:
    out << "Assert";
    break;
  case Stmt::Kind::Global:
    out << "Global "
        << formatNames(static_cast<const GlobalStmt &>(stmt).getNames());
    break;
  case Stmt::Kind::Nonlocal:
    out << "Nonlocal "
        << formatNames(static_cast<const NonlocalStmt &>(stmt).getNames());
    break;
  }
  endLine(stmt.getLoc());
  dumpStmtDetails(stmt);
}

void ASTDumper::dumpStmtDetails(const Stmt &stmt) {
  auto dumpElse = [this](const StmtList &orElse) {
    if (orElse.empty())
      return;
    ++indent;
    line() << "else:\n";
    dumpBody(orElse);
    --indent;
  };
  switch (stmt.getKind()) {
  case Stmt::Kind::ExprStmt:
    dumpChild(static_cast<const ExprStmt &>(stmt).getExpr());
    break;
  case Stmt::Kind::Assign: {
    const auto &s = static_cast<const AssignStmt &>(stmt);
    for (const ExprPtr &target : s.getTargets())
      dumpChild(*target);
    dumpChild(s.getValue());
    break;
  }
  case Stmt::Kind::AugAssign: {
    const auto &s = static_cast<const AugAssignStmt &>(stmt);
    dumpChild(s.getTarget());
    dumpChild(s.getValue());
    break;
  }
  case Stmt::Kind::AnnAssign: {
    const auto &s = static_cast<const AnnAssignStmt &>(stmt);
    dumpChild(s.getTarget());
    dumpChild(s.getAnnotation(), "annotation");
    if (s.getValue())
      dumpChild(*s.getValue());
    break;
  }
  case Stmt::Kind::FunctionDef: {
    const auto &s = static_cast<const FunctionDefStmt &>(stmt);
    dumpParams(s.getParams());
    if (s.getReturns())
      dumpChild(*s.getReturns(), "returns");
    dumpBody(s.getBody());
    break;
  }
  case Stmt::Kind::Return:
    if (const Expr *value = static_cast<const ReturnStmt &>(stmt).getValue())
      dumpChild(*value);
    break;
  case Stmt::Kind::If: {
    const auto &s = static_cast<const IfStmt &>(stmt);
    dumpChild(s.getTest(), "test");
    dumpBody(s.getBody());
    dumpElse(s.getOrElse());
    break;
  }
  case Stmt::Kind::For: {
    const auto &s = static_cast<const ForStmt &>(stmt);
    dumpChild(s.getTarget(), "target");
    dumpChild(s.getIter(), "iter");
    dumpBody(s.getBody());
    dumpElse(s.getOrElse());
    break;
  }
  case Stmt::Kind::While: {
    const auto &s = static_cast<const WhileStmt &>(stmt);
    dumpChild(s.getTest(), "test");
    dumpBody(s.getBody());
    dumpElse(s.getOrElse());
    break;
  }
  case Stmt::Kind::Assert: {
    const auto &s = static_cast<const AssertStmt &>(stmt);
    dumpChild(s.getTest());
    if (s.getMsg())
      dumpChild(*s.getMsg(), "msg");
    break;
  }
  default:
    break;
  }
}

void dac::script::dumpAST(const Module &module, std::ostream &os) {
  os << "Module\n";
  ASTDumper dumper(os, 0);
  dumper.dumpBody(module.getBody());
}

void dac::script::dumpAST(const Stmt &stmt, std::ostream &os, unsigned indent) {
  ASTDumper(os, indent).dump(stmt);
}

void dac::script::dumpAST(const Expr &expr, std::ostream &os, unsigned indent) {
  ASTDumper(os, indent).dump(expr);
}
