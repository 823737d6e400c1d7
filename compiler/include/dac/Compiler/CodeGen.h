//===- CodeGen.h - LLVM dialect -> object file -> executable ----*- C++ -*-===//

#ifndef DAC_COMPILER_CODEGEN_H
#define DAC_COMPILER_CODEGEN_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>

namespace llvm {
class LLVMContext;
class Module;
class raw_pwrite_stream;
} // namespace llvm

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace dac {

struct CodeGenOptions {
  /// LLVM optimisation level (0-3).
  unsigned optLevel = 3;
  /// Target CPU: "native" (the build machine's, with all its features) or
  /// an LLVM CPU name such as "x86-64-v3" or "generic".
  std::string cpu = "native";
};

/// An error naming the valid choices if the options cannot generate code
/// for this machine (an unknown or 32-bit CPU).
llvm::Error checkCodeGenOptions(const CodeGenOptions &options);

/// Translates a module in the LLVM dialect to LLVM IR and optimises it for
/// the target (`beforeOptimizing` may add to the LLVM IR first).
llvm::Expected<std::unique_ptr<llvm::Module>> translateAndOptimize(
    mlir::ModuleOp module, llvm::LLVMContext &llvmContext,
    const CodeGenOptions &options,
    llvm::function_ref<void(llvm::Module &)> beforeOptimizing = {});

/// Writes `module` as an object file to `path`, or to `out`.
llvm::Error emitObjectFile(llvm::Module &module, llvm::StringRef path,
                           const CodeGenOptions &options);
llvm::Error emitObject(llvm::Module &module, llvm::raw_pwrite_stream &out,
                       const CodeGenOptions &options);

/// The dac runtime library programs link against: ../lib next to the dac
/// binary at `toolPath`.
std::string runtimeLibraryPath(llvm::StringRef toolPath);

/// Links `objectPath` with the dac runtime and MPICH into the executable
/// `outputPath`. `toolPath` is the path of the running dac binary: the
/// runtime library is found relative to it (../lib).
llvm::Error linkExecutable(llvm::StringRef objectPath,
                           llvm::StringRef outputPath,
                           llvm::StringRef toolPath);

} // namespace dac

#endif // DAC_COMPILER_CODEGEN_H
