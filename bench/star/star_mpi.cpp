//===- star_mpi.cpp - Hand-written C++/MPI radius-2 star stencil (S2) -----===//
//
// The expert bar for bench/scripts/s2_star.py (the Parallel Research
// Kernels' "stencil", star of radius 2): on an n x n float64 grid,
//
//   B[i,j] += sum_{k=1,2} w_k * ((A[i,j+k] - A[i,j-k]) + (A[i+k,j] - A[i-k,j]))
//
// for 2 <= i, j < n-2 (w_1 = 1/4, w_2 = 1/8), then A += 1, `iterations`
// times; A[i,j] = i + j at the start, B = 0. Block rows over the ranks with
// two ghost rows on each side: each iteration posts Irecv/Isend of the two
// border rows each way, updates the rows that need no ghost rows, waits,
// then the rows next to the neighbours; no allocation in the loop; the
// inner loop vectorises. Built like the fixed references (-O3
// -march=native -fopenmp-simd).
//
//   star_mpi [n]          default 8000 (20 iterations)
//
// Prints "time_s <seconds>" (the iterations and the final norm, the slowest
// rank's) and then the L1 norm of B's interior divided by its size.
//
//===----------------------------------------------------------------------===//

#include <mpi.h>

#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

double *allocDoubles(size_t n) {
  const size_t align = size_t(2) << 20;
  size_t bytes = (n * sizeof(double) + align - 1) / align * align;
  void *p = std::aligned_alloc(align, bytes);
  if (!p)
    MPI_Abort(MPI_COMM_WORLD, 1);
  madvise(p, bytes, MADV_HUGEPAGE);
  return static_cast<double *>(p);
}

/// One row of the update: a points at A's row i (with ghost rows around),
/// b at B's row i; columns [2, n-2).
inline void updateRow(const double *__restrict a, double *__restrict b,
                      int64_t n) {
  const double w1 = 0.25, w2 = 0.125;
#pragma omp simd
  for (int64_t j = 2; j < n - 2; ++j)
    b[j] += w1 * (a[j + 1] - a[j - 1]) + w2 * (a[j + 2] - a[j - 2]) +
            w1 * (a[j + n] - a[j - n]) + w2 * (a[j + 2 * n] - a[j - 2 * n]);
}

} // namespace

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, p;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &p);
  const int64_t n = argc > 1 ? std::atoll(argv[1]) : 8000;
  const int iterations = 20, r = 2;
  const int64_t lo = n * rank / p, hi = n * (rank + 1) / p, rows = hi - lo;
  // A: rows lo-2 .. hi+1 (two ghost rows each side); B: owned rows.
  double *A = allocDoubles(size_t(rows + 2 * r) * n);
  double *B = allocDoubles(size_t(std::max<int64_t>(rows, 1)) * n);
  for (int64_t i = 0; i < rows + 2 * r; ++i)
    for (int64_t j = 0; j < n; ++j)
      A[i * n + j] = double(lo + i - r + j);
  for (int64_t i = 0; i < rows * n; ++i)
    B[i] = 0.0;
  const int up = rank > 0 ? rank - 1 : MPI_PROC_NULL;
  const int down = rank < p - 1 ? rank + 1 : MPI_PROC_NULL;
  // Owned rows that are updated (global rows 2 .. n-3), as local indices.
  const int64_t first = std::max<int64_t>(lo, r) - lo;
  const int64_t last = std::min<int64_t>(hi, n - r) - lo; // exclusive
  // Rows that need no ghost rows: 2 away from both ends of the chunk.
  const int64_t innerFirst = std::max<int64_t>(first, r);
  const int64_t innerLast =
      std::max(innerFirst, std::min<int64_t>(last, rows - r));

  MPI_Barrier(MPI_COMM_WORLD);
  const double t0 = MPI_Wtime();
  for (int it = 0; it < iterations; ++it) {
    MPI_Request req[4];
    const int count = int(r * n);
    MPI_Irecv(A, count, MPI_DOUBLE, up, 0, MPI_COMM_WORLD, &req[0]);
    MPI_Irecv(A + (rows + r) * n, count, MPI_DOUBLE, down, 1, MPI_COMM_WORLD,
              &req[1]);
    MPI_Isend(A + r * n, count, MPI_DOUBLE, up, 1, MPI_COMM_WORLD, &req[2]);
    MPI_Isend(A + rows * n, count, MPI_DOUBLE, down, 0, MPI_COMM_WORLD,
              &req[3]);
    for (int64_t i = innerFirst; i < innerLast; ++i)
      updateRow(A + (i + r) * n, B + i * n, n);
    MPI_Waitall(4, req, MPI_STATUSES_IGNORE);
    for (int64_t i = first; i < std::min(innerFirst, last); ++i)
      updateRow(A + (i + r) * n, B + i * n, n);
    for (int64_t i = std::max(innerLast, first); i < last; ++i)
      updateRow(A + (i + r) * n, B + i * n, n);
#pragma omp simd
    for (int64_t k = r * n; k < (rows + r) * n; ++k)
      A[k] += 1.0;
  }
  double local = 0.0, norm = 0.0;
  for (int64_t i = first; i < last; ++i)
#pragma omp simd reduction(+ : local)
    for (int64_t j = r; j < n - r; ++j)
      local += std::fabs(B[i * n + j]);
  MPI_Allreduce(&local, &norm, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  norm /= double(n - 2 * r) * double(n - 2 * r);
  const double t = MPI_Wtime() - t0;
  double tmax = 0.0;
  MPI_Reduce(&t, &tmax, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
  if (rank == 0) {
    std::printf("time_s %.6f\n", tmax);
    std::printf("%.17g\n", norm);
  }
  std::free(A);
  std::free(B);
  MPI_Finalize();
  return 0;
}
