/*===- init_finalize.c - A program whose MPI is owned by the runtime ------===*
 *
 * Driven by runtime.init_finalize: the shape of a compiled program's main.
 * dac_rt_init must initialise MPI and dac_rt_finalize finalise it, so the
 * job ends cleanly with status 0.
 *
 *===---------------------------------------------------------------------===*/

#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

int main(int argc, char **argv) {
  int initialised = 0, finalised = 0;
  dac_rt_init(DAC_RT_ABI_VERSION, argc, argv);
  MPI_Initialized(&initialised);
  if (!initialised)
    return 3;
  int64_t size = dac_rt_comm_size();
  if (dac_rt_allreduce_i64(1, DAC_RT_REDUCE_Sum) != size)
    dac_rt_fail("allreduce gave a wrong sum", "init_finalize.c");
  dac_rt_finalize();
  MPI_Finalized(&finalised);
  return finalised ? 0 : 4;
}
