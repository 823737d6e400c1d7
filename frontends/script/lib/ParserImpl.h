//===- ParserImpl.h - The recursive-descent parser --------------*- C++ -*-===//
//
// The parser class behind parseFile, split over ParseStmt.cpp,
// ParseExpr.cpp and ParseFString.cpp. Internal to the library.
//
// Error handling: the first error is reported and sets `failed`; from then
// on every parse function returns null (or false) without reporting more,
// and the whole parse unwinds.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_LIB_PARSERIMPL_H
#define DAC_SCRIPT_LIB_PARSERIMPL_H

#include "dac/Script/AST.h"
#include "dac/Script/Lexer.h"

#include <cstddef>
#include <deque>

namespace dac {
namespace script {

class Parser {
public:
  Parser(const SourceFile &file, DiagnosticEngine &diags, Lexer &lexer)
      : file(file), diags(diags), lexer(lexer) {}

  /// Parses the statements of a whole file.
  std::unique_ptr<Module> parseModule();
  /// Parses the expression of an f-string replacement field; the lexer
  /// covers exactly that expression.
  ExprPtr parseFieldExpression();

private:
  /// Counts the nesting of the tree being built (recursive rules, and the
  /// left-deep chains of `a + b + c` and `f(x)(y)[z]`), so that
  /// pathological input fails cleanly instead of overflowing the stack here
  /// or in the recursive walks of the AST later on.
  class DepthGuard {
  public:
    explicit DepthGuard(Parser &parser) : parser(parser) {}
    ~DepthGuard() { parser.depth -= added; }
    /// Adds a level; past the limit, reports an error and returns false.
    bool deepen();

  private:
    Parser &parser;
    unsigned added = 0;
  };

  //===--- Tokens
  //----------------------------------------------------------===//
  const Token &peek(unsigned ahead = 0);
  const Token &tok() { return peek(0); }
  bool at(TokenKind kind) { return peek(0).is(kind); }
  Token consume();
  bool consumeIf(TokenKind kind);
  /// Consumes a token of \p kind, or reports \p message and returns false.
  bool expect(TokenKind kind, const std::string &message);
  /// Reports \p message (or the current token's own message, see
  /// getSpecialTokenMessage) at the current token.
  std::nullptr_t expectedToken(const std::string &message);

  //===--- Errors
  //----------------------------------------------------------===//
  std::nullptr_t error(SourceRange range, const std::string &message);
  std::nullptr_t errorAtToken(const std::string &message);
  /// Reports the current token as out of place, with a specific message for
  /// tokens that have one ("unexpected indent", unsupported keywords, ...).
  std::nullptr_t unexpectedToken();
  /// Like unexpectedToken, where an expression must start.
  std::nullptr_t expectedExpression();
  /// The message for a token that is never valid where it appears, or
  /// empty.
  std::string getSpecialTokenMessage(const Token &tok);

  //===--- Statements (ParseStmt.cpp)
  //--------------------------------------===//
  bool parseStatement(StmtList &out);
  bool parseSimpleStatements(StmtList &out);
  StmtPtr parseSimpleStatement();
  StmtPtr parseExprOrAssignment();
  StmtPtr parseImport();
  StmtPtr parseFromImport();
  bool parseDottedName(std::string &name);
  StmtPtr parseReturn();
  StmtPtr parseAssert();
  StmtPtr parseGlobalOrNonlocal();
  StmtPtr parseFunctionDef();
  StmtPtr parseIf();
  StmtPtr parseFor();
  StmtPtr parseWhile();
  bool parseElse(StmtList &orElse);
  /// Parses the block after a compound statement's ':', either an indented
  /// suite or simple statements on the same line. \p construct names the
  /// statement for "expected an indented block after ..." errors.
  bool parseBlock(StmtList &body, const std::string &construct,
                  const Token &header);
  bool parseParams(ParamList &params, TokenKind closer, bool isLambda);
  bool parseParam(ParamList &params, bool isLambda, bool kwOnly,
                  bool &seenDefault);
  /// Checks that \p target can be assigned to and gives it Store context.
  bool markTarget(Expr &target);

  //===--- Expressions (ParseExpr.cpp)
  //-------------------------------------===//
  /// `expression`: a lambda, a conditional expression, or below.
  ExprPtr parseExpression();
  /// `a, b, c`: a tuple when there is a comma, else the one expression.
  ExprPtr parseExpressionList();
  /// A comma-separated list of assignment targets (for `for`).
  ExprPtr parseTargetList();
  ExprPtr parseDisjunction();
  ExprPtr parseConjunction();
  ExprPtr parseInversion();
  ExprPtr parseComparison();
  /// True if the current token starts a comparison operator; sets \p op.
  bool atComparisonOp(CmpOpKind &op);
  ExprPtr parseBinary(unsigned level);
  ExprPtr parseFactor();
  ExprPtr parsePower();
  ExprPtr parsePrimary();
  ExprPtr parseAtom();
  /// Trailers; \p begin is where the primary they apply to started.
  ExprPtr parseCall(SourceLoc begin, ExprPtr callee);
  ExprPtr parseSubscript(SourceLoc begin, ExprPtr value);
  ExprPtr parseSliceItem();
  ExprPtr parseParenthesized();
  ExprPtr parseListDisplay();
  ExprPtr parseBraceDisplay();
  ExprPtr parseLambda();
  bool startsExpression(const Token &tok);

  //===--- Strings (ParseFString.cpp)
  //--------------------------------------===//
  /// Parses adjacent string literals into one StringLiteral or FString.
  ExprPtr parseStrings();
  bool parseFStringBody(const Token &tok, std::vector<FStringPart> &parts);
  bool parseFStringField(const Token &tok, uint32_t &pos,
                         std::vector<FStringPart> &parts);

  const SourceFile &file;
  DiagnosticEngine &diags;
  Lexer &lexer;
  std::deque<Token> tokens;
  /// End of the last consumed token: the end of the construct just parsed.
  SourceLoc prevEnd;
  bool failed = false;
  /// Prepended to every message ("f-string: " inside replacement fields).
  std::string messagePrefix;
  unsigned depth = 0;
  /// Enclosing loops (for break/continue) and functions (for return).
  unsigned loopDepth = 0;
  unsigned functionDepth = 0;
};

/// A checked downcast for the parser's mutable nodes.
template <typename T> T *dynCast(Expr *e) {
  return e && T::classof(e) ? static_cast<T *>(e) : nullptr;
}

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_LIB_PARSERIMPL_H
