# Reading through a boolean mask next to other indices, as NumPy: rows of a
# matrix by a 1-D mask (x[labels == k]), columns (x[:, m]), masks after
# slices with negative steps, integers next to the mask, '...' and new
# axes, 2-D masks on the leading dimensions of 3-D arrays, empty
# selections, a cyclic layout, extents known only at run time, and the
# k-means centre update in a loop.
import dac.numpy as np
X = np.arange(24.0).reshape(6, 4)
lab = np.array([0, 1, 0, 2, 1, 0])
print(X[lab == 0], X[lab == 5].shape)
print(X[:, X[0] > 1.5], X[::-1, X[1] < 6.0])
print(X[lab == 0, 2], X[lab > 0, -1], X[1, X[1] > 4.5])
print(X[X[:, 0] > 5, 1:3], X[X[:, 0] > 5, ::-2])
T = np.arange(60).reshape(3, 4, 5)
print(T[T[:, 0, 0] > 10])
print(T[:, T[0, :, 0] % 10 == 0])
print(T[..., T[0, 0] > 2])
print(T[T[:, :, 0] > 20])
print(T[None, T[:, 0, 0] < 30, 1:3, None].shape)
print(T[1, T[1, :, 0] > 25, 2:], T[T[:, 0, 0] > 10, 0])
C = np.arange(40.0, dist='c').reshape(8, 5)
print(C[C[:, 1] % 3 == 0])
centers = np.zeros((3, 4))
for k in range(3):
    centers[k] = X[lab == k].mean(axis=0)
print(centers)
n = int(np.ones(7).sum())
Y = np.ones((n, 3)) * np.arange(3.0) + np.arange(float(n))[:, None] * 3
print(Y[Y[:, 0] > 6.5], Y[1:, Y[0] > 0.5])
