# Pieces of the script language that were missing: np.conjugate/.conj()
# (real numbers: themselves), ndarray.fill, np.bool_(x), f-string fields
# holding tuples and lists (shapes), and max()/min() of NumPy integers of
# two widths (nussinov's max(table[i, j], table[i + 1, j] + 1) mixes int32
# and int64: the value is kept exactly, in int64).
import numpy as np

a = np.linspace(-1.0, 1.0, 5)
print(np.conjugate(a), np.conj(np.arange(3)), a.conj(), a.conjugate().dtype)
print(np.conjugate(np.array([True, False])), np.int32(3).conjugate())
f = np.zeros((2, 3), dtype=np.int32)
f.fill(7.9)
g = np.arange(4.0)
g[1:3].fill(-1)
print(f, g)
print(np.bool_(1), np.bool_(0.0), np.bool_(2) + np.bool_(0))
m = np.ones((3, 4))
print(f"shape {m.shape}, row {m[0].shape}, list {[1, 2.5, 'x']}, nest {((1, 2), 3)}")

t = np.zeros(6, np.int32)
t[0] = 5
for i in range(5):
    t[i + 1] = max(t[i + 1], t[i] + 1)
    t[i + 1] = min(t[i + 1] + 100, t[i] * 3)
print(t, max(t[2], t[3] + 1), min(np.int32(4), np.int64(9)))
