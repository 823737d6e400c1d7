# np.meshgrid (xy and ij indexing), enumerate() and zip() over sequences
# known when compiling, and np.ndarray(shape, dtype) as np.empty.
import numpy as np
x = np.linspace(0.0, 1.0, 5)
y = np.arange(3.0)
X, Y = np.meshgrid(x, y)
print(X)
print(Y)
P, Q = np.meshgrid(x, y, indexing="ij")
print(P.shape, Q[2], (P * Q).sum())
Z = np.sin(X) * np.cos(Y)
print(Z.sum(), Z[1, 3])
for i, v in enumerate([1.5, 2.5, 3.5]):
    print(i, v * X.sum())
for k, (a, b) in enumerate(zip((1, 2, 3), ["x", "y", "z"]), start=10):
    print(k, a, b)
total = 0.0
for u, w in zip([x, y], (2.0, 3.0)):
    total += u.sum() * w
print(total)
K = np.ndarray((2, 3), dtype=np.float64)
K[:] = 1.25
print(K)
