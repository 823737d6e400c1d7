# W2 reduction: (a*a).sum() on 2**26 float64.
# Runs under NumPy (python3 w2_reduce.py) and compiled by dac; prints the timed
# region ("time_s <seconds>", the work only) and the result on the last line.
#
# dac computes an array used only once where it is used; the input is used
# once before the clock starts (its checksum) so that dac stores it there,
# and the timed region reads it from memory, as NumPy and the reference do.
import time
import numpy as np

SCALE = 1  # size divisor; bench/run_bench.py --scale (or DAC_BENCH_SCALE) rewrites it
N = 2**26 // SCALE

rng = np.random.default_rng(2)
a = rng.random(N)
print("inputs", a.sum())

t0 = time.perf_counter()
s = (a * a).sum()
t1 = time.perf_counter()
print(f"time_s {t1 - t0:.6f}")
print(s)
