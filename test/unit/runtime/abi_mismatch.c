/*===- abi_mismatch.c - A program built against another runtime ABI ------===*
 *
 * Driven by runtime.abi_mismatch: dac_rt_init must refuse to run it.
 *
 *===---------------------------------------------------------------------===*/

#include "dac/Runtime/RuntimeABI.h"

int main(int argc, char **argv) {
  dac_rt_init(999, argc, argv);
  dac_rt_finalize();
  return 0;
}
