# np.linalg.norm: vector norms of any order, of everything or along an
# axis (keepdims too), and the matrix norms of 2-D arrays that need no
# decomposition ('fro', 1, -1, inf, -inf); integer arrays are normed as
# float64.
import dac.numpy as np

x = np.array([3.0, -4.0, 0.0, 1.0, -2.5])
print(np.linalg.norm(x), np.linalg.norm(x, 1), np.linalg.norm(x, np.inf))
print(np.linalg.norm(x, -np.inf), np.linalg.norm(x, 0), np.linalg.norm(x, 3))
print(np.linalg.norm(x, ord=0.5), np.linalg.norm(x, -2))
A = np.zeros((5, 7), dist='cb') + np.arange(35.0).reshape(5, 7) - 17.0
print(np.linalg.norm(A), np.linalg.norm(A, 'fro'), np.linalg.norm(A, 1))
print(np.linalg.norm(A, np.inf), np.linalg.norm(A, -1), np.linalg.norm(A, -np.inf))
print(np.linalg.norm(A, axis=1), np.linalg.norm(A, ord=1, axis=0))
print(np.linalg.norm(A, np.inf, axis=1, keepdims=True))
print(np.linalg.norm(np.arange(6)), np.linalg.norm(np.arange(4, dtype=np.float32)))
print(np.linalg.norm(np.arange(24.0).reshape(2, 3, 4), axis=2))
