//===- Init.cpp - Start-up and shut-down of a dac program -----------------===//
//
// dac_rt_init refuses a program built against another runtime ABI, and both
// ends leave MPI alone when the host (a test, a C++ program) already owns it.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <cstdio>
#include <cstdlib>

using namespace dac::rt;

namespace {
/// Whether dac_rt_init called MPI_Init, and so dac_rt_finalize must finalise.
bool RuntimeOwnsMpi = false;
} // namespace

extern "C" void dac_rt_init(int64_t abiVersion, int32_t argc, void *argv) {
  // Checked before touching MPI: a mismatched program may pass anything.
  if (abiVersion != DAC_RT_ABI_VERSION) {
    std::fprintf(stderr,
                 "dac: error: this program was compiled for dac runtime ABI "
                 "version %lld, but the runtime it is linked with implements "
                 "version %d; rebuild it with the matching dac\n",
                 static_cast<long long>(abiVersion), DAC_RT_ABI_VERSION);
    std::fflush(stderr);
    std::exit(2);
  }
  int initialised = 0;
  checkMpi(MPI_Initialized(&initialised), "MPI_Initialized");
  if (!initialised) {
    int count = argc;
    char **args = static_cast<char **>(argv);
    int provided = 0;
    // FUNNELED leaves room for threaded kernels whose MPI calls stay on the
    // main thread. MPI may look at, but need not get, the command line.
    checkMpi(MPI_Init_thread(args ? &count : nullptr, args ? &args : nullptr,
                             MPI_THREAD_FUNNELED, &provided),
             "MPI_Init_thread");
    RuntimeOwnsMpi = true;
  }
  // Return codes, not MPI's own abort, so that checkMpi can name the call.
  checkMpi(MPI_Comm_set_errhandler(communicator(), MPI_ERRORS_RETURN),
           "MPI_Comm_set_errhandler");
  detail::initStats();
}

extern "C" void dac_rt_finalize(void) {
  detail::flushPrintBuffer();
  std::fflush(stdout);
  std::fflush(stderr);
  if (!detail::mpiActive())
    return;
  detail::reportStats();
  detail::freeReduceOps();
  detail::freeExchangeTypes();
  detail::freeSummaComms();
  detail::freeCommunicator();
  if (RuntimeOwnsMpi) {
    checkMpi(MPI_Finalize(), "MPI_Finalize");
    RuntimeOwnsMpi = false;
  }
}
