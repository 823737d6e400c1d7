// W1 through the C++ API: bench/scripts/w1_fused.py written with dac::Array.
// Prints the inputs' checksum, the first evaluation's time (compilation
// included: `jit_first_s`), the timed region of each later evaluation
// (`time_s`, cached code), the JIT's overhead on an evaluation of 1000
// elements (`jit_cached_s`), and the result last, as the script does.
//
// Usage: mpiexec.mpich -n P ./w1_fused_cpp [scale]   (size 2^25 / scale)
#include <dac/dac.h>

#include <cstdlib>

int main(int argc, char **argv) {
  dac::Session s(argc, argv);
  int64_t n = (int64_t(1) << 25) / (argc > 1 ? std::atoll(argv[1]) : 1);
  auto rng = dac::random::default_rng(1);
  dac::Array a = rng.random({n}), b = rng.random({n}), c = rng.random({n}),
             d = rng.random({n});
  // The inputs are computed and stored before the clock starts, as in the
  // script (their checksum) and in the hand-written reference.
  s.print("inputs", a.sum() + b.sum() + c.sum() + d.sum());
  double sum = 0;
  for (int rep = 0; rep < 4; ++rep) {
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    dac::Array r = 2.5 * a + b * c - d;
    sum = r.sum().item<double>();
    double t = MPI_Wtime() - t0;
    s.print(rep == 0 ? "jit_first_s" : "time_s", t);
  }
  // A small expression, evaluated again and again: the JIT's own cost.
  dac::Array x = dac::arange(1000.0);
  x.eval();
  (x * 2.0 + 1.0).sum().item<double>();
  const int evaluations = 200;
  MPI_Barrier(MPI_COMM_WORLD);
  double t0 = MPI_Wtime();
  for (int k = 0; k < evaluations; ++k)
    (x * (k + 0.5) + 1.0).sum().item<double>();
  s.print("jit_cached_s", (MPI_Wtime() - t0) / evaluations);
  s.print(sum);
}
