# np.round/np.around/ndarray.round with positive, zero and negative decimals
# (NumPy's rint(a * 10**d) / 10**d, ints too), the dtype of NumPy scalars,
# and ufunc.outer.
import numpy as np
x = np.linspace(-2.0, 2.0, 9) * 1.2345
print(np.round(x, 2), np.around(x), x.round(1), np.round(x, -1))
i = np.array([15, 25, -35, 44])
print(np.round(i, -1), np.round(i), i.round(2))
f = (np.arange(4, dtype=np.float32) * np.float32(0.333)).round(2)
print(f, np.sum(f).dtype, np.float64(2.675).round(2))
a = np.arange(4.0)
print(np.add.outer(a, a[:3]))
print(np.minimum(a, np.add.outer(a, a)).sum(), np.multiply.outer(a, 2.0))
print(np.subtract.outer(np.arange(3), np.ones((2, 2))).shape)
# NumPy's floats round as np.round does (round(np.float64(2.675), 2) is
# 2.68), Python's floats correctly (2.67).
print(round(np.float64(2.675), 2), round(np.float32(1.2345), 2),
      round(np.float64(1.005), 2), round(2.675, 2))
