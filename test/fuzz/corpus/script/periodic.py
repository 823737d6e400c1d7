# np.roll and np.pad(mode='wrap') read across the array's edge: small
# shifts of block dimensions become periodic ghost cells (no copy of the
# array), undistributed dimensions wrap their index, large or run-time
# shifts take the general exchange. Row blocks, 2-D grids and column
# blocks, arrays smaller than the rank count, game of life on a torus.
import dac.numpy as np

for dist in ['b', 'bb', 'nb']:
    for n in [3, 7]:
        b = np.zeros((n, 5), dist=dist)
        b[:, :] = np.arange(n * 5.0).reshape(n, 5)
        print(np.roll(b, 1, 0))
        print(np.roll(b, -2, 1))
        c = np.roll(np.roll(b, 1, 0), 1, 1) + np.roll(b, -1, 0) * 2.0
        print(c.sum(), c[n - 1, 0], c[0, 4])
        print(np.roll(b, n + 1, 0).sum(axis=1), np.roll(b, 1, 1).sum(axis=0))
        s = int(b[0, 2])
        print(np.roll(b, s - 1, 1).sum(axis=1))

# Game of life on a torus, on a 2-D grid.
g = np.zeros((8, 8), dist='bb')
g[1, 2] = 1
g[2, 3] = 1
g[3, 1:4] = 1
for it in range(6):
    nb = (np.roll(g, 1, 0) + np.roll(g, -1, 0) + np.roll(g, 1, 1) + np.roll(g, -1, 1)
          + np.roll(np.roll(g, 1, 0), 1, 1) + np.roll(np.roll(g, 1, 0), -1, 1)
          + np.roll(np.roll(g, -1, 0), 1, 1) + np.roll(np.roll(g, -1, 0), -1, 1))
    g = ((nb == 3) | ((g == 1) & (nb == 2))).astype(np.float64)
print(g)

# Periodic padding, then a stencil on the padded array.
for dist in ['b', 'bb']:
    a = np.zeros((5, 4), dist=dist)
    a[:, :] = np.arange(20.0).reshape(5, 4)
    print(np.pad(a, 1, mode='wrap'))
    print(np.pad(a, ((2, 0), (0, 3)), mode='wrap').sum(axis=0))
    print(np.pad(a, ((4, 1), (9, 0)), mode='wrap').sum(axis=1))
    p = np.pad(a, 1, mode='wrap')
    print(p[:-2, 1:-1] + p[2:, 1:-1] + p[1:-1, :-2] + p[1:-1, 2:])
x = np.arange(3.0)
print(np.pad(x, (4, 5), mode='wrap'), np.pad(x, (0, 8), mode='wrap'))
for it in range(3):
    x = np.pad(x, 1, mode='wrap')[:-2] * 0.5 + x
print(x)

# Wrap pads whose left width is a multiple of the extent: the reads still
# pass the array's edge.
a = np.arange(3.0) + 1.0
print(np.pad(a, (0, 2), mode='wrap') * 2.0, np.pad(a, 3, mode='wrap').sum())
o = np.ones((2, 3), dist='bb')
print(np.pad(o, ((1, 1), (3, 1)), mode='wrap').sum())
print((np.pad(np.ones((2, 3), dist='nb'), ((0, 0), (0, 2)), mode='wrap') * 1.0).sum())
