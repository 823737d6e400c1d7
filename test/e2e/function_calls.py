# User functions with NumPy's reference semantics: writes through arguments
# and their views reach the caller, globals written in place, returned views,
# aliased arguments, random streams advanced by callees, closures, lists
# changed by callees, and calls inside compiled loops.
import numpy as np

G = np.zeros(6)


def bump(x, v):
    x[1:-1] += v
    G[0] += 1.0


def fill_row(A, i, v):
    A[i, :] = v


def tail(a):
    return a[2:]


def twice(a, b):
    a += 1.0
    b *= 2.0


def draws(rng, n):
    return rng.random(n)


def make_adder(k):
    def add(y):
        return y + k
    return add


def collect(items, a):
    items.append(a.sum())


def step(u):
    u[1:-1] = 0.5 * (u[:-2] + u[2:])
    return u


a = np.arange(8.0)
bump(a, 2.0)
bump(a[::2], 10.0)
print(a, G)
A = np.zeros((4, 5))
for i in range(4):
    fill_row(A, i, i * 1.5)
fill_row(A, -1, 7.0)
print(A)
t = tail(a)
a[3] = -5.0
print(t)
t[0] = 100.0
print(a)
b = np.ones(5)
twice(b, b)
print(b)
c = np.ones(5)
d = c[1:]
twice(c, d)
print(c, d)
rng = np.random.default_rng(3)
x = draws(rng, 4)
y = draws(rng, 4)
print(x, y, rng.random())
add3 = make_adder(3.0)
print(add3(a), make_adder(1)(2))
items = []
collect(items, a)
collect(items, b)
print(items)
u = np.linspace(0.0, 1.0, 9) ** 2
n = 3
for it in range(n * 10):
    u = step(u)
print(u)
s = 0.0
k = 0
while k < 5:
    s += bump(a, 0.5) is None
    k += 1
print(s, a, G)
