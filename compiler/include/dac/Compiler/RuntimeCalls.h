//===- RuntimeCalls.h - Calls from generated code into the runtime -*- C++
//-*-===//
//
// The compiler's view of runtime/include/dac/Runtime/RuntimeABI.def: the
// same list, turned into func.func declarations on demand.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_COMPILER_RUNTIMECALLS_H
#define DAC_COMPILER_RUNTIMECALLS_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace dac {

/// One enumerator per runtime entry point, named like the C function.
enum class RuntimeFunction {
#define DAC_RT_FUNC(Name, Ret, Params) Name,
#include "dac/Runtime/RuntimeABI.def"
};

/// Reduction codes of the runtime's allreduce entry points.
enum class RuntimeReduceOp : int32_t {
#define DAC_RT_REDUCE_OP(Name, Value) Name = Value,
#include "dac/Runtime/RuntimeABI.def"
};

/// Element type codes of arrays handed to the runtime.
enum class RuntimeElementType : int32_t {
#define DAC_RT_ELEMENT_TYPE(Name, Value) Name = Value,
#include "dac/Runtime/RuntimeABI.def"
};

/// Distribution codes of dac_rt_sample.
enum class RuntimeSample : int32_t {
#define DAC_RT_SAMPLE(Name, Value) Name = Value,
#include "dac/Runtime/RuntimeABI.def"
};

/// The ABI version generated code passes to dac_rt_init.
int64_t getRuntimeABIVersion();

/// The C name of `fn`.
llvm::StringRef getRuntimeFunctionName(RuntimeFunction fn);

/// The runtime declarations and constant globals of one module, looked up
/// by name through a table built once. Looking each up by scanning the
/// module made lowering a straight-line script quadratic: every overflow
/// check adds a message global and a call.
///
/// Declarations go to the start of the module and constants to its end, so
/// that MLIR's own scans for a callee (func.call to llvm.call) stop after
/// the functions instead of walking every string first.
class RuntimeSymbols {
public:
  explicit RuntimeSymbols(mlir::ModuleOp module)
      : module(module), table(module) {}

  /// Emits a call to `fn` (declaring it on first use) and returns its
  /// result, or null for a void function.
  mlir::Value call(mlir::OpBuilder &b, mlir::Location loc, RuntimeFunction fn,
                   mlir::ValueRange args);

  /// A pointer to a NUL-terminated private constant holding `text` (one
  /// global per distinct text).
  mlir::Value string(mlir::OpBuilder &b, mlir::Location loc,
                     llvm::StringRef text);

  /// A pointer to a private constant array of int64 (one global per
  /// content).
  mlir::Value i64Array(mlir::OpBuilder &b, mlir::Location loc,
                       llvm::ArrayRef<int64_t> values);

private:
  mlir::Value constant(mlir::OpBuilder &b, mlir::Location loc,
                       llvm::StringRef prefix, llvm::StringRef bytes,
                       mlir::Type type, mlir::Attribute value);

  mlir::ModuleOp module;
  mlir::SymbolTable table;
};

/// The same, for code that adds one call to a small module (the frontends):
/// each builds its table afresh.
mlir::Value createRuntimeCall(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::ModuleOp module, RuntimeFunction fn,
                              mlir::ValueRange args);

/// "file:line:col" of `loc` (the innermost file location), or "".
std::string formatLocation(mlir::Location loc);

} // namespace dac

#endif // DAC_COMPILER_RUNTIMECALLS_H
