/*===- fail_one_rank.c - One rank fails while the others wait ------------===*
 *
 * Driven by runtime.fail_* tests: dac_rt_fail on one rank must stop the
 * whole job, also when the other ranks sit in a collective or compute.
 *
 * Usage: fail_one_rank barrier|spin|all
 *
 *===---------------------------------------------------------------------===*/

#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>
#include <string.h>

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "barrier";
  static char line[] = "printed before the failure\n";
  dac_rt_init(DAC_RT_ABI_VERSION, argc, argv);
  /* Output written before the failure must not be lost. */
  dac_rt_print_str(line, (int64_t)strlen(line));
  dac_rt_print_flush();
  /* Everyone is up before the failure, so no rank can miss it. */
  MPI_Barrier(MPI_COMM_WORLD);
  if (strcmp(mode, "all") == 0 || dac_rt_comm_rank() == 1)
    dac_rt_fail("injected failure", "fail_one_rank.c:25:5");
  if (strcmp(mode, "spin") == 0) {
    volatile unsigned long counter = 0;
    for (;;)
      ++counter;
  }
  /* Never completes: rank 1 does not take part. */
  MPI_Barrier(MPI_COMM_WORLD);
  dac_rt_finalize();
  return 0;
}
