//===- ControlFlow.h - Shared by ControlFlow.cpp and Loops.cpp --*- C++ -*-===//
//
// Private to the script lowering: the pseudo-names that carry `break`,
// `continue` and `return` out of compiled regions, and what a loop body
// assigns, read from its text.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_LIB_IRGEN_CONTROLFLOW_H
#define DAC_SCRIPT_LIB_IRGEN_CONTROLFLOW_H

#include "dac/Builder/Values.h"

#include "mlir/IR/Builders.h"

#include "dac/Script/AST.h"

#include <set>
#include <string>

namespace dac::script {

// The script frontend builds its IR with the builder library.
using namespace dac::builder;

inline constexpr const char *kBreakFlag = "%break";
inline constexpr const char *kContinueFlag = "%continue";
inline constexpr const char *kReturnFlag = "%return";
inline constexpr const char *kReturnValue = "%retval";

struct Assignments {
  /// Names bound by `=`, `for` targets and tuple unpacking.
  std::set<std::string> rebound;
  /// Names updated by augmented assignment (in place for arrays).
  std::set<std::string> augmented;
  /// A `break` of this loop (not of a nested one).
  bool breaks = false;
  /// A `return` anywhere in the body: it ends this loop too.
  bool returns = false;
};

/// The names a target expression binds.
void collectTargets(const Expr &target, std::set<std::string> &names);
/// What a loop body assigns, breaks and returns.
Assignments scanLoop(const StmtList &body);
/// Every name the text mentions (read or bound, nested functions and
/// lambdas included).
std::set<std::string> namesUsed(const StmtList &body);
std::set<std::string> namesUsed(const Expr &expr);
/// The error for a name bound to different views on different paths.
std::string viewRebound(const std::string &name);
bool isNumberOrArray(const ValueRef &v);
/// The error for writing in place to an array whose sharing with other
/// names depends on the run-time path.
std::string sharedArrayMessage(const std::string &name);

/// `array`, whose extents are `shape`, as an array of type `type`: the same
/// with `?` where the extents differ between the paths that reach a value
/// (iterations of a loop, branches of an `if`).
mlir::Value castArray(mlir::OpBuilder &b, mlir::Location loc, mlir::Type type,
                      mlir::Value array, llvm::ArrayRef<mlir::Value> shape);

} // namespace dac::script

#endif // DAC_SCRIPT_LIB_IRGEN_CONTROLFLOW_H
