//===- Files.cpp - What the dac driver reads and writes -------------------===//

#include "Files.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace {

Error error(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

/// The seal of `executable`'s contents: "<size> <sha1>".
Expected<std::string> sealOf(StringRef executable) {
  auto contents = MemoryBuffer::getFile(executable, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false);
  if (!contents)
    return createStringError(contents.getError(),
                             "cannot read " + executable.str());
  SHA1 hash;
  hash.update((*contents)->getBuffer());
  return std::to_string((*contents)->getBufferSize()) + " " +
         toHex(hash.final());
}

std::string sealPath(StringRef executable) {
  return (executable + ".seal").str();
}

} // namespace

Error dac::driver::checkScript(StringRef path) {
  sys::fs::file_status status;
  if (std::error_code ec = sys::fs::status(path, status))
    return createStringError(ec, "cannot read '" + path + "': " + ec.message());
  if (status.type() != sys::fs::file_type::regular_file)
    return error("'" + path + "' is not a regular file (a script is one)");
  if (status.getSize() > kMaxScriptBytes)
    return error("'" + path + "' is larger than " +
                 Twine(kMaxScriptBytes >> 20) + " MiB: not a script");
  return Error::success();
}

Error dac::driver::checkOutput(StringRef output, StringRef script) {
  sys::fs::file_status status;
  if (sys::fs::status(output, status))
    return Error::success(); // Does not exist yet.
  if (status.type() == sys::fs::file_type::directory_file)
    return error("the output '" + output + "' is a directory");
  if (status.type() != sys::fs::file_type::regular_file)
    return error("the output '" + output +
                 "' exists and is not a regular file (a device, a FIFO?); "
                 "dac would replace it");
  if (sys::fs::equivalent(output, script))
    return error("the output '" + output + "' is the script itself");
  return Error::success();
}

bool dac::driver::isSealed(StringRef executable) {
  auto recorded = MemoryBuffer::getFile(sealPath(executable));
  if (!recorded)
    return false;
  Expected<std::string> actual = sealOf(executable);
  if (!actual) {
    consumeError(actual.takeError());
    return false;
  }
  return (*recorded)->getBuffer().trim() == *actual;
}

Error dac::driver::seal(StringRef executable) {
  Expected<std::string> text = sealOf(executable);
  if (!text)
    return text.takeError();
  SmallString<256> temp;
  int fd;
  if (std::error_code ec = sys::fs::createUniqueFile(
          sealPath(executable) + "-%%%%%%%%", fd, temp))
    return createStringError(ec, "cannot write the cache entry's seal");
  {
    raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << *text << "\n";
  }
  if (std::error_code ec = sys::fs::rename(temp, sealPath(executable))) {
    sys::fs::remove(temp);
    return createStringError(ec, "cannot write the cache entry's seal");
  }
  return Error::success();
}
