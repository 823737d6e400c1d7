# Monte Carlo estimate of pi: the fraction of random points of the unit
# square that fall inside the quarter circle is pi / 4.
#
# Runs unchanged under NumPy (python3 pi.py) and compiled by dac on any
# number of MPI ranks (dac run -n 4 pi.py); both print the same number,
# because dac reproduces NumPy's random stream bit for bit.
import numpy as np


def estimate_pi(n, seed):
    rng = np.random.default_rng(seed)
    x = rng.random(n)
    y = rng.random(n)
    inside = np.hypot(x, y) <= 1.0
    return 4.0 * inside.sum() / n


print(estimate_pi(10**8, 2024))
