//===- Comm.cpp - The world communicator ----------------------------------===//
//
// Rank and size of MPI_COMM_WORLD, asked once: they never change and
// generated code may ask often.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

using namespace dac::rt;

namespace {
struct WorldInfo {
  int Rank = 0;
  int Size = 1;
};

/// The world's rank and size; a process without MPI is rank 0 of 1. Only a
/// lookup made while MPI is active is cached.
const WorldInfo &worldInfo() {
  static WorldInfo Cached;
  static bool Known = false;
  if (!Known && detail::mpiActive()) {
    checkMpi(MPI_Comm_rank(MPI_COMM_WORLD, &Cached.Rank), "MPI_Comm_rank");
    checkMpi(MPI_Comm_size(MPI_COMM_WORLD, &Cached.Size), "MPI_Comm_size");
    Known = true;
  }
  return Cached;
}
} // namespace

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
