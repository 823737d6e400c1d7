# Views and products of arrays whose extents are known only when running:
# columns of a 2-D array read as 1-D arrays, new axes, outer products.
import dac.numpy as np
n = int(np.ones(5).sum())
A = np.ones((n, 3)) * np.arange(3)
print(A[:, 0] + A[:, 1], A[:, 2] @ A[:, 1])
v = np.arange(7.0)
print(v[:n, None] * 2.0, np.outer(v[:n], v[:2]))
B = np.ones((4, n))
print(B[1, :] - B[2, :], (B[:, 1:] - B[:, :-1]).sum())
