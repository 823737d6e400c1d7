//===- Error.h - Fatal errors of the dac runtime ---------------*- C++ -*-===//
//
// The runtime's one way to stop: a single line on stderr naming the rank,
// then MPI_Abort so that no other rank is left waiting in a collective.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_ERROR_H
#define DAC_RUNTIME_ERROR_H

#include <string>

namespace dac::rt {

/// Prints `dac: error: <location>: <message> (rank R of P)` to stderr
/// (without the location when it is null or empty), flushes stdout and
/// stderr and stops every rank of the job with a non-zero exit status.
[[noreturn]] void fatal(const char *message,
                        const char *location = nullptr) noexcept;
[[noreturn]] inline void fatal(const std::string &message,
                               const char *location = nullptr) noexcept {
  fatal(message.c_str(), location);
}

/// Stops the job with MPI's own description of \p errorCode when it is not
/// MPI_SUCCESS; \p call names the MPI function that returned it.
/// Stops the program for a failure that every rank detects alike: rank 0
/// prints one message ("... (all N ranks)"), the others stay silent, and
/// the whole job stops with a non-zero status.
[[noreturn]] void fatalCollective(const char *message,
                                  const char *location = nullptr) noexcept;

void checkMpi(int errorCode, const char *call) noexcept;

/// A host process (the C++ API) that keeps running after an error every
/// rank detects alike (dac_rt_fail_all: a failed assertion of compiled
/// code) installs a handler: it gets the message ("<location>: <text>")
/// and throws instead of stopping the job. Null: stop the job (programs).
using CollectiveFailureHandler = void (*)(const char *message);
void setCollectiveFailureHandler(CollectiveFailureHandler handler);

} // namespace dac::rt

#endif // DAC_RUNTIME_ERROR_H
