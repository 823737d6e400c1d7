# Stencils on arrays split along other dimensions than the first and on
# process grids: each rank computes its own box and reads the cells around
# it (edges and, for diagonal reads, corners) from their owners. Grids with
# fewer rows or columns than ranks (empty chunks), radius 2, asymmetric
# reads, 3-D grids, kernels over other extents, a while loop.
import dac.numpy as np

# Jacobi on a 2-D grid with swapped buffers.
for n, m in [(5, 6), (10, 7)]:
    a = np.zeros((n, m), dist='bb')
    a[0, :] = 1.0
    a[:, -1] = 0.5
    b = a.copy()
    for it in range(12):
        b[1:-1, 1:-1] = 0.25 * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:])
        a, b = b, a
    print(a)

# A 9-point stencil (all eight neighbours: the corners come from the
# diagonal owner), updated in place from itself.
w = np.arange(63.0, dist='b').reshape(7, 9) % 5.0
g = np.zeros((7, 9), dist='bb')
g[:, :] = w
for it in range(4):
    g[1:-1, 1:-1] = (g[:-2, :-2] + g[:-2, 1:-1] + g[:-2, 2:] + g[1:-1, :-2]
                     + g[1:-1, 2:] + g[2:, :-2] + g[2:, 1:-1] + g[2:, 2:]) / 8.0
print(g)

# Column blocks: radius 2 and asymmetric reads along the second dimension,
# 3 columns on up to 4 ranks (empty chunks).
for m in [3, 12]:
    c = np.ones((4, m), dist='nb')
    c[:, m // 2:] = 3.0
    if m > 4:
        c[:, 2:-2] = c[:, :-4] - 2.0 * c[:, 1:-3] + c[:, 3:-1] + 0.5 * c[:, 4:]
    c[:, 1:] = c[:, 1:] + c[:, :-1]
    print(c)

# A 3-D grid, a 7-point stencil plus one corner.
t = np.ones((5, 6, 4), dist='bbb')
t[1:3, 2:4, 1:3] = 2.0
for it in range(2):
    t[1:-1, 1:-1, 1:-1] = (t[:-2, 1:-1, 1:-1] + t[2:, 1:-1, 1:-1]
                           + t[1:-1, :-2, 1:-1] + t[1:-1, 2:, 1:-1]
                           + t[1:-1, 1:-1, :-2] + t[1:-1, 1:-1, 2:]
                           + t[:-2, :-2, :-2]) / 7.0
print(t.sum(), t[2, 2, 2], t[1, 3, 1])

# Kernels over other extents than the array read (differences, a
# Laplacian as its own array): the split and the process grid differ.
u = np.arange(80.0, dist='b').reshape(10, 8) ** 1.5
v = np.zeros((10, 8), dist='bb')
v[:, :] = u
dx = v[:, 1:] - v[:, :-1]
dy = v[1:, :] - v[:-1, :]
lap = v[:-2, 1:-1] + v[2:, 1:-1] + v[1:-1, :-2] + v[1:-1, 2:] - 4.0 * v[1:-1, 1:-1]
print(dx.sum(), dy.sum(), (dx * dx).sum(), lap.sum(), lap.max())

# Heat on a 2-D grid until the update is small.
h = np.zeros((9, 9), dist='bb')
h[4, 4] = 100.0
delta = 1.0
steps = 0
while delta > 0.5:
    hn = h.copy()
    hn[1:-1, 1:-1] = h[1:-1, 1:-1] + 0.1 * (h[:-2, 1:-1] + h[2:, 1:-1] + h[1:-1, :-2] + h[1:-1, 2:] - 4.0 * h[1:-1, 1:-1])
    delta = np.abs(hn - h).max()
    h = hn
    steps += 1
print(steps, h.sum(), h[4, 4])
