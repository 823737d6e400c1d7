//===- IRGen.h - The script lowering visitor --------------------*- C++ -*-===//

#ifndef DAC_SCRIPT_LIB_IRGEN_IRGEN_H
#define DAC_SCRIPT_LIB_IRGEN_IRGEN_H

#include "dac/Builder/Emitter.h"

#include "dac/Script/AST.h"
#include "dac/Script/Diagnostic.h"

#include <map>
#include <set>

namespace dac {
namespace script {

// The script frontend builds its IR with the builder library.
using namespace dac::builder;

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
  /// Set once the error has left a compiled loop or function body: a
  /// branch around that must not turn it into a raise (the loop may run no
  /// iteration, the function may not be called).
  bool fenced = false;
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

struct Capture;
struct CompiledFunction;

/// Whether numpy.`name` is a plain ufunc (Library.cpp).
bool isUfuncName(llvm::StringRef name);
/// Python's float(text) and int(text) (LibraryNumbers.cpp): the number, or
/// Python's ValueError/OverflowError as a compile error.
double parseFloatText(const std::string &text);
int64_t parseIntText(const std::string &text, int64_t base = 10);
/// The value of an int expression of literals only, exact as Python's
/// (`2**63 - 1`), if it fits in int64.
std::optional<int64_t> foldLiteralInt(const Expr &expr);

class IRGen {
public:
  IRGen(mlir::MLIRContext &ctx, const SourceFile &file,
        DiagnosticEngine &diags);
  ~IRGen();

  mlir::OwningOpRef<mlir::ModuleOp> run(const Module &module);

  // Used by the library of built-in functions (Library.cpp).
  Emitter &emitter() { return em; }
  ValueRef callLibrary(llvm::StringRef name, const CallArgs &args,
                       const ValueRef &self);
  /// Appends what print shows for `v` (str(); nested in a tuple or list,
  /// repr()) to the runtime format `format`, and the run-time values its
  /// fields read to `items` (Library.cpp). f-strings render through it too.
  void renderText(const ValueRef &v, bool nested, std::string &format,
                  std::vector<ValueRef> &items);
  /// np.transpose, swapaxes, np.roll (LibraryShapes.cpp); null for other
  /// names.
  /// np.pad: constant, edge, wrap, reflect and symmetric modes.
  ValueRef pad(const CallArgs &args);
  ValueRef callShapeFunction(llvm::StringRef name, const CallArgs &args,
                             const ValueRef &self);
  /// np.flip, triu/tril, diagonal/trace, concatenate/stack/hstack/vstack,
  /// meshgrid (LibraryArrange.cpp); null for other names.
  ValueRef callArrangeFunction(llvm::StringRef name, const CallArgs &args,
                               const ValueRef &self);
  /// The methods of np.random.default_rng()'s Generator and np.random's
  /// legacy functions (LibraryRandom.cpp); null for other names.
  ValueRef callGeneratorMethod(llvm::StringRef name, const CallArgs &args,
                               const ValueRef &self);
  /// The value of an imported module (numpy ones refer to legacyRandom).
  ValueRef moduleValue(const std::string &name);
  /// np.random's global RandomState, created at the start of main; every
  /// numpy module value refers to it, so calls and loops carry its state.
  std::shared_ptr<GeneratorState> legacyRandom;
  ValueRef getAttribute(const ValueRef &value, llvm::StringRef name);
  /// np.linalg.norm (LibraryLinalg.cpp).
  ValueRef linalgNorm(const CallArgs &args);
  /// np.round / ndarray.round (LibraryNumbers.cpp).
  ValueRef roundArray(const ValueRef &a, const ValueRef &decimals);
  ValueRef roundBuiltin(const ValueRef &number, const ValueRef &ndigits);
  ValueRef roundInt(const ValueRef &number, const ValueRef &ndigits);

private:
  void lowerBlock(const StmtList &body, size_t from = 0);
  void lowerStmt(const Stmt &stmt);
  /// lowerStmt, or a raise at run time in its place (see `mayRaise`).
  void lowerStmtOrRaise(const Stmt &stmt);
  /// One arm of a choice on a run-time condition: its value, or null if
  /// it raises an exception known when compiling, which the program then
  /// raises where `chosen` holds (Python computes only what it chooses).
  ValueRef lowerArmOrRaise(llvm::function_ref<ValueRef()> arm,
                           mlir::Value chosen);
  /// `x if c else y`.
  ValueRef lowerIfExp(const IfExpExpr &ifexp);
  /// The value of `thenArm` where `cond` holds, else of `elseArm`: for
  /// numbers only the chosen arm runs; arrays are computed both (each
  /// one's checks holding where it is chosen) and selected. None if the
  /// arms are neither.
  ValueRef lowerChoice(mlir::Value cond, llvm::function_ref<ValueRef()> thenArm,
                       llvm::function_ref<ValueRef()> elseArm);
  void assign(const Expr &target, const ValueRef &value);
  ValueRef lowerExpr(const Expr &expr);
  ValueRef lowerExprImpl(const Expr &expr);
  ValueRef lowerCall(const CallExpr &call);
  ValueRef callFunction(const ValueRef &fn, const CallArgs &args);

