//===- pi_mpi.cpp - Hand-written C++/MPI Monte Carlo pi (the expert bar) --===//
//
// What an expert writes by hand for the same problem: each rank draws its
// share of the samples from its own fast generator (xoshiro256+, seeded
// per rank with splitmix64), tests x*x + y*y <= 1 without a square root,
// and one MPI_Reduce combines the counts. It does not reproduce NumPy's
// numbers (a different stream); it sets the speed dac is measured against.
//
//===----------------------------------------------------------------------===//

#include <mpi.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

uint64_t splitmix64(uint64_t &x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

struct Xoshiro256Plus {
  uint64_t s[4];
  explicit Xoshiro256Plus(uint64_t seed) {
    for (uint64_t &w : s)
      w = splitmix64(seed);
  }
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  double next() {
    uint64_t result = s[0] + s[3];
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return (result >> 11) * 0x1.0p-53;
  }
};

} // namespace

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int64_t n = argc > 1 ? std::atoll(argv[1]) : 100000000;
  int64_t local = n / size + (rank < n % size ? 1 : 0);

  // Four independent generators interleaved: the loop is bound by
  // throughput, not by one generator's dependency chain.
  Xoshiro256Plus g[4] = {
      Xoshiro256Plus(4 * rank + 1), Xoshiro256Plus(4 * rank + 2),
      Xoshiro256Plus(4 * rank + 3), Xoshiro256Plus(4 * rank + 4)};
  int64_t inside = 0, i = 0;
  for (; i + 4 <= local; i += 4)
    for (int k = 0; k < 4; ++k) {
      double x = g[k].next(), y = g[k].next();
      inside += x * x + y * y <= 1.0;
    }
  for (; i < local; ++i) {
    double x = g[0].next(), y = g[0].next();
    inside += x * x + y * y <= 1.0;
  }
  int64_t total = 0;
  MPI_Reduce(&inside, &total, 1, MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  if (rank == 0)
    std::printf("%.10f\n", 4.0 * static_cast<double>(total) / n);
  MPI_Finalize();
  return 0;
}
