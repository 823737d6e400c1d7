# np.fromfunction with lambdas and functions (the function gets one index
# array per dimension), np.eye / np.identity, on several layouts.
import dac.numpy as np


def checker(i, j):
    return (i + j) % 2


a = np.fromfunction(lambda i, j: 10 * i + j, (3, 4))
print(a, a.sum(axis=1))
print(np.fromfunction(checker, (4, 5), dtype=int, dist='bc'))
print(np.fromfunction(lambda i: i * i, (6,), dist='c').sum())
print(np.eye(4), np.eye(3, 5, k=1, dtype=np.int32), np.identity(3).sum())
scale = 0.5
print(np.fromfunction(lambda i, j, s=scale: (i - j) * s, (2, 3)))
