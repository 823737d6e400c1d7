// Monte Carlo estimate of pi with dac's C++ API: the same computation as
// examples/pi.py, and the same number on any count of ranks (dac draws
// NumPy's random streams). Nothing runs until item() needs the sum; then
// the draws, hypot, the comparison and the sum are one compiled loop.
//
// Usage: mpiexec.mpich -n 2 ./pi [points]   (default 10^8)
#include <dac/dac.h>

#include <cstdlib>

int main(int argc, char **argv) {
  dac::Session s(argc, argv);
  int64_t n = argc > 1 ? std::atoll(argv[1]) : 100'000'000;
  auto rng = dac::random::default_rng(2024);
  dac::Array x = rng.random({n}), y = rng.random({n});
  dac::Array inside = dac::hypot(x, y) <= 1.0;
  double pi = 4.0 * inside.sum().item<double>() / n;
  s.print(pi);
}
