# Names rebound inside compiled loops and run-time branches to arrays of
# another distribution (a product's, another layout's) keep the carried
# distribution: the new value is moved back to it. Power iteration written
# the usual way, loops over layouts, a branch choosing between layouts.
import dac.numpy as np

A = np.fromfunction(lambda i, j: 1.0 / (1.0 + i + j), (12, 12))
x = np.ones(12)
k = int(np.ones(25).sum())
for it in range(k):
    x = A @ x
    x = x / np.sqrt((x * x).sum())
print(x, x @ (A @ x))

P = np.eye(6) * 0.5
B = np.fromfunction(lambda i, j: (i + 2 * j) % 5 * 0.25, (6, 6), dist='cn')
for it in range(int(np.ones(3).sum())):
    P = P @ B
print(P)

a = np.ones(8, dist='c')
for i in range(int(a.sum()) - 5):
    a = np.ones(8) * i + a[::-1]
print(a, a.sum())

y = np.arange(10.0, dist='b')
if y.sum() > 10:
    y = np.arange(10.0, dist='c') * 2
else:
    y = y + 1
print(y)

v = np.linspace(0.0, 1.0, 7)
while v.sum() < 20:
    v = np.ones((7, 7), dist='nb') @ v + 0.5
print(v)
