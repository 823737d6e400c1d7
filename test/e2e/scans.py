# Running sums, products, minima and maxima as NumPy: np.cumsum/cumprod
# flattened and along axes, the methods, ufunc.accumulate, integer and
# boolean promotion, dtype=, cyclic and 2-D grid layouts, extents known
# only at run time, empty arrays, and a float32 running sum that must
# match NumPy's sequential one on every rank count.
import dac.numpy as np
a = np.arange(1.0, 11.0)
print(np.cumsum(a), a.cumprod())
print(np.cumsum(np.arange(7)), np.cumsum(np.ones(5, dtype=np.int32)).dtype)
M = np.arange(24.0).reshape(4, 6)
print(np.cumsum(M, axis=0))
print(np.cumsum(M, axis=1), M.cumsum(axis=-1).sum())
print(np.cumsum(M))
print(np.maximum.accumulate(np.array([1.0, 3.0, 2.0, 5.0, 4.0])))
print(np.minimum.accumulate(np.array([[5, 3, 4], [1, 6, 0]]), axis=1))
print(np.add.accumulate(M), np.multiply.accumulate(np.arange(1, 6)))
C = np.arange(13.0, dist='c')
print(np.cumsum(C))
G = np.ones((6, 5), dist=('b', 'b')) * np.arange(5.0)
print(np.cumsum(G, axis=0), np.cumsum(G, axis=1))
print(np.cumsum(np.array([True, False, True])), np.cumsum(5))
print(np.cumsum(np.arange(4.0), dtype=np.float32))
n = int(np.ones(9).sum())
x = np.arange(float(n))
print(np.cumsum(x[x > 2.5]))
f = np.ones(1000, dtype=np.float32) * np.float32(0.1)
print(np.cumsum(f)[-1])
e = np.zeros(0)
print(np.cumsum(e))
