# W3 Monte Carlo pi on 10**8 samples, as examples/pi.py. Drawing the samples
# is part of the work, so it is inside the timed region.
# Runs under NumPy (python3 w3_pi.py) and compiled by dac; prints the timed
# region ("time_s <seconds>") and the result.
import time
import numpy as np

SCALE = 1  # size divisor; bench/run_bench.py --scale (or DAC_BENCH_SCALE) rewrites it
N = 10**8 // SCALE


def estimate_pi(n, seed):
    rng = np.random.default_rng(seed)
    x = rng.random(n)
    y = rng.random(n)
    inside = np.hypot(x, y) <= 1.0
    return 4.0 * inside.sum() / n


t0 = time.perf_counter()
pi = estimate_pi(N, 2024)
t1 = time.perf_counter()
print(f"time_s {t1 - t0:.6f}")
print(pi)
