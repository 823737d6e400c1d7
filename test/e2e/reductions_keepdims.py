# var/std along axes (with ddof) and keepdims=True, broadcast back against
# the array as NumPy programs do when they normalise rows or columns.
import numpy as np
m = np.arange(24.0).reshape(4, 6) ** 1.5
print(m.var(axis=0), m.std(axis=1), np.var(m, axis=1, ddof=1))
print(m.sum(axis=1, keepdims=True), m.mean(keepdims=True), np.max(m, axis=0, keepdims=True))
print(m - m.mean(axis=1, keepdims=True))
x = np.arange(10) 
print(x.var(), x.std(axis=0), np.std(x, ddof=2))
c = np.arange(12).reshape(3, 4)
print((c - c.min(axis=0, keepdims=True)) / c.std(axis=0))
