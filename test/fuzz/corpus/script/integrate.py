"""Estimate integrals by Monte Carlo and compare to exact values (lists,
lambdas, f-string specs, round with ndigits)."""
import math
import numpy as np


def integrate(f, a, b, n, rng):
    x = rng.uniform(a, b, n)
    return (b - a) * f(x).mean()


def main():
    rng = np.random.default_rng(123)
    n = 200_000
    est = integrate(np.sin, 0.0, math.pi, n, rng)
    print(f"sin: {est:.6f} (exact 2.0), error {abs(est - 2.0):.2e}")
    est2 = integrate(lambda x: x ** 2, 0, 3, n, rng)
    print("x^2:", round(est2, 3), "exact", 9.0)
    errors = []
    for k in range(3):
        e = integrate(np.exp, 0.0, 1.0, 10 ** (k + 3), rng)
        errors.append(abs(e - (math.e - 1)))
    print(len(errors), max(errors) < 0.1)


if __name__ == "__main__":
    main()
