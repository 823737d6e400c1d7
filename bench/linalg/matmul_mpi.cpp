//===- matmul_mpi.cpp - Hand-written C++/MPI matrix product (M2) ----------===//
//
// The expert bar for bench/scripts/m2_matmul.py on a 1-D process grid: A,
// B and C (n x n float64) in block rows; B is allgathered (every rank
// needs all of it for its rows of C) and each rank runs one dgemm (serial
// OpenBLAS) on its rows, then the sum of C is allreduced. Built -O3
// -march=native, linked with OpenBLAS.
//
//   matmul_mpi [n]          default 4096
//
//===----------------------------------------------------------------------===//

#include "common.hpp"

#include <cblas.h>

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, p;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &p);
  const int64_t n = argc > 1 ? std::atoll(argv[1]) : 4096;
  int64_t first, rows;
  bench::blockRows(n, rank, p, first, rows);
  double *a = bench::allocDoubles(rows * n), *b = bench::allocDoubles(rows * n);
  double *whole = bench::allocDoubles(n * n),
         *c = bench::allocDoubles(rows * n);
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < n; ++j) {
      int64_t g = first + i;
      a[i * n + j] = ((g * 5 + j * 3) % 13) * 0.1 - 0.6;
      b[i * n + j] = ((g * 2 + j * 7) % 17) * 0.05 - 0.4;
    }
  std::vector<int> counts, displs;
  bench::blockCounts(n, n, p, counts, displs);

  MPI_Barrier(MPI_COMM_WORLD);
  double t0 = MPI_Wtime();
  MPI_Allgatherv(b, counts[rank], MPI_DOUBLE, whole, counts.data(),
                 displs.data(), MPI_DOUBLE, MPI_COMM_WORLD);
  if (rows > 0)
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, n, n, 1.0, a,
                n, whole, n, 0.0, c, n);
  double local = 0, sum = 0;
  for (int64_t i = 0; i < rows * n; ++i)
    local += c[i];
  MPI_Allreduce(&local, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  bench::report(MPI_Wtime() - t0, sum, rank);
  MPI_Finalize();
}
