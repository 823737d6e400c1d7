# M1 matrix-vector products: y = A @ x with A n x n float64 (n = 16384,
# 2 GiB), 10 products, each result scaled into the next vector. Runs under
# NumPy and compiled by dac; prints the timed region ("time_s <seconds>",
# the products and the final sum) and the sum on the last line.
import time
import numpy as np

SCALE = 1  # size divisor; bench/run_bench.py --scale (or DAC_BENCH_SCALE) rewrites it
n = max(64, 16384 // SCALE)
products = 10

A = np.fromfunction(lambda i, j: ((i * 7 + j * 3) % 11) * 0.1 - 0.5, (n, n))
x = np.fromfunction(lambda j: 1.0 / (1.0 + j), (n,))

t0 = time.perf_counter()
for it in range(products):
    y = A @ x
    x = y * (1.0 / n)
s = x.sum()
t1 = time.perf_counter()
print(f"time_s {t1 - t0:.6f}")
print(s)
