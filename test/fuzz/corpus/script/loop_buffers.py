# Buffers and loops: an array computed before a loop and only read in it
# is never overwritten by a kernel in the loop (its next iteration reads
# it again), also when the same expression appears before and inside the
# loop; two arrays of one layout read at shifted rows in one kernel get
# their ghost rows from two transfers of one plan at once.
import numpy as np

c = np.arange(3.0) + np.zeros((2, 3))
z = np.ones((2, 3))
for n in range(3):
    z = z + c
    print(z)

x = np.arange(4.0)
a = np.sum(x[:, None] * x[None, :], axis=1)
for s in range(2):
    a = np.sum(x[:, None] * x[None, :], axis=1) + a
    print(a)

u = np.arange(30.0).reshape(6, 5)
v = np.ones((6, 5)) * 0.5
b = np.zeros((6, 5))
for n in range(2):
    b[1:-1, 1:-1] = u[1:-1, 2:] * v[2:, 1:-1] + u[2:, 1:-1] * v[1:-1, 2:]
    u[0, :] = 0
print(b)
