# Shifted reads that make new arrays (x[1:] - x[:-1]): the kernel's rows
# are split over another extent than the array's, and the rows next to
# each rank's part are ghost cells of run-time widths (some ranks need
# rows from two neighbours or none). Run-time bounds too.
import numpy as np
x = np.arange(10.0) ** 2
print(x[1:] - x[:-1])
print(x[2:] + x[:-2] - 2 * x[1:-1])
print((x[3:] * x[:-3]).sum())
y = np.arange(7.0)
print(y[:-1] + y[1:])
z = np.linspace(0.0, 3.0, 13)
k = int(np.ones(2).sum())
print(z[k:] - z[:-k], (z[1:-1] * z[2:] - z[:-2]).max())
m = np.arange(30.0).reshape(10, 3)
print(m[1:, :] - m[:-1, :], m[2:, 1:] * m[:-2, :-1])
u = np.arange(6.0)
n = int(u[0]) + 2
u[1:-1] = u[:-n] + u[2:]
print(u)

# np.diff: shifted reads along any axis, n times; not_equal for bools.
x = np.arange(12.0) ** 2
print(np.diff(x), np.diff(x, 2), np.diff(x, n=0))
m = (np.arange(20).reshape(4, 5) ** 2) % 7
print(np.diff(m), np.diff(m, axis=0), np.diff(m, 3, axis=1))
b = np.arange(6) % 3 == 0
print(np.diff(b))

# Orders beyond the extent (empty results), a kernel reading one view twice.
print(np.diff(np.arange(10.0), 11))
m = np.arange(30.0).reshape(5, 6)
print(np.diff(m, 7, axis=0), np.diff(m, 8, axis=1))
x = np.arange(3.0)
b = x[3:]
print(b[1:] - b[:-1], x[1:] * x[1:])
