# a[mask] = values with a 1-D array of the mask's count: the k-th masked
# element in C order takes values[k], on every layout of the array, the
# mask and the values (nbody's inv_r3[inv_r3 > 0] = inv_r3[inv_r3 > 0]**-1.5).
import dac.numpy as np

a = np.arange(12.0).reshape(3, 4)
a[a > 4] = np.arange(7) * 10.0
print(a)

b = np.arange(-5.0, 6.0)
b[b < 0] = -b[b < 0] ** 2
print(b)

x = np.linspace(-1.0, 1.0, 7, dist='c')
x[x > 0] = x[x > 0] ** -1.5
print(x)

m = np.arange(30).reshape(5, 6)
g = np.zeros((5, 6), dist='bb')
g[m % 4 == 1] = np.arange(8.0, dist='c') + 0.5
print(g)

# Nothing selected, everything selected, and ints.
e = np.ones(5)
e[e > 2] = np.zeros(0)
i = np.arange(6)
i[i >= 0] = np.arange(6)[::-1] * 3
print(e, i)

# In a loop, with a count known only when running.
r = np.arange(20.0)
for it in range(3):
    sel = r > 10.0 + it
    r[sel] = r[sel] * 0.5
print(r, r.sum())

# nbody's pattern.
pos = np.linspace(0.0, 1.0, 12).reshape(4, 3)
dx = pos[:, 0:1].T - pos[:, 0:1]
inv = dx ** 2 + 0.01
inv[inv > 0.2] = inv[inv > 0.2] ** (-1.5)
print(inv)
