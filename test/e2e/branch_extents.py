# Arrays whose extents known only when running are computed inside the
# branches of an 'if' on a run-time value (a mask's count, an extent of a
# branch's own), nested branches included, and used after it.
import numpy as np
a = np.arange(6.0)
s = a[a > 3]
if a.sum() > 5.0:
    s = a[a > 1]
print(s)
n = int(a.sum()) // 5
if a[0] < 1.0:
    t = np.ones(n + 1)
    u = a[1:n].copy()
else:
    t = np.zeros(n + 2)
    u = a[:n].copy()
print(t, u, t.sum() + u.sum())
for k in range(3):
    if s.sum() > 8.0 + k:
        s = s[1:] * 2.0
    else:
        s = s * 1.0
    print(k, s)

b = np.arange(12.0).reshape(3, 4)[0] * 1.5
n = int(b.sum()) // 3
if b[1] > 1.0:
    if b[2] > 2.5:
        s = b[b > 2.0]
    else:
        s = np.ones(n)
else:
    s = b[b < 4.0]
print(s, s.shape)
g = np.zeros((n, 2))
if b.max() > 4.0:
    g = np.ones((n + 1, 2))
print(g.sum(), g.shape)
r = s[1:] * 2.0
print(r)
