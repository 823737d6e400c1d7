//===- transpose_mpi.cpp - Hand-written C++/MPI transpose (M3) ------------===//
//
// The expert bar for bench/scripts/m3_transpose.py: A (n x n float64) in
// block rows; T = A^T in block rows too. Each rank packs, per peer, the
// block of its rows that becomes the peer's rows of T (contiguous per
// peer), one MPI_Alltoallv moves them (every element whose owner changes
// moves once: the analytic minimum), and each rank transposes the blocks
// it received into its rows of T; then the sum of T weighted by the
// column index is allreduced.
// Built -O3 -march=native.
//
//   transpose_mpi [n]          default 8192
//
//===----------------------------------------------------------------------===//

#include "common.hpp"

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, p;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &p);
  const int64_t n = argc > 1 ? std::atoll(argv[1]) : 8192;
  int64_t first, rows;
  bench::blockRows(n, rank, p, first, rows);
  std::vector<int64_t> firsts(p), counts(p);
  for (int r = 0; r < p; ++r)
    bench::blockRows(n, r, p, firsts[r], counts[r]);
  double *a = bench::allocDoubles(rows * n), *t = bench::allocDoubles(rows * n);
  double *send = bench::allocDoubles(rows * n),
         *recv = bench::allocDoubles(rows * n);
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < n; ++j)
      a[i * n + j] = (first + i) * 0.001 + j + 1.0;
  // Peer r gets my rows x its columns: rows * counts[r] elements.
  std::vector<int> sendCounts(p), sendDispls(p), recvCounts(p), recvDispls(p);
  for (int r = 0; r < p; ++r) {
    sendCounts[r] = static_cast<int>(rows * counts[r]);
    recvCounts[r] = static_cast<int>(counts[r] * rows);
    sendDispls[r] = r ? sendDispls[r - 1] + sendCounts[r - 1] : 0;
    recvDispls[r] = r ? recvDispls[r - 1] + recvCounts[r - 1] : 0;
  }

  MPI_Barrier(MPI_COMM_WORLD);
  double t0 = MPI_Wtime();
  // Pack transposed: block for r holds, for each of r's columns c (its
  // future rows), my rows in order.
  for (int r = 0; r < p; ++r) {
    double *out = send + sendDispls[r];
    for (int64_t c = 0; c < counts[r]; ++c)
      for (int64_t i = 0; i < rows; ++i)
        out[c * rows + i] = a[i * n + firsts[r] + c];
  }
  MPI_Alltoallv(send, sendCounts.data(), sendDispls.data(), MPI_DOUBLE, recv,
                recvCounts.data(), recvDispls.data(), MPI_DOUBLE,
                MPI_COMM_WORLD);
  // The block from r: for each of my rows of T, r's rows of A (columns
  // firsts[r] .. firsts[r] + counts[r] of T).
  for (int r = 0; r < p; ++r) {
    const double *in = recv + recvDispls[r];
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t c = 0; c < counts[r]; ++c)
        t[i * n + firsts[r] + c] = in[i * counts[r] + c];
  }
  double local = 0, sum = 0;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < n; ++j)
      local += t[i * n + j] * j;
  MPI_Allreduce(&local, &sum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  bench::report(MPI_Wtime() - t0, sum, rank);
  MPI_Finalize();
}
