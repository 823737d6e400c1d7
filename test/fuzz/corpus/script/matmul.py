# Matrix products (`@`, np.matmul, np.dot, np.inner, np.outer) on every
# layout kind, with extents that leave some ranks empty: whole results are
# printed, so an element computed on the wrong rank or position shows.
import dac.numpy as np

rng = np.random.default_rng(7)
A = np.arange(35.0).reshape(7, 5) * 0.5 - 4.0
B = np.arange(30.0).reshape(5, 6) * 0.25 - 2.0
v = np.arange(5) * 1.5 - 2.0
w = np.arange(7) * 1.0 - 2.0
print(A @ B)
print(A @ v, w @ A, v @ v)
print(np.matmul(A, B)[2], np.dot(A, B)[:, 1], np.dot(w, A))
print(np.inner(A, A)[3], np.inner(v, B.T), np.outer(v, w)[1])

# Operands on every layout kind.
layouts = [('b', 'n'), ('n', 'b'), ('c', 'n'), ('n', 'c'), ('b', 'b'),
           (('c', 2), 'n'), ('n', 'n'), ('c', 'c')]
for da in layouts:
    X = np.fromfunction(lambda i, j: (i * 3 + j) % 7 - 2.5, (9, 4), dist=da)
    for db in layouts:
        Y = np.fromfunction(lambda i, j: (2 * i - j) % 5 + 0.5, (4, 3), dist=db)
        Z = X @ Y
        print(Z.sum(), Z[8], Z[:, 2].max())
    u = np.fromfunction(lambda i: i - 1.5, (4,), dist=(da[1],))
    r = np.fromfunction(lambda i: (i % 4) * 0.5, (9,), dist=(da[0],))
    print(X @ u, r @ X)

# Fewer rows than ranks, a single column, an empty contraction.
T = np.ones((1, 3)) @ np.arange(12.0).reshape(3, 4)
print(T, np.arange(6.0).reshape(3, 2) @ np.ones((2, 1)))
print(np.ones((2, 0)) @ np.ones((0, 3)))

# Integer, boolean and mixed dtypes follow NumPy's promotion.
I = np.arange(12).reshape(3, 4)
J = np.arange(20, dtype=np.int32).reshape(4, 5) - 7
print(I @ J, (I @ J).dtype, (J.T @ J.astype(np.int32)).dtype)
print((I > 4) @ (J > 0), ((I > 4) @ (J > 0)).dtype)
print(I @ (J * 0.5), (np.ones((2, 2), np.float32) @ np.ones((2, 2))).dtype)
F = np.ones((3, 3), np.float32) * np.float32(0.5)
print(F @ F, (F @ F).dtype)

# Products inside a loop: power iteration on a symmetric matrix.
n = 24
S = np.fromfunction(lambda i, j: 1.0 / (1.0 + i + j), (n, n))
x = np.ones(n)
for it in range(30):
    y = S @ x
    x = y / np.sqrt((y * y).sum())
print(x @ (S @ x))

# Random operands against NumPy within rounding.
P = rng.random((40, 30))
Q = rng.random((30, 20))
print((P @ Q).sum(), (P @ Q)[17, 11], (P.T @ P)[5, 7])

# Products assigned into arrays of other layouts (window updates that move
# the product's elements where the target lives).
A = np.ones((6, 4), dist='nn'); c = np.zeros((6, 6))
c[:] = A @ A.T + 1.0
print(c)
B = np.arange(20.0).reshape(4, 5) * 0.5
C = np.zeros((6, 5), dist='nn'); C[:] += A @ B
print(C)
D = np.ones((5, 5), dist='nb'); D[1:] = D[:-1] @ np.eye(5) * 0.5
print(D)
E = np.arange(30.0).reshape(6, 5); F = np.zeros((6, 5), dist='bb')
P = (A * 2) @ B
F[...] = P * P - F
print(F)
G = np.zeros((6, 5), dist='nn'); G[:, 1:4] += np.ones((6, 4), dist='bb') @ B[:, 1:4]
print(G)

