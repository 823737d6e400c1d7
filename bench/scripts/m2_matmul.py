# M2 matrix-matrix product: C = A @ B, n x n float64 (n = 4096), then the
# sum of C. Runs under NumPy and compiled by dac; prints the timed region
# ("time_s <seconds>", the product and the sum) and the sum on the last
# line.
import time
import numpy as np

SCALE = 1  # size divisor; bench/run_bench.py --scale (or DAC_BENCH_SCALE) rewrites it
n = max(64, 4096 // SCALE)

A = np.fromfunction(lambda i, j: ((i * 5 + j * 3) % 13) * 0.1 - 0.6, (n, n))
B = np.fromfunction(lambda i, j: ((i * 2 + j * 7) % 17) * 0.05 - 0.4, (n, n))

t0 = time.perf_counter()
C = A @ B
s = C.sum()
t1 = time.perf_counter()
print(f"time_s {t1 - t0:.6f}")
print(s)