  // Functions.cpp: user functions as func.func ops.

  /// Calls `fn` with its parameters bound: compiles its body for this kind
  /// of call unless an earlier call did, and emits the call.
  ValueRef callUserFunction(
      const ValueRef &fn,
      const std::vector<std::pair<std::string, ValueRef>> &bindings);
  std::shared_ptr<CompiledFunction> compileFunction(const ValueRef &fn,
                                                    const Capture &c);
  ValueRef emitCall(const CompiledFunction &cf, const Capture &c);
  /// Lowers the body of `fn` in scope `local` at the builder's insertion
  /// point; returns what it returns.
  ValueRef lowerBody(const PyValue &fn, std::shared_ptr<Scope> local,
                     mlir::Location loc);
  /// The statements of the function whose body is being lowered (null at
  /// module level and in lambdas).
  const StmtList *functionBody = nullptr;
  /// Bodies compiled so far, by the key of their calls.
  std::map<std::string, std::shared_ptr<CompiledFunction>> compiledFunctions;
  /// The free names of each function text (NameUses.cpp), walked once.
  std::map<const void *, std::set<std::string>> freeNameCache;
  /// How many func.func ops are named after each function.
  std::map<std::string, unsigned> functionNames;
  /// References to the objects a function body works on from its callers'
  /// names, which the body cannot see (added by countReferences).
  std::map<const PyValue *, int> externalRefs;
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
  /// Every scope made (to empty them at the end, see ~IRGen).
  std::vector<std::weak_ptr<Scope>> scopes;
  /// Set by `return` inside an inlined function call.
  ValueRef returnValue;
  bool returned = false;
  unsigned callDepth = 0;
  /// Loops are unrolled (their trip count must be known when compiling);
  /// `break`/`continue` set these while the rest of the body is skipped.
  bool breaking = false;
  bool continuing = false;
  /// Set once a statement has raised (see lowerBlock): the rest of the block
  /// is not lowered, as nothing after a raise runs.
  bool raised = false;
  /// True directly inside a branch of an `if` on a value known only at run
  /// time (not in a compiled loop or a function in it). There a Python
  /// exception that a statement is known to raise when compiling becomes a
  /// raise at run time, as in Python, where a branch that never runs
  /// raises nothing.
  bool mayRaise = false;
  unsigned loopDepth = 0;
  unsigned unrolledIterations = 0;
  /// Unrolls a loop over a sequence known when compiling (a tuple, a list):
  /// `nextIteration` binds the next iteration's values and says whether
  /// there is one; the else clause runs unless a `break` or `return` ended
  /// the loop.
  void lowerLoop(const StmtList &body, const StmtList &orElse,
                 llvm::function_ref<bool()> nextIteration);
  /// Runs one iteration of an unrolled loop body; false once the loop must
  /// stop.
  bool runIteration(const StmtList &body);

  // ControlFlow.cpp: compiled loops and run-time branches.

