# Writing at integer indices, as NumPy: a[idx] = v with repeated and
# negative indices (the last write wins), buffered a[idx] += v (a repeated
# index updated once), np.add.at / np.subtract.at (every one adds, in
# order), rows of 2-D arrays, cyclic, 2-D grid and replicated layouts,
# writes through a view, a histogram in a compiled loop, permutations,
# boolean add.at, and no indices at all.
import dac.numpy as np
a = np.zeros(10)
idx = np.array([3, 1, -1, 3])
a[idx] = np.array([1.0, 2.0, 3.0, 4.0])
print(a)
a[idx] += 10.0
print(a)
np.add.at(a, idx, 1.0)
print(a)
np.subtract.at(a, np.array([0, 0, 0]), np.array([1.0, 2.0, 4.0]))
print(a)
c = np.arange(12, dist='c')
c[np.array([11, 0, 5])] = -1
print(c)
M = np.zeros((5, 3))
M[np.array([4, 0])] = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
M[np.array([1, 1])] = 7.0
print(M)
np.add.at(M, np.array([2, 2, 3]), np.arange(3.0))
print(M)
G = np.zeros((6, 6), dist=('b', 'b'))
G[np.array([5, 2, 2])] = np.arange(6.0)
print(G)
h = np.zeros(4, dtype=np.int64)
vals = (np.arange(20) * 7) % 4
np.add.at(h, vals, 1)
print(h)
r = np.ones(6)
r[r > 0.5] = 2.0
p = np.array([5, 4, 3, 2, 1, 0])
out = np.empty(6)
out[p] = np.arange(6.0)
print(out)
f = np.zeros(3, dtype=np.float32)
np.add.at(f, np.array([0, 1, 0]), np.array([0.1, 0.2, 0.3], dtype=np.float32))
print(f)
a = np.zeros(10)
b = a[2:8]
b[np.array([0, 5])] = 9.0
print(a, b)
n = int(np.ones(4).sum())
hist = np.zeros(5, dtype=np.int64)
for i in range(n * 10):
    hist[np.array([i % 5])] += 1
print(hist)
R = np.zeros(7, dist='n')
R[np.array([6, 0, 6])] = np.array([1.0, 2.0, 3.0])
print(R)
k = np.arange(8)
k[k[::-1]] = np.arange(8) * 10
print(k)
z = np.zeros(3)
z[np.array([], dtype=np.int64)] = 5.0
print(z)
m = np.zeros(4, dtype=bool)
np.add.at(m, np.array([1, 1, 3]), True)
print(m)
