//===- Compile.cpp - The stages of the dac driver -------------------------===//
//
// Script -> AST -> global dist IR -> per-rank IR -> LLVM IR -> object ->
// executable, stopping wherever --emit says. Errors from any stage are
// rendered against the script (file:line:col, the line, a caret).
//
//===----------------------------------------------------------------------===//

#include "Compile.h"
#include "Files.h"

#include "dac/Compiler/InitAll.h"
#include "dac/Compiler/Pipeline.h"
#include "dac/Script/IRGen.h"
#include "dac/Script/Parser.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/ViewOpGraph.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <iostream>
#include <sstream>

using namespace dac;
using namespace dac::driver;
using llvm::StringRef;

#ifndef DAC_MPIEXEC
#define DAC_MPIEXEC "/usr/bin/mpiexec.mpich"
#endif

std::optional<Stage> dac::driver::parseStage(StringRef name) {
  return llvm::StringSwitch<std::optional<Stage>>(name)
      .Case("ast", Stage::Ast)
      .Case("dist", Stage::Dist)
      .Case("local", Stage::Local)
      .Case("llvm", Stage::Llvm)
      .Case("obj", Stage::Obj)
      .Case("dot", Stage::Dot)
      .Default(std::nullopt);
}

namespace {

int fail(const llvm::Twine &message) {
  llvm::errs() << "dac: error: " << message << "\n";
  return 1;
}

/// Turns MLIR diagnostics that point into the script into script
/// diagnostics (with the source line and a caret).
class ScriptDiagnostics {
public:
  ScriptDiagnostics(mlir::MLIRContext &ctx, script::DiagnosticEngine &diags,
                    bool remarks)
      : handler(&ctx, [&diags, remarks](mlir::Diagnostic &d) {
          if (d.getSeverity() == mlir::DiagnosticSeverity::Remark && !remarks)
            return mlir::success();
          script::SourceRange range;
          if (auto loc = findFileLoc(d.getLocation())) {
            range.begin.line = loc->getStartLine();
            range.begin.col = loc->getStartColumn();
            range.end.line = loc->getEndLine();
            range.end.col = loc->getEndColumn();
          }
          script::DiagnosticSeverity severity =
              d.getSeverity() == mlir::DiagnosticSeverity::Error
                  ? script::DiagnosticSeverity::Error
              : d.getSeverity() == mlir::DiagnosticSeverity::Warning
                  ? script::DiagnosticSeverity::Warning
              : d.getSeverity() == mlir::DiagnosticSeverity::Remark
                  ? script::DiagnosticSeverity::Remark
                  : script::DiagnosticSeverity::Note;
          diags.report(severity, range, d.str());
          return mlir::success();
        }) {}

private:
  static std::optional<mlir::FileLineColRange> findFileLoc(mlir::Location loc) {
    std::optional<mlir::FileLineColRange> result;
    loc->walk([&](mlir::Location inner) {
      if (auto file = llvm::dyn_cast<mlir::FileLineColRange>(inner)) {
        result = file;
        return mlir::WalkResult::interrupt();
      }
      return mlir::WalkResult::advance();
    });
    return result;
  }

