# Reading 1-D arrays at positions held in integer arrays (a[idx], np.take):
# negative indices, index arrays of other shapes and layouts, elements
# fetched from other ranks; printed whole.
import dac.numpy as np
rng = np.random.default_rng(9)
a = rng.random(17)
idx = np.arange(12) * 7 % 17
print(a[idx], a[idx - 17], np.take(a, idx[::-1]))
m = np.arange(30.0).reshape(5, 6)
print(np.take(m, np.arange(6) * 4), m.take(np.arange(3) * 2))
c = np.arange(20, dist='c') * 3
j = (np.arange(8, dist='b') * 5) % 20
print(c[j], c[j.reshape(2, 4)])
cols = np.array([0, 2, 4, 1, 3])
x = np.linspace(0.0, 1.0, 5)
print((x[cols] * 2).sum(), x[cols].max())
