/*===- layout_invalid.c - A program whose layout cannot exist ------------===*
 *
 * Driven by the runtime.layout_* tests: every rank decodes the same invalid
 * layout descriptor, so every rank must stop with the same message.
 *
 * Usage: layout_invalid grid|block-size|bounds|indices
 *
 *===---------------------------------------------------------------------===*/

#include "dac/Runtime/RuntimeABI.h"

#include <string.h>

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "grid";
  /* ('b', 'b') on an explicit grid (2, 2). */
  int64_t grid[] = {2, 2, 2, 2, DAC_RT_DIM_Block, 1, 0,
                    0, 0, 0, 0, DAC_RT_DIM_Block, 1, 0,
                    0, 0, 0, 0};
  /* ('c', 0): block size 0. */
  int64_t blockSize[] = {1, 0, DAC_RT_DIM_Cyclic, 0, 0, 0, 0, 0, 0};
  /* ('b', {'bounds': [0, 5, 3, 8]}). */
  int64_t bounds[] = {1, 0, DAC_RT_DIM_Block, 1, 0, 0, 0, 4, 0, 5, 3, 8, 0};
  /* ('u', {'indices': [[0, 1], [1]]}): index 1 twice. */
  int64_t indices[] = {1, 0, DAC_RT_DIM_Unstructured, 1, 0, 0, 0, 0, 2, 2, 0, 1,
                       1, 1};
  int64_t shape[] = {8, 8};
  static char line[] = "before the layout\n";
  int64_t *desc = grid;
  if (strcmp(mode, "block-size") == 0)
    desc = blockSize;
  else if (strcmp(mode, "bounds") == 0)
    desc = bounds;
  else if (strcmp(mode, "indices") == 0)
    desc = indices;
  dac_rt_init(DAC_RT_ABI_VERSION, argc, argv);
  dac_rt_print_str(line, (int64_t)strlen(line));
  dac_rt_print_flush();
  dac_rt_layout_create(desc, shape, (void *)"layout_invalid.c:39:3");
  dac_rt_finalize();
  return 0;
}
