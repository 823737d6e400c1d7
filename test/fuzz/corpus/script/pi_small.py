# Monte Carlo pi with a smaller sample: the flagship chain (two random
# streams, hypot, compare, sum) fused into one loop per rank.
import numpy as np


def estimate_pi(n, seed):
    rng = np.random.default_rng(seed)
    x = rng.random(n)
    y = rng.random(n)
    inside = np.hypot(x, y) <= 1.0
    return 4.0 * inside.sum() / n


print(estimate_pi(1_000_003, 42))
print(estimate_pi(7, 0))
print(estimate_pi(1, 2**40 + 3))
