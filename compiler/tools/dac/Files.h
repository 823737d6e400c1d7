//===- Files.h - What the dac driver reads and writes -----------*- C++ -*-===//
//
// Checks on the script and the output before anything is compiled, and the
// seal that marks a complete entry of `dac run`'s cache.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_TOOLS_DAC_FILES_H
#define DAC_TOOLS_DAC_FILES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace dac {
namespace driver {

/// Scripts larger than this are refused (a script is source text).
constexpr uint64_t kMaxScriptBytes = 64 << 20;

/// Refuses a script that is not a regular file (a FIFO, a device, a
/// directory) or is larger than kMaxScriptBytes, before it is opened.
llvm::Error checkScript(llvm::StringRef path);

/// Refuses an output path that names the script itself, a directory or an
/// existing file that is not a regular file (a device node, a FIFO): the
/// output is renamed into place and would replace it.
llvm::Error checkOutput(llvm::StringRef output, llvm::StringRef script);

/// True if `executable` is a complete cache entry: its seal (size and
/// SHA-1, written after it was renamed into place) matches its contents.
bool isSealed(llvm::StringRef executable);

/// Writes `executable`'s seal (atomically, by rename).
llvm::Error seal(llvm::StringRef executable);

} // namespace driver
} // namespace dac

#endif // DAC_TOOLS_DAC_FILES_H
