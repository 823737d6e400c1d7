//===- Detail.h - Helpers shared by the runtime's sources ------*- C++ -*-===//
//
// Private to runtime/lib: process-wide state and the guard that keeps C++
// exceptions from crossing the C ABI.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_LIB_DETAIL_H
#define DAC_RUNTIME_LIB_DETAIL_H

#include "dac/Runtime/Error.h"

#include <mpi.h>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>

namespace dac::rt::detail {

/// Whether MPI can be called now: initialised and not yet finalised.
bool mpiActive();

/// This process's rank in and the size of the runtime's communicator; a process
/// that runs without MPI is rank 0 of 1.
int worldRank();
int worldSize();
/// Frees the runtime's duplicate communicator (at finalisation).
void freeCommunicator();

/// Writes the pending print() line buffer on rank 0 and empties it.
void flushPrintBuffer();

/// Appends \p text to the pending print() line.
void appendToPrintLine(const std::string &text);

/// Frees the user-defined reduction operators before MPI is finalised.
void freeReduceOps();

/// The size of one element of type \p type (a DAC_RT_ELEMENT_TYPE code);
/// an unknown code stops the program naming \p who.
size_t elementBytes(int32_t type, const char *who);

/// A contiguous MPI datatype of \p bytes bytes (an element of any type),
/// made once per size: counts in elements do not overflow an int where
/// byte counts would.
MPI_Datatype elementType(size_t bytes);
/// Frees those datatypes before MPI is finalised.
void freeExchangeTypes();
/// Frees the grid-row and grid-column communicators of dac_rt_summa.
void freeSummaComms();

/// DAC_STATS (Stats.cpp): read at start-up; whether it is on; one
/// communication (messages and bytes this rank sent, bytes it copied to
/// itself, seconds it spent); the report at exit.
void initStats();
bool statsEnabled();
void recordComm(const char *kind, int64_t messages, int64_t bytes,
                int64_t selfBytes, double seconds);
void reportStats();

/// Runs \p body, turning any escaping C++ exception into a fatal error: a C
/// caller (compiled dac code) could not unwind through it.
template <typename Body>
auto guard(const char *entryPoint, Body &&body) -> decltype(body()) {
  try {
    return body();
  } catch (const CollectiveFailure &) {
    throw; // to the host that asked for it
  } catch (const std::exception &e) {
    // Formatted without allocating: the exception may be std::bad_alloc.
    char message[512];
    std::snprintf(message, sizeof(message), "internal error in %s: %s",
                  entryPoint, e.what());
    fatal(message);
  } catch (...) {
    fatal("internal error: unknown exception", entryPoint);
  }
}

} // namespace dac::rt::detail

#endif // DAC_RUNTIME_LIB_DETAIL_H
