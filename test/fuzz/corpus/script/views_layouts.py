# Views, slice assignment and broadcasting on every layout kind and on 2-D
# process grids: the compiler inserts the data movement (planned by the
# runtime from the layouts), including between operands of different
# layouts and for dac.redistribute of any array.
import dac
import dac.numpy as np

n = 13
for dist in ['b', 'c', ('c', 2), ('b', {'halo': 1}), 'n']:
    a = np.arange(float(n), dist=[dist])
    print(a[::-2], a[3:11:3], a[1:] * a[:-1])
    a[2:9] = a[4:11] + 1.0
    a[::4] += 100.0
    print(a)

# Shifted slices of a 2-D array on a 2-D process grid, in a loop.
g = np.zeros((7, 9), dist='bb')
g[0, :] = 1.0
g[:, -1] = 2.0
steps = int(np.ones(8).sum())
for it in range(steps):
    g[1:-1, 1:-1] = 0.25 * (g[:-2, 1:-1] + g[2:, 1:-1] + g[1:-1, :-2] + g[1:-1, 2:])
print(g)

# Operands of different layouts meet in one operation.
p = np.arange(10.0, dist='c')
q = np.arange(10.0) * 2
print(p + q, (p * q).sum())
r = dac.redistribute(q * 3, dist='c')
print(r, dac.localshapes(r))

# A row broadcast against a distributed matrix, and a column.
mat = np.ones((5, 4), dist='bn')
row = np.arange(4.0)
colv = np.arange(5.0)
print(mat * row + colv[:, np.newaxis])

# Reversed views meet the array itself on every layout kind.
for dist in ['c', ('c', 2), ('b', {'halo': 1}), 'n']:
    x = np.arange(10.0, dist=[dist])
    print(x[::-1] + x, np.maximum(x[::-1], x))
    x[::-1][2] += 1.0
    x[::-1] += x
    print(x)

# Transposes are views, also of arrays distributed on 2-D grids.
m = np.arange(24).reshape(2, 3, 4)
print(np.transpose(m, (2, 0, 1)), m.transpose(1, 0, 2).shape, m.swapaxes(0, 2)[3],
      np.transpose(m)[1, 2])
d = np.ones((3, 4), dist='bb') * np.arange(4.0)
t = d.T
t[1, :] = -1
print(d, d.transpose().sum(axis=0))

# Views of an array with ghost cells that are shorter than the ghost cells
# are wide (a fixed length, or one known only when running, down to empty).
hz = np.arange(8.0, dist=[('b', {'halo': 2})])
print(hz[1:2], hz[::5], hz[3:4] + 1.0, hz[6:7].copy())
hn = int(np.ones(6).sum())
hw = np.arange(6.0, dist=[('b', {'halo': 1})])
for k in range(hn + 1):
    print(hw[k:].sum(), hw[k:] * 2.0)

# Assigning an array with leading extents of 1 the target lacks (NumPy
# drops them), across layouts.
lz = np.zeros(7)
lz[...] = np.arange(28.0).reshape(4, 7)[2:3, :]
lc = np.zeros((2, 3), dist=('n', 'c'))
lc[:] = np.arange(6.0).reshape(1, 1, 2, 3)
ld = np.zeros(3)
ld[1:] = np.ones((1, 2)) * 5.0
print(lz, lc, ld)