  /// A place holding Python state that a loop or a branch can change.
  struct Slot {
    enum class Kind { Name, Object, Offset } kind;
    std::string name; // Name: a name of the current scope
    ValueRef proto;   // Name: what the name holds (kind, dtype, shape)
    ValueRef object;  // Object: an array updated in place
    std::shared_ptr<GeneratorState> generator; // Offset: a stream position
    unsigned field = 0; // Offset: which value of generator->position
    /// Name: the array it held on entry is also bound elsewhere, so the
    /// fresh objects this slot binds may not be written in place.
    bool shared = false;
    /// Name, an array: the dimensions whose extents change from one
    /// iteration to the next, carried as `index` values after the array.
    std::vector<unsigned> varying;
    /// How many values the loop carries for this slot.
    size_t width() const { return 1 + varying.size(); }
  };
  /// The state a region starts from, to compare against and to restore.
  struct Snapshot {
    std::map<std::string, ValueRef> names;
    std::vector<std::pair<ValueRef, mlir::Value>> arrays;
    std::vector<
        std::pair<std::shared_ptr<GeneratorState>, std::array<mlir::Value, 3>>>
        generators;
  };
  Snapshot takeSnapshot();
  /// How many names, containers and views refer to each object: from the
  /// scopes `roots` and those around them, plus the callers' references
  /// (externalRefs).
  std::map<const PyValue *, int>
  countReferences(llvm::ArrayRef<std::shared_ptr<Scope>> roots);
  /// The same without the callers' references.
  static std::map<const PyValue *, int>
  countReferencesFrom(llvm::ArrayRef<std::shared_ptr<Scope>> roots);
  void restoreSnapshot(const Snapshot &snapshot);
  /// Appends what the loop carries for `slot` now (slot.width() values).
  void readSlot(Slot &slot, llvm::SmallVectorImpl<mlir::Value> &carried,
                bool &needsRetry);
  /// Binds `slot` to the values a loop carries for it (slot.width()).
  void writeSlot(const Slot &slot, mlir::ValueRange carried);
  /// Slots that changed since `entry` and are not in `known` yet.
  std::vector<Slot> discoverSlots(const Snapshot &entry,
                                  const std::vector<Slot> &known,
                                  SourceRange range);

  /// `for target in range(...)` / `while test` as scf.for or scf.while.
  /// (`elements`: a 1-D array whose elements the loop variable takes.)
  void lowerCompiledFor(const ForStmt &stmt, const ValueRef &range,
                        const ValueRef &elements = nullptr);
  void lowerCompiledWhile(const WhileStmt &stmt);
  struct LoopParts;
  void lowerCompiledLoop(const LoopParts &parts);
  /// One attempt at building the loop with `slots`; false (and `slots`
  /// completed) when the body changes more than `slots` hold.
  bool buildLoop(const LoopParts &parts, std::vector<Slot> &slots,
                 const Snapshot &entry);
  /// An scf.if on `condition`: the branches' changes to names, arrays and
  /// random streams become its results.
  void lowerBranches(mlir::Value condition, SourceRange range,
                     llvm::function_ref<void()> thenBranch,
                     llvm::function_ref<void()> elseBranch);
  /// Whether a `break`, `continue` (in a compiled loop) or `return` (in a
  /// run-time region) may have run: the statements after it are guarded
  /// by this flag; null when none can have run.
  mlir::Value loopExitFlag();
  /// A value of `v`'s kind and type (zeros) for a path where a carried
  /// name (the return value) has none.
  ValueRef placeholderLike(const ValueRef &v, mlir::Type type);
  /// > 0 while lowering the body of a compiled loop of this function.
  unsigned compiledLoopDepth = 0;
  /// > 0 inside a compiled loop or a run-time branch of this function: a
  /// `return` there sets %return and %retval instead.
  unsigned dynamicDepth = 0;
  /// Set by buildLoop: names the body binds first that the loop must carry
  /// out (kind and type of each).
  std::vector<std::tuple<std::string, ValueRef, mlir::Type>> pendingValues;
  /// How the current function returns from run-time regions: -1 one value,
  /// 0 None, n a tuple of n values.
  static constexpr int kNoReturnYet = -2;
  int returnArity = kNoReturnYet;

  friend struct LibraryAccess;
};

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_LIB_IRGEN_IRGEN_H
