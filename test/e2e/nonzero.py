# np.nonzero, np.where(cond), np.flatnonzero and np.argwhere: the indices
# of the non-zero elements in C order, from arrays of any layout.
import dac.numpy as np

x = np.sin(np.arange(11.0))
(i,) = np.nonzero(x > 0.5)
(j,) = np.where(x < -0.5)
print(i, j, np.flatnonzero(x > 0.9))
a = np.arange(24).reshape(4, 6) % 5
a = np.zeros((4, 6), dtype=np.int64, dist='cb') + a
rows, cols = np.nonzero(a)
print(rows, cols)
r3, c3 = np.where(a == 3)
print(r3, c3, a[r3[0], c3[0]])
print(np.flatnonzero(a > 3), np.argwhere(a == 4))
b = np.zeros((2, 3, 5), dist='bbn') + np.arange(30.0).reshape(2, 3, 5)
r, c, d = np.nonzero(b % 7 == 0)
print(r, c, d, np.argwhere(b % 11 == 0))
(none,) = np.nonzero(np.zeros(3))
print(none, none.shape, np.argwhere(np.zeros((2, 2))).shape)
