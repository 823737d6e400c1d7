//===- dac.cpp - The dac compiler driver ----------------------------------===//
//
//   dac build script.py -o prog       script -> native MPI executable
//   dac run [-n P] script.py [args]    build (cached) and run under mpiexec
//   dac script.py --emit=STAGE         stop at a stage and print it
//
// Each stage of the pipeline is a function in Compile.cpp; this file only
// parses the command line.
//
//===----------------------------------------------------------------------===//

#include "Compile.h"

#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace dac::driver;

static const char *const kUsage =
    R"(usage: dac build SCRIPT.py -o PROGRAM [options]
       dac run [-n RANKS] SCRIPT.py [options] [-- PROGRAM-ARGS...]
       dac SCRIPT.py --emit=ast|dist|local|llvm|obj|dot [-o FILE] [options]

options:
  -O0 .. -O3        LLVM optimisation level (default -O3)
  --cpu=NAME        target CPU: native (default), generic, x86-64-v3, ...
  --remarks         show where the compiler inserted communication and why
  -o FILE           output file (build: the executable; --emit=obj: required)
  -n RANKS          number of MPI ranks for `dac run` (default 1)
)";

static int usageError(const llvm::Twine &message) {
  llvm::errs() << "dac: error: " << message << "\n" << kUsage;
  return 2;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  Options options;
  options.toolPath = argv[0];
  int i = 1;
  if (i < argc && std::strcmp(argv[i], "build") == 0) {
    options.mode = Mode::Build;
    ++i;
  } else if (i < argc && std::strcmp(argv[i], "run") == 0) {
    options.mode = Mode::Run;
    ++i;
  }
  for (; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      llvm::outs() << kUsage;
      return 0;
    }
    if (arg == "--") {
      for (++i; i < argc; ++i)
        options.programArgs.push_back(argv[i]);
      break;
    }
    if (arg == "-o" || arg == "-n") {
      if (i + 1 >= argc)
        return usageError("'" + arg + "' needs a value");
      llvm::StringRef value = argv[++i];
      if (arg == "-o") {
        options.output = value.str();
      } else if (value.getAsInteger(10, options.ranks) || options.ranks < 1) {
        return usageError("-n needs a positive number of ranks, got '" + value +
                          "'");
      }
      continue;
    }
    if (arg.consume_front("--emit=")) {
      std::optional<Stage> stage = parseStage(arg);
      if (!stage)
        return usageError("unknown stage '" + arg +
                          "' (expected ast, dist, local, llvm, obj or dot)");
      options.emit = *stage;
      continue;
    }
    if (arg == "--remarks") {
      options.remarks = true;
      continue;
    }
    if (arg.consume_front("--cpu=")) {
      options.codegen.cpu = arg.str();
      continue;
    }
    if (arg.size() == 3 && arg.starts_with("-O") && arg[2] >= '0' &&
        arg[2] <= '3') {
      options.codegen.optLevel = arg[2] - '0';
      continue;
    }
    if (arg.starts_with("-"))
      return usageError("unknown option '" + arg + "'");
    if (!options.script.empty()) {
      if (options.mode == Mode::Run) {
        options.programArgs.push_back(arg.str());
        continue;
      }
      return usageError("more than one script given");
    }
    options.script = arg.str();
  }
  if (options.script.empty())
    return usageError("no script given");
  if (options.mode == Mode::Build && options.output.empty())
    return usageError("`dac build` needs -o PROGRAM");
  if (options.mode == Mode::Emit && !options.emit)
    return usageError("say what to do: `dac build`, `dac run` or --emit=");
  if (options.mode == Mode::Emit && *options.emit == Stage::Obj &&
      options.output.empty())
    return usageError("--emit=obj needs -o FILE");
  if (llvm::Error err = dac::checkCodeGenOptions(options.codegen))
    return usageError(llvm::toString(std::move(err)));
  return runDriver(options);
}
