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

/// Emits a call to `fn` (declaring it in `module` on first use) and returns
/// its result, or null for a void function.
mlir::Value createRuntimeCall(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::ModuleOp module, RuntimeFunction fn,
                              mlir::ValueRange args);

/// A pointer to a NUL-terminated private constant holding `text` (one
/// global per distinct text).
mlir::Value createStringConstant(mlir::OpBuilder &b, mlir::Location loc,
                                 mlir::ModuleOp module, llvm::StringRef text);

/// A pointer to a private constant array of int64 (one global per content).
mlir::Value createI64ArrayConstant(mlir::OpBuilder &b, mlir::Location loc,
                                   mlir::ModuleOp module,
                                   llvm::ArrayRef<int64_t> values);

/// "file:line:col" of `loc` (the innermost file location), or "".
std::string formatLocation(mlir::Location loc);

} // namespace dac

#endif // DAC_COMPILER_RUNTIMECALLS_H
