//===- IRGen.h - The script lowering visitor --------------------*- C++ -*-===//

#ifndef DAC_SCRIPT_LIB_IRGEN_IRGEN_H
#define DAC_SCRIPT_LIB_IRGEN_IRGEN_H

#include "Emitter.h"

#include "dac/Script/AST.h"
#include "dac/Script/Diagnostic.h"

#include <map>

namespace dac {
namespace script {

/// Names bound in one function activation (or the module), with the scope
/// the function was defined in as parent.
struct Scope {
  std::map<std::string, ValueRef> names;
  std::shared_ptr<Scope> parent;
};

/// An error with the script range it belongs to.
struct LocatedError {
  SourceRange range;
  std::string message;
};

/// Positional and keyword arguments of a call, already evaluated.
struct CallArgs {
  std::vector<ValueRef> positional;
  std::vector<std::pair<std::string, ValueRef>> keywords;

  /// The argument at `index` or named `name`; null if absent.
  ValueRef get(size_t index, llvm::StringRef name) const;
  /// Errors on keywords outside `allowed` and on more than `maxPositional`
  /// positional arguments.
  void check(llvm::StringRef function, size_t maxPositional,
             llvm::ArrayRef<llvm::StringRef> allowed) const;
};

class IRGen {
public:
  IRGen(mlir::MLIRContext &ctx, const SourceFile &file,
        DiagnosticEngine &diags);

  mlir::OwningOpRef<mlir::ModuleOp> run(const Module &module);

  // Used by the library of built-in functions (Library.cpp).
  Emitter &emitter() { return em; }
  ValueRef callLibrary(llvm::StringRef name, const CallArgs &args,
                       const ValueRef &self);
  ValueRef getAttribute(const ValueRef &value, llvm::StringRef name);

private:
  void lowerBlock(const StmtList &body);
  void lowerStmt(const Stmt &stmt);
  void assign(const Expr &target, const ValueRef &value);
  ValueRef lowerExpr(const Expr &expr);
  ValueRef lowerExprImpl(const Expr &expr);
  ValueRef lowerCall(const CallExpr &call);
  ValueRef callFunction(const ValueRef &fn, const CallArgs &args);
  ValueRef lowerCompare(const CompareExpr &cmp);
  ValueRef lowerFString(const FStringExpr &fstring);
  ValueRef lookup(const std::string &name);
  void print(const CallArgs &args);
  std::optional<DType> parseDType(const ValueRef &v);
  ValueRef reshape(const ValueRef &array, const ValueRef &shapeArg);

  mlir::Location locOf(SourceRange range);

  mlir::MLIRContext &ctx;
  const SourceFile &file;
  DiagnosticEngine &diags;
  mlir::OpBuilder b;
  mlir::ModuleOp module;
  Emitter em;
  std::shared_ptr<Scope> globals;
  std::shared_ptr<Scope> scope;
  /// Set by `return` inside an inlined function call.
  ValueRef returnValue;
  bool returned = false;
  unsigned callDepth = 0;
  /// Loops are unrolled (their trip count must be known when compiling);
  /// `break`/`continue` set these while the rest of the body is skipped.
  bool breaking = false;
  bool continuing = false;
  unsigned loopDepth = 0;
  unsigned unrolledIterations = 0;
  /// An `if` whose condition is known only at run time: an scf.if whose
  /// results are the scalars either branch assigns.
  void lowerRuntimeIf(const IfStmt &stmt, mlir::Value condition);
  /// Unrolls a loop: `nextIteration` binds the next iteration's values and
  /// says whether there is one; the else clause runs unless a `break` or
  /// `return` ended the loop.
  void lowerLoop(const StmtList &body, const StmtList &orElse,
                 llvm::function_ref<bool()> nextIteration);
  /// Runs one iteration of a loop body; false once the loop must stop.
  bool runIteration(const StmtList &body);

  friend struct LibraryAccess;
};

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_LIB_IRGEN_IRGEN_H
