# W5 STREAM triad a = b + s*c on 2**27 float64 (1 GiB per array): the memory
# bandwidth bound. Runs under NumPy (python3 w5_triad.py) and compiled by dac;
# prints the timed region ("time_s <seconds>", one triad) and, on the last
# line, a[N-1] and a.sum().
#
# dac computes an array used only once where it is used. Here b and c are
# used before the clock starts (their checksum) and a twice after it stops,
# so dac stores all three where they are defined: the timed region is the
# triad itself (read b and c, write a), as in NumPy and the reference.
import time
import numpy as np

SCALE = 1  # size divisor; bench/run_bench.py --scale (or DAC_BENCH_SCALE) rewrites it
N = 2**27 // SCALE
s = 3.0

rng = np.random.default_rng(5)
b = rng.random(N)
c = rng.random(N)
print("inputs", b.sum() + c.sum())

t0 = time.perf_counter()
a = b + s * c
t1 = time.perf_counter()
print(f"time_s {t1 - t0:.6f}")
print(a[N - 1], a.sum())
