//===- Compile.h - The stages of the dac driver -----------------*- C++ -*-===//

#ifndef DAC_TOOLS_DAC_COMPILE_H
#define DAC_TOOLS_DAC_COMPILE_H

#include "dac/Compiler/CodeGen.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace dac {
namespace driver {

enum class Mode { Emit, Build, Run };
enum class Stage { Ast, Dist, Local, Llvm, Obj, Dot };

std::optional<Stage> parseStage(llvm::StringRef name);

struct Options {
  Mode mode = Mode::Emit;
  std::optional<Stage> emit;
  std::string script;
  std::string output;
  std::string toolPath;
  int ranks = 1;
  /// Print the compiler's remarks (the communication it inserted).
  bool remarks = false;
  std::vector<std::string> programArgs;
  CodeGenOptions codegen;
};

/// Runs what `options` asks for; returns the process exit status.
int runDriver(const Options &options);

} // namespace driver
} // namespace dac

#endif // DAC_TOOLS_DAC_COMPILE_H
