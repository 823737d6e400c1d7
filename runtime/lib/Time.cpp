//===- Time.cpp - A clock shared by all ranks -----------------------------===//
//
// time.perf_counter() for compiled scripts. Rank 0's clock after a barrier
// is broadcast so that every rank computes, and could print, the same
// elapsed times.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <chrono>

using namespace dac::rt;

extern "C" double dac_rt_time_now(void) {
  if (!detail::mpiActive()) {
    auto now = std::chrono::steady_clock::now().time_since_epoch();
    return std::chrono::duration<double>(now).count();
  }
  checkMpi(MPI_Barrier(communicator()), "MPI_Barrier");
  double now = MPI_Wtime();
  checkMpi(MPI_Bcast(&now, 1, MPI_DOUBLE, 0, communicator()), "MPI_Bcast");
  return now;
}