  mlir::ScopedDiagnosticHandler handler;
};

/// Writes `text` to `path`, or to stdout when `path` is empty.
int writeOutput(StringRef path,
                llvm::function_ref<void(llvm::raw_ostream &)> fn) {
  if (path.empty()) {
    fn(llvm::outs());
    return 0;
  }
  std::error_code ec;
  llvm::ToolOutputFile out(path, ec, llvm::sys::fs::OF_Text);
  if (ec)
    return fail("cannot write '" + path + "': " + ec.message());
  fn(out.os());
  out.keep();
  return 0;
}

/// Compiles the script as far as `options.emit` says (all the way to an
/// executable at `executable` when it says nothing).
int compile(const Options &options, StringRef executable) {
  if (llvm::Error err = checkScript(options.script))
    return fail(llvm::toString(std::move(err)));
  if (!options.output.empty())
    if (llvm::Error err = checkOutput(options.output, options.script))
      return fail(llvm::toString(std::move(err)));
  auto buffer = llvm::MemoryBuffer::getFile(options.script, /*IsText=*/true);
  if (!buffer)
    return fail("cannot read '" + options.script +
                "': " + buffer.getError().message());
  script::SourceFile file(options.script, (*buffer)->getBuffer().str());
  script::DiagnosticEngine diags(&file);
  auto reportErrors = [&]() {
    diags.print(std::cerr);
    return 1;
  };

  std::unique_ptr<script::Module> ast = script::parseFile(file, diags);
  if (!ast || diags.hasErrors())
    return reportErrors();
  if (options.emit == Stage::Ast)
    return writeOutput(options.output, [&](llvm::raw_ostream &os) {
      std::ostringstream text;
      script::dumpAST(*ast, text);
      os << text.str();
    });

  mlir::DialectRegistry registry;
  registerAllDialects(registry);
  mlir::MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  ScriptDiagnostics scriptDiags(ctx, diags, options.remarks);

  mlir::OwningOpRef<mlir::ModuleOp> module =
      script::lowerToDist(*ast, file, diags, ctx);
  if (!module || diags.hasErrors())
    return reportErrors();
  if (failed(mlir::verify(*module))) {
    diags.print(std::cerr);
    return fail("internal error: the frontend produced invalid IR");
  }
  if (options.emit == Stage::Dist)
    return writeOutput(options.output, [&](llvm::raw_ostream &os) {
      module->print(os, mlir::OpPrintingFlags().enableDebugInfo(
                            /*enable=*/true, /*prettyForm=*/false));
    });
  if (options.emit == Stage::Dot) {
    mlir::PassManager pm(&ctx);
    pm.addPass(mlir::createPrintOpGraphPass(llvm::outs()));
    return failed(pm.run(*module)) ? reportErrors() : 0;
  }

  mlir::PassManager toLocal(&ctx);
  buildGlobalToLocalPipeline(toLocal);
  if (failed(toLocal.run(*module)))
    return reportErrors();
  // Warnings, and the remarks asked for, of a compilation that goes on.
  diags.print(std::cerr);
  if (options.emit == Stage::Local)
    return writeOutput(options.output,
                       [&](llvm::raw_ostream &os) { module->print(os); });

  mlir::PassManager toLLVM(&ctx);
  buildLocalToLLVMPipeline(toLLVM);
  if (failed(toLLVM.run(*module)))
    return reportErrors();
  llvm::LLVMContext llvmContext;
  auto llvmModule = translateAndOptimize(*module, llvmContext, options.codegen);
  if (!llvmModule)
    return fail(llvm::toString(llvmModule.takeError()));
  if (options.emit == Stage::Llvm)
    return writeOutput(options.output, [&](llvm::raw_ostream &os) {
      (*llvmModule)->print(os, nullptr);
    });

  if (options.emit == Stage::Obj) {
    if (llvm::Error err =
            emitObjectFile(**llvmModule, options.output, options.codegen))
      return fail(llvm::toString(std::move(err)));
    return 0;
  }
  llvm::SmallString<128> object;
  if (std::error_code ec =
          llvm::sys::fs::createTemporaryFile("dac", "o", object))
    return fail("cannot create a temporary file: " + ec.message());
  llvm::FileRemover removeObject(object);
  // Also when dac is interrupted.
  llvm::sys::RemoveFileOnSignal(object);
  if (llvm::Error err = emitObjectFile(**llvmModule, object, options.codegen))
    return fail(llvm::toString(std::move(err)));
  if (llvm::Error err = linkExecutable(object, executable, options.toolPath))
    return fail(llvm::toString(std::move(err)));
  return 0;
}

/// Where `dac run` keeps executables: $DAC_CACHE_DIR, else
/// $XDG_CACHE_HOME/dac, else ~/.cache/dac.
std::string getCacheDir() {
  if (const char *dir = std::getenv("DAC_CACHE_DIR"))
    return dir;
  llvm::SmallString<256> path;
  if (const char *xdg = std::getenv("XDG_CACHE_HOME")) {
    path = xdg;
  } else if (const char *home = std::getenv("HOME")) {
    path = home;
    llvm::sys::path::append(path, ".cache");
  } else {
    llvm::sys::path::system_temp_directory(/*erasedOnReboot=*/false, path);
  }
  llvm::sys::path::append(path, "dac");
  return std::string(path);
}

/// The cached executable for the script: keyed by the script's text, the
/// code-generation options, the dac binary itself and the runtime library
/// programs link against, so that changing any of them rebuilds.
llvm::Expected<std::string> getCachedExecutable(const Options &options) {
  auto script = llvm::MemoryBuffer::getFile(options.script);
  if (!script)
    return llvm::createStringError(script.getError(),
                                   "cannot read '" + options.script + "'");
  llvm::SHA1 hash;
  hash.update((*script)->getBuffer());
  hash.update(options.codegen.cpu);
  hash.update(std::to_string(options.codegen.optLevel));
  for (const std::string &file :
       {options.toolPath, runtimeLibraryPath(options.toolPath)}) {
    llvm::sys::fs::file_status status;
    if (llvm::sys::fs::status(file, status))
      continue;
    hash.update(file);
    hash.update(std::to_string(
        status.getLastModificationTime().time_since_epoch().count()));
  }
  std::string key = llvm::toHex(hash.final()).substr(0, 24);
  llvm::SmallString<256> path(getCacheDir());
  llvm::sys::path::append(path, key);
  if (std::error_code ec = llvm::sys::fs::create_directories(path))
    return llvm::createStringError(ec, "cannot create the cache directory " +
                                           path.str());
  llvm::sys::path::append(path, llvm::sys::path::stem(options.script).str());
  return std::string(path);
}

int run(const Options &options) {
  // Before the cache reads the script to key it: a FIFO or a device is
  // refused, not read (forever, or without limit).
  if (llvm::Error err = checkScript(options.script))
    return fail(llvm::toString(std::move(err)));
  auto executable = getCachedExecutable(options);
  if (!executable)
    return fail(llvm::toString(executable.takeError()));
  // An entry is used only when complete: a build interrupted, a file
  // truncated or corrupted since is rebuilt.
  if (!isSealed(*executable)) {
    if (int rc = compile(options, *executable))
      return rc;
    if (llvm::Error err = seal(*executable))
      return fail(llvm::toString(std::move(err)));
  }
  std::string ranks = std::to_string(options.ranks);
  std::vector<StringRef> args = {DAC_MPIEXEC, "-n", ranks, *executable};
  for (const std::string &arg : options.programArgs)
    args.push_back(arg);
  std::string error;
  int rc = llvm::sys::ExecuteAndWait(DAC_MPIEXEC, args, std::nullopt, {}, 0, 0,
                                     &error);
  if (rc < 0)
    return fail("cannot run " DAC_MPIEXEC ": " + error);
  return rc;
}

} // namespace

int dac::driver::runDriver(const Options &original) {
  Options options = original;
  static int anchor;
  options.toolPath =
      llvm::sys::fs::getMainExecutable(original.toolPath.c_str(), &anchor);
  switch (options.mode) {
  case Mode::Build:
    return compile(options, options.output);
  case Mode::Run:
    return run(options);
  case Mode::Emit:
    return compile(options, "");
  }
  return 1;
}
