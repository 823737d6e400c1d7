//===- ObjectEmitter.cpp - LLVM dialect -> optimised object file ----------===//

#include "dac/Compiler/CodeGen.h"
#include "llvm/IR/InstIterator.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

using namespace llvm;

namespace {

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

/// The LLVM target of the machine dac runs on (and generates code for).
Expected<std::pair<Triple, const Target *>> nativeTarget() {
  InitializeNativeTarget();
  InitializeNativeTargetAsmPrinter();
  Triple triple(sys::getDefaultTargetTriple());
  std::string error;
  const Target *target = TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return makeError("no LLVM target for " + triple.str() + ": " + error);
  return std::make_pair(triple, target);
}

Expected<std::unique_ptr<TargetMachine>>
createTargetMachine(const dac::CodeGenOptions &options) {
  auto native = nativeTarget();
  if (!native)
    return native.takeError();
  auto [triple, target] = *native;
  std::string cpu = options.cpu;
  std::string features;
  if (cpu == "native") {
    cpu = sys::getHostCPUName().str();
    SubtargetFeatures f;
    for (const auto &[name, enabled] : sys::getHostCPUFeatures())
      f.AddFeature(name, enabled);
    features = f.getString();
  }
  TargetOptions targetOptions;
  std::unique_ptr<TargetMachine> machine(target->createTargetMachine(
      triple, cpu, features, targetOptions, Reloc::PIC_, std::nullopt,
      options.optLevel >= 2 ? CodeGenOptLevel::Aggressive
                            : CodeGenOptLevel::None));
  if (!machine)
    return makeError("cannot create a target machine for " + triple.str());
  return machine;
}

} // namespace

Error dac::checkCodeGenOptions(const CodeGenOptions &options) {
  if (options.optLevel > 3)
    return makeError("optimisation levels are -O0 to -O3");
  if (options.cpu == "native")
    return Error::success();
  auto native = nativeTarget();
  if (!native)
    return native.takeError();
  auto [triple, target] = *native;
  // Asked of a generic subtarget first: LLVM warns on stderr when a
  // subtarget is made for a CPU it does not know.
  std::unique_ptr<MCSubtargetInfo> generic(
      target->createMCSubtargetInfo(triple, "generic", ""));
  std::unique_ptr<MCSubtargetInfo> info;
  if (generic && generic->isCPUStringValid(options.cpu))
    info.reset(target->createMCSubtargetInfo(triple, options.cpu, ""));
  std::string choices = " (choose native, generic, x86-64, x86-64-v2, "
                        "x86-64-v3, x86-64-v4 or another 64-bit CPU LLVM "
                        "knows, such as skylake or znver3)";
  if (!info)
    return makeError("unknown CPU '" + options.cpu + "' for " +
                     triple.getArchName() + choices);
  // Every CPU name of the x86 target is accepted, 32-bit ones too; the
  // code dac generates is 64-bit.
  if (triple.isX86() && !info->checkFeatures("+64bit"))
    return makeError("'" + options.cpu + "' is a 32-bit CPU; dac generates " +
                     "64-bit code" + choices);
  return Error::success();
}

Expected<std::unique_ptr<Module>>
dac::translateAndOptimize(mlir::ModuleOp module, LLVMContext &llvmContext,
                          const CodeGenOptions &options,
                          function_ref<void(Module &)> beforeOptimizing) {
  std::unique_ptr<Module> llvmModule =
      mlir::translateModuleToLLVMIR(module, llvmContext, "dac");
  if (!llvmModule)
    return makeError("translation to LLVM IR failed");
  if (beforeOptimizing)
    beforeOptimizing(*llvmModule);
  auto machine = createTargetMachine(options);
  if (!machine)
    return machine.takeError();
  llvmModule->setDataLayout((*machine)->createDataLayout());
  llvmModule->setTargetTriple((*machine)->getTargetTriple());
  // As clang marks its functions: no vector width is required by the code,
  // so the CPU's tuning picks the registers. Without the mark x86 assumes
  // any width may be needed and splits dac's 16-lane vectors into 512-bit
  // operations on AVX-512 CPUs whose tuning prefers 256 bits, which slows
  // memory-bound loops (W2, sum(a*a): 0.0206 s against 0.0167 s on an
  // AVX-512 Xeon). A program that multiplies 64-bit integer lanes (the
  // random streams' generators, integer products) is compute-bound there
  // and keeps the full width (pi: 0.171 s against 0.210 s). The choice is
  // one for the whole module: the mark also decides how vectors are passed
  // between functions, so callers and callees must agree.
  bool wideLanes = false;
  for (Function &fn : *llvmModule)
    for (Instruction &inst : instructions(fn))
      wideLanes |= inst.getOpcode() == Instruction::Mul &&
                   inst.getType()->isVectorTy() &&
                   inst.getType()->getScalarSizeInBits() >= 64;
  if (!wideLanes)
    for (Function &fn : *llvmModule)
      if (!fn.isDeclaration() && !fn.hasFnAttribute("min-legal-vector-width"))
        fn.addFnAttr("min-legal-vector-width", "0");
  auto optimize =
      mlir::makeOptimizingTransformer(options.optLevel,
                                      /*sizeLevel=*/0, machine->get());
  if (Error err = optimize(llvmModule.get()))
    return std::move(err);
  return llvmModule;
}

Error dac::emitObject(Module &module, raw_pwrite_stream &out,
                      const CodeGenOptions &options) {
  auto machine = createTargetMachine(options);
  if (!machine)
    return machine.takeError();
  legacy::PassManager pm;
  if ((*machine)->addPassesToEmitFile(pm, out, nullptr,
                                      CodeGenFileType::ObjectFile))
    return makeError("the target cannot emit object files");
  pm.run(module);
  return Error::success();
}

Error dac::emitObjectFile(Module &module, StringRef path,
                          const CodeGenOptions &options) {
  std::error_code ec;
  ToolOutputFile out(path, ec, sys::fs::OF_None);
  if (ec)
    return makeError("cannot write " + path + ": " + ec.message());
  if (Error err = emitObject(module, out.os(), options))
    return err;
  out.keep();
  return Error::success();
}
