# User functions: defaults, keywords, tuples, nested calls, early return on a
# compile-time condition, and the usual main guard.
import numpy as np


def moments(a, ddof=0):
    return a.mean(), a.std(ddof=ddof)


def scaled(a, factor=2.0, *, shift=0.0):
    return a * factor + shift


def describe(n, seed=1):
    rng = np.random.default_rng(seed)
    data = scaled(rng.random(n), shift=-1.0)
    m, s = moments(data, ddof=1)
    return m, s, data.min(), data.max()


def sign_name(x):
    if x > 0:
        return "positive"
    return "not positive"


def main():
    m, s, lo, hi = describe(500)
    print("mean", m, "std", s)
    print("range", lo, hi)
    a, b = 1, 2
    a, b = b, a
    print(a, b, sign_name(3), sign_name(-3))
    print(describe(10, seed=99)[0])


if __name__ == "__main__":
    main()
