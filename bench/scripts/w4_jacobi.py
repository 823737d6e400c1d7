# W4 Jacobi 5-point stencil: 4096 x 4096 float64, top row 1, 100 sweeps,
# written as NumPy users write it (shifted slices, two arrays swapped).
# Runs under NumPy (python3 w4_jacobi.py) and compiled by dac; prints the
# timed region ("time_s <seconds>", the sweeps and the final sum) and the
# result on the last line.
import time
import numpy as np

SCALE = 1  # size divisor; bench/run_bench.py --scale (or DAC_BENCH_SCALE) rewrites it
n = max(8, 4096 // SCALE)
iters = 100

u = np.zeros((n, n))
u[0, :] = 1.0
un = u.copy()

t0 = time.perf_counter()
for it in range(iters):
    un[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    u, un = un, u
s = u.sum()
t1 = time.perf_counter()
print(f"time_s {t1 - t0:.6f}")
print(s)
