# Stencils written with shifted slices, updated in place in loops: each
# rank computes the rows it owns and reads its neighbours' rows as ghost
# cells. Arrays with fewer rows than ranks, radius 2, asymmetric reads,
# 1-D to 3-D, in-place and swapped buffers, a while loop on a residual.
import numpy as np

# Heat 1-D, one array updated from itself (the right-hand side is read
# first, as NumPy does).
u = np.zeros(11)
u[5] = 1.0
for it in range(20):
    u[1:-1] = u[1:-1] + 0.25 * (u[:-2] - 2.0 * u[1:-1] + u[2:])
print(u)

# Jacobi 2-D with swapped buffers, a small grid (3 interior rows on 4
# ranks), boundary on two sides.
for n in [5, 9]:
    a = np.zeros((n, 6))
    a[0, :] = 1.0
    a[:, -1] = 0.5
    b = a.copy()
    for it in range(15):
        b[1:-1, 1:-1] = 0.25 * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:])
        a, b = b, a
    print(a)

# Radius-2 star stencil accumulated into another array, asymmetric shifts.
r = 2
A = np.arange(64.0).reshape(8, 8) % 7.0
B = np.zeros((8, 8))
for it in range(3):
    B[r:-r, r:-r] += 0.5 * A[r:-r, r - 2:-r - 2] + 0.25 * A[r - 1:-r - 1, r:-r] \
        - 0.125 * A[r + 2:, r:-r] + 0.0625 * A[r:-r, r + 1:-r + 1]
    A += 1.0
print(B)

# 3x3 convolution written with slices, 9 shifted reads (diagonals too).
img = np.arange(42.0).reshape(7, 6) ** 1.5 % 10.0
out = np.zeros((7, 6))
w = [[0.0625, 0.125, 0.0625], [0.125, 0.25, 0.125], [0.0625, 0.125, 0.0625]]
out[1:-1, 1:-1] = (w[0][0] * img[:-2, :-2] + w[0][1] * img[:-2, 1:-1] + w[0][2] * img[:-2, 2:]
                   + w[1][0] * img[1:-1, :-2] + w[1][1] * img[1:-1, 1:-1] + w[1][2] * img[1:-1, 2:]
                   + w[2][0] * img[2:, :-2] + w[2][1] * img[2:, 1:-1] + w[2][2] * img[2:, 2:])
print(out)

# Shifted reads of a 3-D array along its distributed dimension.
c = np.arange(60.0).reshape(5, 4, 3)
d = np.zeros((5, 4, 3))
d[1:-1, :, 1:] = c[2:, :, :-1] - c[:-2, :, 1:]
print(d)

# A while loop on a residual, with a function updating its argument.
def sweep(v, f):
    v[1:-1] = 0.5 * (v[:-2] + v[2:]) + f[1:-1]

v = np.zeros(13)
f = np.full(13, 0.01)
err = 1.0
steps = 0
while err > 1e-3:
    old = v.copy()
    sweep(v, f)
    err = np.abs(v - old).max()
    steps += 1
print(steps, v)

# Left and right shifts of one row only, and a write that the next sweep
# reads (the ghost cells follow the array).
x = np.arange(10.0)
for it in range(4):
    x[2:] = x[2:] + x[:-2]
    x[:-1] = x[:-1] - 0.5 * x[1:]
print(x)

# Two updates read one array at shifted rows with no write between (one
# ghost exchange serves both), and an update whose right side is an array
# of the window's shape computed apart (it has two readers).
A = np.arange(40.0).reshape(10, 4) ** 1.5
B = np.zeros((10, 4))
C = np.ones((10, 4))
D = np.ones((10, 4))
for it in range(3):
    B[1:-1, :] = A[:-2, :] + A[2:, :]
    C[1:-1, 1:] = C[1:-1, 1:] * A[2:, :-1]
    half = A[1:-1, :] * 0.5
    D[2:, :] = D[2:, :] + half
    A[1:-1, :] = half + B[1:-1, :] * 0.25
print(B)
print(C)
print(D)
print(A)
