# Reading rows of an array of several dimensions at integer indices, as
# NumPy: x[idx] with negative and repeated indices, 2-D index arrays,
# 3-D sources, centres gathered per label (k-means), cyclic and 2-D grid
# layouts, extents known only at run time, np.take along axis 0.
import dac.numpy as np
X = np.arange(24.0).reshape(6, 4)
idx = np.array([5, 0, -1, 2])
print(X[idx])
print(X[np.array([[0, 1], [3, 3]])])
T = np.arange(60).reshape(3, 4, 5)
print(T[np.array([2, 0])])
centers = np.array([[0.0, 1.0], [10.0, 11.0], [20.0, 21.0]])
labels = np.array([2, 0, 1, 1, 0, 2, 2])
print(centers[labels], (centers[labels] ** 2).sum(axis=1))
C = np.arange(40.0, dist='c').reshape(8, 5)
print(C[np.arange(7, -1, -3)])
G = np.ones((6, 6), dist=('b', 'b')) * np.arange(6.0) + np.arange(6.0)[:, None] * 6
print(G[np.array([4, 1, 1])])
n = int(np.ones(5).sum())
Y = np.ones((n, 3)) * np.arange(3.0)
print(Y[np.array([4, 0])])
perm = np.array([3, 1, 0, 2, 5, 4])
print(np.take(X, perm, axis=0), X[perm][::2], X.take(perm[:2], axis=-2))
