# Generator.integers, standard_normal, normal and random(dtype=float32) give
# NumPy's numbers on every layout and rank count: their elements take a
# varying number of draws (rejections) or 32-bit halves of 64-bit draws,
# and the half a split draw leaves over carries into the next call, through
# loops, branches and functions.
import dac.numpy as np

rng = np.random.default_rng(20261205)
print(rng.integers(0, 10, size=13))
print(rng.integers(6), rng.integers(-3, 3, size=(2, 5)))
print(rng.random(3))  # 64-bit draws while a half is pending
print(rng.integers(1, 6, size=7, endpoint=True), rng.random(4, dtype=np.float32))
print(rng.integers(0, 2**40, size=(3, 3)), rng.integers(-2**62, 2**62, size=2))
print(rng.integers(5, 1005, size=6, dtype=np.int32), rng.integers(7, 8, size=3))
print(rng.integers(0, 2**32, size=3), rng.integers(0, 2**32 - 1, size=3))
print(rng.standard_normal(9), rng.standard_normal())
print(rng.normal(2.5, 0.5, size=(2, 4)), rng.normal(), rng.normal(1, 3))
print(rng.random(dtype=np.float32), rng.integers(100))

# Layouts: cyclic, block-cyclic, 2-D grids, replicated; empty chunks.
a = rng.integers(0, 1000, size=(7, 9), dist='cb')
b = rng.standard_normal((5, 6), dist=(('c', 2), 'b'))
c = rng.random(11, dtype=np.float32, dist='c')
d = rng.integers(-50, 50, size=3, dist='b')
e = rng.normal(0.0, 2.0, size=(4, 3), dist='n')
print(a)
print(b)
print(c, d)
print(e)
print(rng.integers(0, 3, size=0), rng.standard_normal((2, 0)), rng.integers(9))

# Enough normals that the ziggurat's slow paths (the wedges and the tail)
# occur, and that rank boundaries fall between rejections.
z = rng.standard_normal(200003)
print(z[::20011], z.max(), z.min(), (z > 3.5).sum())
n = rng.integers(0, 7, size=100001)
print(n[::9091], (n == 6).sum())
# Ranges where Lemire's method rejects about half (32-bit) and a quarter
# (64-bit) of the draws.
h = rng.integers(0, 2**31 + 1, size=1001, dist='c')
q = rng.integers(-2**62 * 2, 2**62, size=(3, 333))
print(h[::97], h.min(), q[:, ::50], rng.random())

# In loops and branches: the state after each call depends on the values.
total = 0
for it in range(5):
    k = rng.integers(1, 4)
    s = rng.standard_normal(int(k) * 3)
    total = total + s.sum()
    if s[0] > 0:
        total = total + rng.integers(0, 10, size=3).sum()
print(total, rng.integers(0, 1000, size=3))

def draw_into(gen, out):
    out[1:4] = gen.integers(0, 100, size=3)
    return gen.standard_normal(2)

buf = np.zeros(6, dtype=np.int64)
print(draw_into(rng, buf), buf, rng.random(dtype=np.float32))
