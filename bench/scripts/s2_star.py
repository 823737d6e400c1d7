# S2 radius-2 star stencil (the Parallel Research Kernels' "stencil"):
# n x n float64, 20 iterations of B[2:-2, 2:-2] += weighted differences of
# A two cells away along both axes, then A += 1. Runs under NumPy and
# compiled by dac; prints the timed region ("time_s <seconds>", the
# iterations and the final norm) and the norm on the last line.
import time
import numpy as np

SCALE = 1  # size divisor; bench/run_bench.py --scale (or DAC_BENCH_SCALE) rewrites it
n = max(16, 8000 // SCALE)
r = 2
iterations = 20

A = np.fromfunction(lambda i, j: i + j, (n, n))
B = np.zeros((n, n))
b = n - r

t0 = time.perf_counter()
for it in range(iterations):
    B[r:b, r:b] += (0.25 * (A[r:b, r + 1:b + 1] - A[r:b, r - 1:b - 1])
                    + 0.125 * (A[r:b, r + 2:b + 2] - A[r:b, r - 2:b - 2])
                    + 0.25 * (A[r + 1:b + 1, r:b] - A[r - 1:b - 1, r:b])
                    + 0.125 * (A[r + 2:b + 2, r:b] - A[r - 2:b - 2, r:b]))
    A += 1.0
norm = np.abs(B[r:b, r:b]).sum() / (n - 2 * r) ** 2
t1 = time.perf_counter()
print(f"time_s {t1 - t0:.6f}")
print(norm)
