//===- Emit.h - Graphs of the C++ API as dist IR ----------------*- C++ -*-===//
//
// Private to the C++ API (includes MLIR): a graph becomes dist IR through
// the builder library, the same calls the script frontend makes.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_CPP_LIB_EMIT_H
#define DAC_CPP_LIB_EMIT_H

#include "Graph.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace dac::detail {

/// What one evaluation compiles: the nodes to compute, in an order where
/// operands come first, the computed values they read (the function's
/// arguments) and the values it returns.
struct Program {
  std::vector<NodePtr> order;
  std::vector<NodePtr> arguments;
  std::vector<NodePtr> results;
  /// Set for a print: the line (dist.print's format); `results` are then
  /// its arguments, and the function returns nothing.
  std::optional<std::string> print;

  /// Everything the compiled code depends on, and nothing else: the
  /// operations, extents, dtypes and layouts, not the data or the numbers
  /// that are arguments.
  std::string key() const;
};

/// The program computing `targets`, and the nodes that live objects hold
/// on the way (so that they are not computed again later).
Program collectProgram(const std::vector<NodePtr> &targets);

/// The process's MLIR context, with every dialect of the pipeline.
mlir::MLIRContext &getContext();

/// Builds `program` as `func.func @dac_eval`; throws dac::Error with
/// NumPy's message for what NumPy would refuse.
mlir::OwningOpRef<mlir::ModuleOp> buildProgram(const Program &program);

/// describe() without its cache: builds the node's IR.
void describeWithIR(Node &node);

/// The name of the compiled function.
inline constexpr const char *kEvalFunction = "dac_eval";

} // namespace dac::detail

#endif // DAC_CPP_LIB_EMIT_H
