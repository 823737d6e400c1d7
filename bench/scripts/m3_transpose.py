# M3 transpose: T = A.T of an n x n float64 row-block array (n = 8192,
# 512 MiB) computed by a loop (data, not positions: it must move), then
# the sum of T weighted by the column index (which a wrong transpose
# changes). Runs under NumPy and compiled by dac; prints the timed
# region ("time_s <seconds>", the transpose and the sum) and the sum on the
# last line.
import time
import numpy as np

SCALE = 1  # size divisor; bench/run_bench.py --scale (or DAC_BENCH_SCALE) rewrites it
n = max(64, 8192 // SCALE)

A = np.fromfunction(lambda i, j: i * 0.001 + j, (n, n))
for k in range(int(np.ones(1).sum())):
    A = A * 1.0 + 1.0

t0 = time.perf_counter()
T = A.T.copy()
s = (T * np.arange(n)).sum()
t1 = time.perf_counter()
print(f"time_s {t1 - t0:.6f}")
print(s)
