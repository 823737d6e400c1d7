# User functions and aliasing: a global written through a helper called in
# a compiled loop, overlapping views passed as two arguments, one array
# passed twice, a list appended to, a closure over an array it updates,
# and rows of a 2-D array updated through views passed in a loop.
import numpy as np

G = np.zeros(4)
counter = [0]


def touch(i):
    G[i % 4] += 1.0


def outer(n):
    for k in range(n):
        touch(k)
    return G.sum()


def swap_halves(a, b):
    t = a.copy()
    a[:] = b
    b[:] = t


def both(x, y):
    x += 1.0
    y *= 2.0
    return x + y


def keep(lst, v):
    lst.append(v)
    return len(lst)


def make_counter():
    state = np.zeros(1)
    def inc():
        state[0] += 1.0
        return state[0]
    return inc


n = int(np.ones(3).sum()) + 2
print(outer(n), G)
a = np.arange(8.0)
swap_halves(a[:4], a[4:])
print(a)
b = np.ones(4)
print(both(b, b), b)
c = np.arange(6.0)
print(both(c[1:4], c[2:5]), c)
lst = []
print(keep(lst, 1.5), keep(lst, 2.5), lst)
inc = make_counter()
inc()
inc()
print(inc())
m = np.arange(12.0).reshape(3, 4)
def rowop(r, f):
    r *= f
    return r.sum()
tot = 0.0
for i in range(3):
    tot += rowop(m[i], i + 1.0)
print(tot, m)
