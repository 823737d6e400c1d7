# Arrays whose shape changes from one iteration of a compiled loop to the
# next: the loop carries their extents (pairwise halving in a `while`,
# growing by stacking or np.append in a `for` of a run-time length, both
# extents of a matrix shrinking, an `if` inside the loop giving two shapes, nested
# loops, in-place writes to the changing array, a carried cyclic layout).
import dac.numpy as np

n = int(np.ones(3).sum())  # 3, known only at run time

# The pairwise sum, halving until one element is left.
a = np.arange(32.0)
while a.size > 1:
    a = a[::2] + a[1::2]
    print(a.shape, a)

# Growing: a row appended per iteration; one element appended per step.
b = np.arange(8.0).reshape(2, 4)
for i in range(n):
    b = np.vstack([b, b[-1:] * 2.0 + i])
print(b.shape)
print(b)
x = np.zeros(0)
k = 0
while x.size < 7:
    x = np.append(x, k * 1.5)
    k += 1
print(x)
# np.append along an axis and flattened; array-likes in concatenate.
g = np.arange(6.0).reshape(2, 3)
for i in range(n):
    g = np.append(g, g[-1:] + 10.0, axis=0)
print(g)
print(np.append(np.eye(2), [1, 2]), np.concatenate([np.arange(3), [7, 8]]))

# Two arrays of one shape on entry that change differently.
p = np.ones(6)
q = np.ones(6) * 2.0
for i in range(n):
    p = p[1:] + i
    q = np.concatenate([q, q[:1]]) * 0.5
print(p, q)

# Both extents shrink; `break` and `else`.
m = np.arange(42.0).reshape(6, 7)
while m.shape[0] > 1:
    m = m[1:, :-1] + m[:-1, 1:]
    if m.shape[1] < 3:
        break
else:
    print("no break")
print(m.shape, m)

# An `if` inside the loop gives two shapes; elements written in place.
y = np.arange(14)
for i in range(n + 3):
    if y[0] % 3 == 0:
        y = y[2:].copy()
    else:
        y = y[1:] * 1
    y[0] = y[0] + 100 * i
    print(i, y)

# Nested: the inner loop shrinks a fresh array each outer iteration.
total = 0.0
for i in range(n):
    z = np.arange(float(8 + i))
    while z.size > 2:
        z = z[1:-1] * 2.0
    total += z.sum()
    print(i, z)
print(total)

# A column appended from a reduction along rows.
w = np.ones((3, 1))
for j in range(n):
    w = np.hstack([w, w.sum(axis=1, keepdims=True) + j])
print(w)

# The carried array keeps the layout it entered with (cyclic here).
c = np.arange(10.0, dist='c')
for i in range(n):
    c = np.concatenate([c * 2.0, c[:2]])
print(c.size, c)

# A kernel written as a function, called in the loop.
def halve(v):
    return v[::2] * 1.5

h = np.arange(64.0)
while h.size > 2:
    h = halve(h)
print(h)
