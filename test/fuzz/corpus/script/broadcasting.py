# Broadcast operands read where they are: a row vector next to a
# row-distributed matrix is replicated at its own size, a column vector
# whose distribution matches the matrix rows is read locally, shifted reads
# along undistributed dimensions need no communication. Every layout kind
# and 2-D grids, uneven splits (7 and 5 rows on 2-4 ranks).
import dac
import dac.numpy as np

for dist in ['bn', 'nb', 'bb', 'cn', 'nn']:
    m = np.zeros((7, 5), dist=dist)
    m[...] = np.arange(5.0) * 0.5
    m += np.arange(7.0)[:, np.newaxis] * 10.0
    print(dist, m)
    row = np.arange(5.0) - 2.0
    col = np.arange(7.0, dist='c') + 1.0
    print(m * row + col[:, None])
    print((m[:, 1:] - m[:, :-1]).sum(), (m[1:, :] * m[:-1, :]).sum())
    print(m / m.sum(axis=0), (m - m.mean(axis=1, keepdims=True)).std())

# Outer products and 3-D broadcasting.
x = np.linspace(0.0, 1.0, 6)
y = np.arange(4.0, dist='c') ** 2
o = x[:, None] * y[None, :]
print(o, o.sum(axis=1))
t = x[:, None, None] + y[None, :, None] * 10.0 + np.arange(3.0)[None, None, :]
print(t[1], t.sum())

# Size-1 dimensions and 0-d operands.
s = np.ones((1, 5)) * 3.0
k = np.arange(6.0).reshape(6, 1)
print(s + k, (s * k).max())
z = np.full((), 2.5)
print(o * z + k[:4, :1].sum())

# A broadcast operand inside a compiled loop.
u = np.zeros((6, 4))
w = np.arange(4.0)
for it in range(int(np.ones(5).sum())):
    u = u * 0.5 + w
print(u)

# Operands whose extents are known only when running meet operands of
# extents known when compiling (slice bounds from a loop variable).
a = np.arange(12.0)
acc = np.zeros(12)
for s in range(1, 3):
    acc[3:-3] += a[3:-3] * a[3 - s:9 - s]
print(acc)
k = int(np.ones(5).sum())
w = np.arange(20.0).reshape(4, 5)
print(np.zeros((k, 4)) + np.ones((5, 4)), w[:, :k - 2] + w[:, 1:4])
w[:, 1:] += w[:k - 1, 1:]
print(w)
