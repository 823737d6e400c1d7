# NumPy's views and assignment: slices with any start/stop/step (negative
# too, out-of-range bounds clipped), integer indices, `...`, np.newaxis,
# `.T`; writes through a view show in the base and in every other view;
# slice assignment with broadcasting, augmented assignment on slices,
# boolean-mask assignment (also augmented), overlapping assignment (right
# side read first); broadcasting in arithmetic. Small arrays are printed
# whole so that an element on the wrong rank or position shows.
import numpy as np

a = np.arange(10.0)
print(a[2:7], a[::-1], a[7:1:-2], a[-3:], a[:100], a[-100:2], a[8:3])
print(a[1:] - a[:-1])

# A view aliases its base: writes both ways.
b = a[3:]
b[1] = 100.0
print(a)
a[0:5] = -1.0
print(b)
c = b[::2]
c += 0.5
print(a, b, c)
alias = a
alias[9] = 42.0
print(a[9], b[-1])

m = np.arange(24).reshape(4, 6)
print(m[1], m[:, 2], m[1:, ::2], m[-1, -1], m[..., 3], m[2, ...])
print(m.T)
print(m[::-1, 1:5:3])
col = m[:, 1]
m[2, :] = np.array([9, 8, 7, 6, 5, 4])
print(col)
m[:, 0] = 7
m[1:3, 2:4] = np.array([[-1, -2], [-3, -4]])
print(m)
t = m.T
t[0, :] = 0
print(m)

# New axes and broadcasting.
x = np.arange(3.0)
y = np.arange(4.0)
print(x[:, np.newaxis] * y, x[None, :] + x[:, None])
print(np.ones((2, 3)) + np.arange(3.0), np.ones((2, 1)) * np.arange(3))
z = np.zeros((3, 4))
z[:] = y
z[1] = 5.0
z[:, 1:3] += x[:, None]
print(z)

# Boolean masks, np.where.
w = np.linspace(-1.0, 1.0, 9)
w[w < 0] = 0
print(w, np.where(w > 0.5, w, -w))

# Overlapping assignments read the right side first.
o = np.arange(8)
o[1:] = o[:-1]
print(o)
o[:-2] = o[2:] * 10
print(o)
r = np.arange(6.0)
r[:] = r[::-1]
print(r)

# Augmented assignment on a slice with a shifted read.
s = np.zeros(8)
s[1:-1] += 2.5 * a[2:8]
print(s)


def smooth(u):
    # Updates the caller's array through a slice.
    u[1:-1] = (u[:-2] + u[1:-1] + u[2:]) / 3.0


v = np.arange(10.0) ** 2
smooth(v)
print(v)

a = np.linspace(-2.0, 2.0, 9)
a[a > 1] -= 0.75
a[a < -1] *= 10
print(a)
v = np.arange(10)
v[v % 3 == 0] += 100
print(v)
w = np.arange(6.0)
w[w > 2] **= 2
print(w)

# np.copyto: dst[...] = src with broadcasting, also into a view.
a = np.zeros((3, 4))
np.copyto(a, np.arange(4.0))
print(a)
b = np.arange(12).reshape(3, 4)
np.copyto(b, 7)
print(b)
v = a[1:, ::2]
np.copyto(v, np.ones((2, 2)) * 9)
print(a)
