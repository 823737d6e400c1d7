//===- Error.h - Fatal errors of the dac runtime ---------------*- C++ -*-===//
//
// The runtime's one way to stop: a single line on stderr naming the rank,
// then MPI_Abort so that no other rank is left waiting in a collective.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_ERROR_H
#define DAC_RUNTIME_ERROR_H

#include <stdexcept>
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
/// In a host process that asked for it (throwOnCollectiveFailure), throws
/// CollectiveFailure instead: every rank throws alike and the job goes on.
[[noreturn]] void fatalCollective(const char *message,
                                  const char *location = nullptr);

void checkMpi(int errorCode, const char *call) noexcept;

/// What fatalCollective throws in a host process (the C++ API) that keeps
/// running after an error every rank detects alike (a failed check of
/// compiled code, an array NumPy could not allocate): the message
/// ("<location>: <text>"). It passes through the runtime's entry points
/// and the compiled code (which has unwind tables there) to the host.
struct CollectiveFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};
/// Off (the default): fatalCollective stops the job, as programs do.
void throwOnCollectiveFailure(bool enabled);

} // namespace dac::rt

#endif // DAC_RUNTIME_ERROR_H
