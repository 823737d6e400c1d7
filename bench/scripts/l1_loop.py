# L1 loop overhead: 10**6 iterations of x = x * 0.5 + 0.5 on only 100
# elements, so the cost is the per-iteration overhead, not the arithmetic.
# Runs under NumPy (python3 l1_loop.py) and compiled by dac; prints the timed
# region ("time_s <seconds>", the loop) and, on the last line, x[0] and
# x.sum() (1.0 and 100.0: x converges to 1).
#
# x is used twice after the clock stops: dac computes an array used only
# once where it is used, which would move the whole loop past the clock.
import time
import numpy as np

SCALE = 1  # divisor of the iteration count; bench/run_bench.py --scale (or DAC_BENCH_SCALE) rewrites it
n = 10**6 // SCALE

x = np.random.default_rng(7).random(100)

t0 = time.perf_counter()
for i in range(n):
    x = x * 0.5 + 0.5
t1 = time.perf_counter()
print(f"time_s {t1 - t0:.6f}")
print(x[0], x.sum())
