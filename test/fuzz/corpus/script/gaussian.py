# Moments of a sampled Gaussian with element reads, round(x, n), sum/min/max
# of Python lists and tuple unpacking.
import numpy as np

N = 1000
x = np.linspace(-5, 5, N)
y = np.exp(-x ** 2 / 2) / np.sqrt(2 * np.pi)
dx = x[1] - x[0]
area = y.sum() * dx
mean = (x * y).sum() * dx
var = ((x - mean) ** 2 * y).sum() * dx
print(round(area, 6), round(var, 4), abs(mean) < 1e-12)
z = np.where(y > 0.1, 1, 0)
print(z.sum(), z.dtype, (y > 0.1).mean(), y.max(), np.std(y))
lo, hi, avg = x.min(), x.max(), x.mean()
print(lo, hi, round(avg, 12), sum([1, 2.5, 3]), max([3, 7, 5]), min((4.5, 2.5)))
print(round(2.675, 2), round(-0.4), round(0.125, 2), round(1e20, 3))
