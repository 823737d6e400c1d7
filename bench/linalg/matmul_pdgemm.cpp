//===- matmul_pdgemm.cpp - ScaLAPACK's pdgemm on the M2 product -----------===//
//
// The library bar for bench/scripts/m2_matmul.py: A, B and C (n x n
// float64) 2-D block-cyclic on the squarest process grid (blocks of 128),
// C = A B by ScaLAPACK's pdgemm (Debian's MPICH build over the same serial
// OpenBLAS as dac's runtime), then the sum of C allreduced. Built -O3
// -march=native; run_bench.py links it when ScaLAPACK is found.
//
//   matmul_pdgemm [n]          default 4096
//
//===----------------------------------------------------------------------===//

#include "common.hpp"

#include <algorithm>

extern "C" {
void Cblacs_pinfo(int *rank, int *count);
void Cblacs_get(int context, int what, int *value);
void Cblacs_gridinit(int *context, const char *order, int rows, int cols);
void Cblacs_gridinfo(int context, int *rows, int *cols, int *row, int *col);
void Cblacs_gridexit(int context);
int numroc_(const int *n, const int *nb, const int *coord, const int *first,
            const int *parts);
void descinit_(int *desc, const int *m, const int *n, const int *mb,
               const int *nb, const int *rsrc, const int *csrc,
               const int *context, const int *lld, int *info);
void pdgemm_(const char *transa, const char *transb, const int *m, const int *n,
             const int *k, const double *alpha, const double *a, const int *ia,
             const int *ja, const int *desca, const double *b, const int *ib,
             const int *jb, const int *descb, const double *beta, double *c,
             const int *ic, const int *jc, const int *descc);
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, p;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &p);
  const int n = argc > 1 ? std::atoi(argv[1]) : 4096, nb = 128, zero = 0,
            one = 1;
  // The squarest grid, more rows than columns.
  int prow = 1;
  for (int r = 1; r * r <= p; ++r)
    if (p % r == 0)
      prow = r;
  int pcol = p / prow;
  std::swap(prow, pcol);
  int context, myrow, mycol;
  Cblacs_get(0, 0, &context);
  Cblacs_gridinit(&context, "Row", prow, pcol);
  Cblacs_gridinfo(context, &prow, &pcol, &myrow, &mycol);
  int rows = numroc_(&n, &nb, &myrow, &zero, &prow);
  int cols = numroc_(&n, &nb, &mycol, &zero, &pcol);
  int lld = std::max(1, rows), info = 0;
  int desc[9];
  descinit_(desc, &n, &n, &nb, &nb, &zero, &zero, &context, &lld, &info);
  // Column-major local blocks; global (i, j) of local (li, lj) by the
  // block-cyclic rule.
  size_t count = static_cast<size_t>(rows) * cols;
  double *a = bench::allocDoubles(count), *b = bench::allocDoubles(count),
         *c = bench::allocDoubles(count);
  auto global = [&](int local, int coord, int parts) {
    return (local / nb * parts + coord) * nb + local % nb;
  };
  for (int lj = 0; lj < cols; ++lj) {
    int64_t j = global(lj, mycol, pcol);
    for (int li = 0; li < rows; ++li) {
      int64_t i = global(li, myrow, prow);
      a[li + static_cast<size_t>(lj) * lld] =
          ((i * 5 + j * 3) % 13) * 0.1 - 0.6;
      b[li + static_cast<size_t>(lj) * lld] =
          ((i * 2 + j * 7) % 17) * 0.05 - 0.4;
    }
  }
  const double alpha = 1.0, beta = 0.0;

  MPI_Barrier(MPI_COMM_WORLD);
  double t0 = MPI_Wtime();
  pdgemm_("N", "N", &n, &n, &n, &alpha, a, &one, &one, desc, b, &one, &one,
          desc, &beta, c, &one, &one, desc);
  double local = 0, sum = 0;
  for (size_t i = 0; i < count; ++i)
    local += c[i];
  MPI_Allreduce(&local, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  bench::report(MPI_Wtime() - t0, sum, rank);
  Cblacs_gridexit(context);
  MPI_Finalize();
}