# Integer dots wrap in their dtype; np.dot with a number is not value-based
# and never gives -0.0.
a = np.full(10, 30000, dtype=np.int32)
print(a @ a, np.dot(a, a), np.inner(a, a))
F = np.ones(3, dtype=np.float32) / np.float32(3); I = np.arange(3, dtype=np.int32)
print(np.dot(F, 2.0), np.dot(F, 2.0).dtype, np.dot(I, 3).dtype, np.inner(I, 3).dtype)
print(np.dot(-2.0, np.zeros(3)), np.dot(2, 3), np.dot(2.5, np.arange(3)))

# The layouts products get (dac.localshapes agrees with the reference).
import dac
A = np.ones((5, 5), dist='cc'); N = np.ones((5, 5), dist='nn')
print(dac.localshapes(A @ A), dac.localshapes(N @ np.ones(5)))
C = np.ones((6, 4), dist='cn'); v = np.ones(4)
print(dac.localshapes(C @ v), dac.localshapes(np.dot(C, np.ones((4, 3)))), dac.localshapes(np.ones(6) @ C))
S = np.ones((4, 7), dist='nb')
print(dac.localshapes(S @ np.ones(7)), dac.localshapes(np.inner(C, C)), dac.localshapes(np.ones(4) @ np.ones((4, 9), dist='nc')))
print((A @ A).sum(), (C @ v).sum())

# Stacks of matrices (3-D @): with a stack of the same length, with one
# matrix or vector on either side, a stack of one against a longer one, of
# ints and bools, split cyclically along the stack or on a grid (moved to a
# split along the stack), empty, and of a length known only when running.
sa = np.arange(24.0).reshape(2, 3, 4)
sb = np.arange(40.0).reshape(2, 4, 5) - 7.0
for k in range(int(np.ones(1).sum())):
    sa = sa * 1.5 + 1.0
print(sa @ sb, np.matmul(sa, sb[0]), sa @ np.arange(4.0), np.arange(4.0) @ sb)
print(sb[1].T @ sa.swapaxes(1, 2), np.ones((1, 3, 4)) @ sb)
print((np.ones((1, 3, 4)) @ np.ones((1, 4, 2))).shape)
si = np.arange(60).reshape(5, 3, 4) % 7
print(si @ (np.arange(100).reshape(5, 4, 5) % 5 - 2))
sbool = (np.arange(24).reshape(2, 3, 4) % 3) == 0
print(sbool @ sbool.swapaxes(1, 2))
sc = np.arange(48.0, dist=('c',)).reshape(4, 3, 4)
sp = sc @ np.ones((4, 4, 2), dist=('c', 'n', 'n'))
print(sp, dac.localshapes(sp))
sg = np.ones((4, 3, 3), dist=('b', 'b', 'n')) @ np.arange(9.0).reshape(3, 3)
print(sg, dac.localshapes(sg))
print((np.zeros((0, 3, 4)) @ np.ones((0, 4, 2))).shape)
sn = int(np.ones(5).sum())
sr = (np.ones((sn, 2, 2)) * 1.5) @ np.ones((sn, 2, 2))
print(sr.sum(axis=0), sr.shape)

# Matrices in blocks on a 2-D grid (SUMMA: the result stays on the grid):
# operands of other layouts brought to it, float32, an integer product (not
# SUMMA: computed in rows and moved), empty and 1 x 1 results.
ga = np.zeros((6, 7), dist=('b', 'b'))
ga[...] = np.arange(42.0).reshape(6, 7) * 0.5 - 3.0
gc = ga @ (np.arange(35.0).reshape(7, 5) * 0.25 - 1.0)
print(gc, dac.localshapes(gc))
gd = np.ones((9, 4), dist=('b', 'b')) @ np.ones((4, 3), dist=('c', 'b'))
print(gd, dac.localshapes(gd))
print(np.ones((2, 3), dist=('b', 'b'), dtype=np.float32) @ np.arange(12, dtype=np.float32).reshape(3, 4))
print(np.ones((2, 3), dist=('b', 'b'), dtype=np.int64) @ np.arange(12).reshape(3, 4))
print(np.zeros((5, 0), dist=('b', 'b')) @ np.ones((0, 3)), np.ones((1, 2), dist=('b', 'b')) @ np.ones((2, 1)))
