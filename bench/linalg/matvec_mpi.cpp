//===- matvec_mpi.cpp - Hand-written C++/MPI matrix-vector products (M1) --===//
//
// The expert bar for bench/scripts/m1_matvec.py: A (n x n float64) in
// block rows, x replicated; each product is one dgemv on the rank's rows
// (serial OpenBLAS), then the scaled result is allgathered as the next x:
// the analytic minimum of data moved (every rank needs all of x). Built
// -O3 -march=native, linked with OpenBLAS.
//
//   matvec_mpi [n]          default 16384 (10 products)
//
//===----------------------------------------------------------------------===//

#include "common.hpp"

#include <cblas.h>

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, p;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &p);
  const int64_t n = argc > 1 ? std::atoll(argv[1]) : 16384;
  const int products = 10;
  int64_t first, rows;
  bench::blockRows(n, rank, p, first, rows);
  double *a = bench::allocDoubles(rows * n);
  std::vector<double> x(n), y(rows > 0 ? rows : 1);
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < n; ++j)
      a[i * n + j] = ((((first + i) * 7 + j * 3) % 11) * 0.1) - 0.5;
  for (int64_t j = 0; j < n; ++j)
    x[j] = 1.0 / (1.0 + j);
  std::vector<int> counts, displs;
  bench::blockCounts(n, 1, p, counts, displs);

  MPI_Barrier(MPI_COMM_WORLD);
  double t0 = MPI_Wtime();
  for (int it = 0; it < products; ++it) {
    if (rows > 0)
      cblas_dgemv(CblasRowMajor, CblasNoTrans, rows, n, 1.0, a, n, x.data(), 1,
                  0.0, y.data(), 1);
    for (int64_t i = 0; i < rows; ++i)
      y[i] *= 1.0 / n;
    MPI_Allgatherv(y.data(), counts[rank], MPI_DOUBLE, x.data(), counts.data(),
                   displs.data(), MPI_DOUBLE, MPI_COMM_WORLD);
  }
  double local = 0, sum = 0;
  for (int64_t i = 0; i < rows; ++i)
    local += x[first + i];
  MPI_Allreduce(&local, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  bench::report(MPI_Wtime() - t0, sum, rank);
  MPI_Finalize();
}
