//===- loop_overhead.cpp - Hand-written C++/MPI loop baseline (L1) --------===//
//
// The expert bar for bench/scripts/l1_loop.py: 10^6 iterations of
// x = x * 0.5 + 0.5 on a 100-element array. The array is block-distributed
// over the ranks like the reference programs' arrays; each rank runs the
// whole iteration loop over its own elements (nothing is exchanged inside
// the loop), so the time is the per-iteration cost: one vectorised pass over
// a few cache-resident elements. x*0.5 and +0.5 are two roundings, as in
// NumPy and in dac's code: it is built with -ffp-contract=off, so GCC does
// not fuse them into one FMA (which would be a different computation).
//
//   loop_overhead [iterations]          default 1000000
//
// Prints "time_s <seconds>" (the loop only, the slowest rank's) and then
// x[0] and sum(x) on one line.
//
//===----------------------------------------------------------------------===//

#include <mpi.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, p;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &p);
  const int64_t N = 100;
  const int64_t iters = argc > 1 ? std::atoll(argv[1]) : 1000000;
  const int64_t lo = N * rank / p, hi = N * (rank + 1) / p, n = hi - lo;

  // Start values in [0, 1) that the compiler cannot know (they depend on the
  // rank), so it has to run every iteration.
  alignas(64) double x[N];
  for (int64_t i = 0; i < n; ++i)
    x[i] = double((lo + i) * 37 % N) / double(N);

  MPI_Barrier(MPI_COMM_WORLD);
  const double t0 = MPI_Wtime();
  for (int64_t it = 0; it < iters; ++it) {
#pragma omp simd aligned(x : 64)
    for (int64_t i = 0; i < n; ++i)
      x[i] = x[i] * 0.5 + 0.5;
  }
  const double t = MPI_Wtime() - t0;

  double local = 0.0, total = 0.0, tmax = 0.0;
  for (int64_t i = 0; i < n; ++i)
    local += x[i];
  MPI_Reduce(&t, &tmax, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
  MPI_Reduce(&local, &total, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
  if (rank == 0) {
    std::printf("time_s %.6f\n", tmax);
    std::printf("%.17g %.17g\n", x[0], total);
  }
  MPI_Finalize();
  return 0;
}
