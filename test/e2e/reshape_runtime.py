# reshape/ravel/flatten of arrays whose extents are known only at run time
# (selected by a mask, sliced or made with a run-time extent, changing in a
# loop), and reshapes to extents known only at run time, with a -1
# inferred; the elements move between the two layouts in C order.
import numpy as np

a = np.arange(24.0)
n = int(np.arange(4).sum())  # 6, known only at run time
m = a[a > 3]  # 20 elements
print(m.reshape(4, -1))
print(m.reshape(-1, 5).sum(axis=0))
b = a[: n * 4]
print(b.reshape(n, 4))
print(b.reshape(n, -1).T)
print(a.reshape(n, 4)[2:])
print(a.reshape(-1, n).sum(axis=1))
c = np.zeros((n, 3))
c[:, 1] = 1.0
c[2, :] = np.arange(3.0) + 7
print(c.ravel())
print(c.reshape(-1))
print(c.flatten()[::2])
print(np.reshape(c, (3, n)))
k = np.arange(n * 2) * 3
print(k.reshape(2, n), k.reshape((n, 2))[:, 1])
x = np.arange(16.0)
while x.size > 2:
    x = x.reshape(2, -1).sum(axis=0)
    print(x)
e = a[a > 100]  # empty
print(e.reshape(0, 4).shape, e.reshape(-1, 3).shape)
