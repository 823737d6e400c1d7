# var/std along axes (with ddof), keepdims=True broadcast back against the
# array as NumPy programs do to normalise rows or columns; argmax/argmin.
import numpy as np
m = np.arange(24.0).reshape(4, 6) ** 1.5
print(m.var(axis=0), m.std(axis=1), np.var(m, axis=1, ddof=1))
print(m.sum(axis=1, keepdims=True), m.mean(keepdims=True), np.max(m, axis=0, keepdims=True))
print(m - m.mean(axis=1, keepdims=True))
x = np.arange(10) 
print(x.var(), x.std(axis=0), np.std(x, ddof=2))
c = np.arange(12).reshape(3, 4)
print((c - c.min(axis=0, keepdims=True)) / c.std(axis=0))
a = np.array([3.0, 7.0, 1.0, 7.0, -2.0])
print(np.argmax(a), a.argmin(), np.argmax(np.arange(12).reshape(3, 4) % 5), np.argmin(np.array([2.0, np.nan, -1.0, np.nan])))
m = np.cos(np.arange(20.0)).reshape(4, 5)
print(m.argmax(), m.argmin(), np.argmax(m > 0.5))
