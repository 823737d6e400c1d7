# Reading through boolean masks (`a[mask]`): the selected elements in C
# order, on every layout (block rows, cyclic, 2-D grids, a mask of another
# layout than the array), of several dtypes, none selected, a length known
# only when running, in a loop; printed whole so an element from the wrong
# rank or position shows.
import dac.numpy as np

a = np.arange(20.0) * 1.5 - 7.0
print(a[a > 0], a[a < -3.0].sum(), a[a > 100.0], a[a > 100.0].shape)
m = np.arange(24).reshape(4, 6) % 7
print(m[m > 3], m[(m % 2) == 0].sum())
c = np.arange(30.0, dist='c')
print(c[c % 4 == 1])
g = np.zeros((5, 7), dist=('b', 'b'))
g[...] = np.arange(35.0).reshape(5, 7)
print(g[g % 3 == 0], g[np.arange(35).reshape(5, 7) % 4 == 2])
t = np.arange(60.0, dtype=np.float32).reshape(3, 4, 5)
print(t[t % 7 == 0], np.arange(10, dtype=np.int32)[np.arange(10) % 3 == 1])
n = int(np.ones(9).sum())
r = np.arange(n * 1.0)
s = r[r > 2.5]
print(s, s.shape, s.mean())
b = np.arange(10) > 4
print(b[b], np.arange(10)[~b], np.zeros(0)[np.zeros(0) > 1].shape)
total = 0.0
x = np.arange(12.0, dist='c')
for k in range(4):
    total += x[x % 4 == k].sum() * (k + 1)
    x = x + 1.0
print(total)
