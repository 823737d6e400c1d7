# W1 fused element-wise: r = 2.5*a + b*c - d on 2**25 float64, then r.sum().
# Runs under NumPy (python3 w1_fused.py) and compiled by dac; prints the timed
# region ("time_s <seconds>", the work only) and the result on the last line.
#
# dac computes an array used only once where it is used; the inputs are
# used once before the clock starts (their checksum) so that dac stores
# them there, and the timed region reads them from memory, as NumPy and the
# hand-written reference do.
import time
import numpy as np

SCALE = 1  # size divisor; bench/run_bench.py --scale (or DAC_BENCH_SCALE) rewrites it
N = 2**25 // SCALE

rng = np.random.default_rng(1)
a = rng.random(N)
b = rng.random(N)
c = rng.random(N)
d = rng.random(N)
print("inputs", a.sum() + b.sum() + c.sum() + d.sum())

t0 = time.perf_counter()
r = 2.5 * a + b * c - d
s = r.sum()
t1 = time.perf_counter()
print(f"time_s {t1 - t0:.6f}")
print(s)
