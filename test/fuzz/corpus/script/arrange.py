# Arrays rearranged without arithmetic: np.flip/fliplr/flipud (views with
# negative steps), np.triu/tril, diagonals and traces (a gather reading both
# dimensions along one), diagonal matrices, np.concatenate/stack/hstack/vstack (a new array
# written piece by piece), on several layouts; printed whole.
import dac.numpy as np
a = np.arange(20.0).reshape(4, 5)
print(np.flip(a), np.flip(a, 1), np.fliplr(a)[0], np.flipud(a)[:, 2])
print(np.triu(a), np.tril(a, -1), np.triu(a, 2).sum())
print(np.diagonal(a), np.diag(a, 1), np.diag(a, -2), a.diagonal(3), np.trace(a), a.trace(1))
b = np.ones((2, 5), dtype=np.int64)
print(np.concatenate((a, b)), np.concatenate([a, a[:, :2]], axis=1).sum())
x = np.arange(3); y = np.arange(3) * 2.5
print(np.stack((x, y)), np.stack([x, y], axis=1), np.hstack((x, y)), np.vstack((x, y, x)))
c = np.zeros((6, 4), dist='c')
print(np.concatenate((c + 1, np.arange(8.0, dist='b').reshape(2, 4))).sum(axis=0))
print(np.triu(np.ones((5, 5), dist='cn')), np.trace(np.ones((7, 7), dist='bb')))

# vstack of rows and matrices, diagonals of the transpose (axis1/axis2),
# flips along several axes, a 2-D array rebound in a run-time branch.
m = np.arange(12.0).reshape(3, 4) * 1.5
print(np.vstack((np.arange(4), m)), np.hstack((m, m)).shape)
print(np.trace(m, 1, 1, 0), m.diagonal(axis1=1, axis2=0, offset=1), np.diagonal(m, 0, 1, 0))
c = np.arange(24.0).reshape(2, 3, 4)
print(np.flip(c, axis=(0, 2)), np.flip(c, (1,)))
s = np.ones(3).sum()
z = np.ones((4, 6))
if s < 1.0:
    z = np.ones((4, 6)) * 2
print(z.sum(axis=0), z.max(axis=1), z.argmax(axis=0), z.argmax())

# Diagonal matrices from vectors (np.diag of 1-D): above, on and below the
# main diagonal, of ints and bools, of a cyclic vector, of an extent known
# only when running, and back (the diagonal of a diagonal matrix).
v = np.arange(1.0, 5.0)
print(np.diag(v), np.diag(v, 2), np.diag(v, k=-1))
print(np.diag(np.arange(3) * 2 - 1, 1), np.diag(np.arange(3) > 0))
d = np.diag(np.arange(6.0, dist='c'), -2)
print(d.sum(), d[3:, :4], np.diag(np.diag(v, 1), 1))
k = int(np.ones(3).sum())
print(np.diag(np.arange(k) + 0.5))
