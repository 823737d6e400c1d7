//===- Error.cpp - Fatal errors and MPI error checks ----------------------===//
//
// dac_rt_fail and the helpers the runtime uses for its own failures.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Error.h"
#include "Detail.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

using namespace dac::rt;

/// MPI_Abort, without MPICH's own "Abort(1) on node ..." line: the user has
/// read dac's message, one is enough.
[[noreturn]] static void abortJob() noexcept {
  std::fflush(stdout);
  std::fflush(stderr);
  int null = open("/dev/null", O_WRONLY);
  if (null >= 0)
    dup2(null, STDERR_FILENO);
  MPI_Abort(MPI_COMM_WORLD, 1);
  std::exit(1);
}

/// Writes "dac: error: <location>: <message> <who>" and stops the job.
[[noreturn]] static void reportAndStop(const char *message,
                                       const char *location,
                                       const char *who) noexcept {
  // Build the whole line first: one write keeps lines of different ranks
  // from interleaving on a shared stderr. No allocation here, so this works
  // even when memory ran out.
  char line[2048];
  const char *where = location ? location : "";
  std::snprintf(line, sizeof(line), "dac: error: %s%s%s %s\n", where,
                *where ? ": " : "", message ? message : "", who);
  // Whatever the program printed before the error must come out first.
  std::fflush(stdout);
  std::fputs(line, stderr);
  std::fflush(stderr);
  if (detail::mpiActive()) {
    // mpiexec forwards each rank's output through a proxy and drops what
    // it has not forwarded when the abort reaches it first; a short pause
    // lets this message, and lines other ranks printed, come out.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    abortJob();
  }
  std::exit(1);
}

void dac::rt::fatal(const char *message, const char *location) noexcept {
  char who[64];
  std::snprintf(who, sizeof(who), "(rank %d of %d)", detail::worldRank(),
                detail::worldSize());
  reportAndStop(message, location, who);
}

namespace {
bool throwCollective = false;
} // namespace

void dac::rt::throwOnCollectiveFailure(bool enabled) {
  throwCollective = enabled;
}

void dac::rt::fatalCollective(const char *message, const char *location) {
  if (throwCollective)
    throw CollectiveFailure(location && *location
                                ? std::string(location) + ": " + message
                                : std::string(message));
  if (detail::worldRank() != 0 && detail::mpiActive()) {
    // Rank 0 reports for everyone; give it the time to, then stop (its
    // abort usually ends this process first).
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::milliseconds(2000));
    abortJob();
  }
  char who[64];
  std::snprintf(who, sizeof(who), "(all %d ranks)", detail::worldSize());
  reportAndStop(message, location, who);
}

void dac::rt::checkMpi(int errorCode, const char *call) noexcept {
  if (errorCode == MPI_SUCCESS)
    return;
  char text[MPI_MAX_ERROR_STRING + 1] = {};
  int length = 0;
  if (MPI_Error_string(errorCode, text, &length) != MPI_SUCCESS)
    std::snprintf(text, sizeof(text), "error code %d", errorCode);
  char message[MPI_MAX_ERROR_STRING + 256];
  std::snprintf(message, sizeof(message), "%s failed: %s", call, text);
  fatal(message);
}

extern "C" void dac_rt_fail(void *message, void *location) {
  const char *text = static_cast<const char *>(message);
  fatal(text && *text ? text : "unknown error",
        static_cast<const char *>(location));
}

extern "C" void dac_rt_fail_all_values(void *message, void *location,
                                       int64_t count, void *values) {
  const char *text = static_cast<const char *>(message);
  const int64_t *numbers = static_cast<const int64_t *>(values);
  std::string out;
  int64_t next = 0;
  for (const char *c = text ? text : ""; *c; ++c) {
    if (c[0] == '{' && c[1] == '}' && next < count && numbers) {
      out += std::to_string(numbers[next++]);
      ++c;
      continue;
    }
    out += *c;
  }
  fatalCollective(out.empty() ? "unknown error" : out.c_str(),
                  static_cast<const char *>(location));
}

extern "C" void dac_rt_fail_all(void *message, void *location) {
  const char *text = static_cast<const char *>(message);
  fatalCollective(text && *text ? text : "unknown error",
                  static_cast<const char *>(location));
}
