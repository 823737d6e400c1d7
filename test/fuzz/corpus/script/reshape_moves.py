# Reshapes of arrays that must move between ranks (a matrix product, slice
# assignments, cyclic and 2-D grid layouts, inside a loop) and of arrays
# recomputed in the new shape; printed whole or sampled.
import dac.numpy as np
rng = np.random.default_rng(3)
a = rng.random((6, 10))
print(a.reshape(12, 5)[7], a.reshape(60)[13:17], a.reshape(3, 4, 5)[2, 1])
b = np.arange(24.0, dist='c') * rng.random(24)
c = b.reshape(4, 6)
print(c, c.sum(axis=0))
d = (a * 2).reshape(10, 6).T
print(d.sum(axis=1), d[5])
e = np.ones((5, 4), dist='bb') * rng.random((5, 4))
print(e.ravel(), e.flatten().sum(), e.reshape(2, 10))
x = rng.random(12)
for i in range(3):
    x = (x.reshape(3, 4) * 2.0).reshape(12) + 1.0
print(x)
m = a @ a.T
print(m.reshape(4, 9)[3], m.ravel()[::7])
z = np.zeros((4, 6))
z[1:3, 2:5] = 7.0
z[0] = np.arange(6)
print(z.reshape(3, 8), z.reshape(24)[::5])
