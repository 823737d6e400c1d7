//===- Comm.cpp - The world communicator ----------------------------------===//
//
// The runtime's communicator (a duplicate of MPI_COMM_WORLD or of the
// host's), and its rank and size, asked once: generated code may ask often.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Comm.h"
#include "Detail.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

using namespace dac::rt;

namespace {
/// The communicator asked for (MPI_COMM_NULL: MPI_COMM_WORLD) and the
/// runtime's duplicate of it.
MPI_Comm requested = MPI_COMM_NULL;
MPI_Comm duplicate = MPI_COMM_NULL;

struct WorldInfo {
  int Rank = 0;
  int Size = 1;
};
WorldInfo Cached;
bool Known = false;

/// The communicator's rank and size; a process without MPI is rank 0 of 1.
/// Only a lookup made while MPI is active is cached.
const WorldInfo &worldInfo() {
  if (!Known && detail::mpiActive()) {
    checkMpi(MPI_Comm_rank(communicator(), &Cached.Rank), "MPI_Comm_rank");
    checkMpi(MPI_Comm_size(communicator(), &Cached.Size), "MPI_Comm_size");
    Known = true;
  }
  return Cached;
}
} // namespace

void dac::rt::setCommunicator(MPI_Comm comm) {
  requested = comm;
  Known = false;
}

MPI_Comm dac::rt::communicator() {
  if (duplicate == MPI_COMM_NULL && detail::mpiActive()) {
    checkMpi(
        MPI_Comm_dup(requested == MPI_COMM_NULL ? MPI_COMM_WORLD : requested,
                     &duplicate),
        "MPI_Comm_dup");
    Known = false;
  }
  return duplicate == MPI_COMM_NULL ? MPI_COMM_WORLD : duplicate;
}

void detail::freeCommunicator() {
  if (duplicate != MPI_COMM_NULL && detail::mpiActive())
    MPI_Comm_free(&duplicate);
  duplicate = MPI_COMM_NULL;
  Known = false;
}

bool detail::mpiActive() {
  int initialised = 0, finalised = 0;
  // Both may be called at any time, so their results need no check.
  MPI_Initialized(&initialised);
  MPI_Finalized(&finalised);
  return initialised && !finalised;
}

int detail::worldRank() { return worldInfo().Rank; }
int detail::worldSize() { return worldInfo().Size; }

extern "C" int64_t dac_rt_comm_rank(void) { return detail::worldRank(); }
extern "C" int64_t dac_rt_comm_size(void) { return detail::worldSize(); }
