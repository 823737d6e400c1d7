//===- common.hpp - Shared by the hand-written linear algebra baselines ---===//
//
// Block rows as dac's default layout splits them (the first n mod p ranks
// one row more), 2 MiB-aligned buffers with huge pages (as NumPy's and
// dac's), and the output protocol of bench/run_bench.py.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_BENCH_LINALG_COMMON_HPP
#define DAC_BENCH_LINALG_COMMON_HPP

#include <mpi.h>

#include <sys/mman.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace bench {

/// Rows [first, first + count) of n owned by `rank` of `p`.
inline void blockRows(int64_t n, int rank, int p, int64_t &first,
                      int64_t &count) {
  int64_t base = n / p, extra = n % p;
  count = base + (rank < extra ? 1 : 0);
  first = rank * base + (rank < extra ? rank : extra);
}

/// Per-rank element counts and displacements of block rows of `width`.
inline void blockCounts(int64_t n, int64_t width, int p,
                        std::vector<int> &counts, std::vector<int> &displs) {
  counts.assign(p, 0);
  displs.assign(p, 0);
  for (int r = 0; r < p; ++r) {
    int64_t first, count;
    blockRows(n, r, p, first, count);
    counts[r] = static_cast<int>(count * width);
    displs[r] = static_cast<int>(first * width);
  }
}

inline double *allocDoubles(size_t n) {
  const size_t align = size_t(2) << 20;
  size_t bytes = (n * sizeof(double) + align - 1) / align * align;
  if (bytes == 0)
    bytes = align;
  void *p = std::aligned_alloc(align, bytes);
  if (!p)
    MPI_Abort(MPI_COMM_WORLD, 1);
  madvise(p, bytes, MADV_HUGEPAGE);
  return static_cast<double *>(p);
}

/// Prints the slowest rank's time and the result, as the runner expects.
inline void report(double seconds, double result, int rank) {
  double slowest = 0;
  MPI_Reduce(&seconds, &slowest, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
  if (rank == 0) {
    std::printf("time_s %.6f\n%.17g\n", slowest, result);
    std::fflush(stdout);
  }
}

} // namespace bench

#endif // DAC_BENCH_LINALG_COMMON_HPP
