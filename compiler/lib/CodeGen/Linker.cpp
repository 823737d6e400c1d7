//===- Linker.cpp - Object file -> MPI executable -------------------------===//
//
// Links with MPICH's C++ compiler driver, which knows MPICH's libraries; the
// runtime is a C++ static library found next to the dac binary.
//
//===----------------------------------------------------------------------===//

#include "dac/Compiler/CodeGen.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"

using namespace llvm;

#ifndef DAC_BLAS_LIBRARY
#error "DAC_BLAS_LIBRARY: the BLAS the runtime links against (CMake sets it)"
#endif
#ifndef DAC_RUNTIME_LINK_FLAGS
#define DAC_RUNTIME_LINK_FLAGS ""
#endif
#ifndef DAC_MPICXX
#define DAC_MPICXX "/usr/bin/mpicxx.mpich"
#endif

std::string dac::runtimeLibraryPath(StringRef toolPath) {
  SmallString<256> runtime(sys::path::parent_path(toolPath));
  sys::path::append(runtime, "..", "lib", "libdac_runtime.a");
  return std::string(runtime);
}

Error dac::linkExecutable(StringRef objectPath, StringRef outputPath,
                          StringRef toolPath) {
  std::string runtime = runtimeLibraryPath(toolPath);
  if (!sys::fs::exists(runtime))
    return createStringError(inconvertibleErrorCode(),
                             "the dac runtime library is missing: " + runtime);

  std::string linker = DAC_MPICXX;
  if (const char *env = std::getenv("DAC_MPICXX"))
    linker = env;
  auto program = sys::findProgramByName(linker);
  if (!program)
    return createStringError(inconvertibleErrorCode(),
                             "cannot find the MPICH linker " + linker);

  // Link into a temporary next to the output and rename it into place, so
  // that a failed link never leaves a broken executable behind. The name is
  // unique (builds of one script may run at once: `dac run` on a cold
  // cache) and the file goes if dac is interrupted.
  SmallString<256> temp;
  int fd;
  if (std::error_code ec = sys::fs::createUniqueFile(
          outputPath + "-%%%%%%%%.link-tmp", fd, temp))
    return createStringError(ec, "cannot write next to " + outputPath.str());
  sys::fs::closeFile(fd);
  sys::RemoveFileOnSignal(temp);
  auto release = [&] {
    sys::fs::remove(temp);
    sys::DontRemoveFileOnSignal(temp);
  };
  std::string tempStr(temp.str());
  SmallVector<StringRef> args = {
      *program, objectPath, runtime, DAC_BLAS_LIBRARY, "-lm", "-o", tempStr};
  // A sanitizer build's runtime needs the sanitizers' own (empty else).
  SmallVector<StringRef> extra;
  StringRef(DAC_RUNTIME_LINK_FLAGS).split(extra, ' ', -1, false);
  args.append(extra.begin(), extra.end());
  std::string errorMessage;
  int rc = sys::ExecuteAndWait(*program, args, std::nullopt, {}, 0, 0,
                               &errorMessage);
  if (rc != 0) {
    release();
    return createStringError(
        inconvertibleErrorCode(),
        "linking failed (" + linker + " exited with " + std::to_string(rc) +
            ")" + (errorMessage.empty() ? "" : ": ") + errorMessage);
  }
  if (std::error_code ec = sys::fs::rename(temp, outputPath)) {
    release();
    return createStringError(ec, "cannot write " + outputPath.str());
  }
  sys::DontRemoveFileOnSignal(temp);
  return Error::success();
}
