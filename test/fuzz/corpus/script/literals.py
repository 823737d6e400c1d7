# np.array from literal lists (1-D and N-D, inferred or given dtype, with a
# distribution), element-wise work on them and printing.
import dac.numpy as np

v = np.array([1.5, -2.0, 3.25, 0.0, 7.0])
w = np.array([1, 2, 3, 4, 5])
print(v, w, v * w, (v + w).sum(), w.dtype)
m = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.float32)
print(m, m.sum(axis=0), m.shape)
b = np.array([True, False, True])
print(b, b.sum(), np.array(2.5), np.array([[0.5, 1.5]]).max())
c = np.array([3, 1, 4, 1, 5, 9, 2, 6], dist='c')
print(c * 2, c.min(), np.array(c, dtype=np.float64).mean())
