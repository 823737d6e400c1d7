# User functions as values: identity returns alias, rebinding a parameter
# does not reach the caller, a mutable default argument keeps its state,
# functions and lambdas passed as arguments, calls in run-time branches and
# while loops, and callees writing into views of a caller's 2-D array.
import numpy as np


def ident(x):
    return x


def rebind(x):
    x = x + 1.0
    x[0] = -1.0
    return x


def accumulate(v, acc=np.zeros(3)):
    acc += v
    return acc


def apply(f, x, times):
    for _ in range(times):
        x = f(x)
    return x


def halve_if_big(a, limit):
    if a.sum() > limit:
        a *= 0.5
        return True
    return False


def draw_into(rng, out):
    out[:] = rng.random(out.shape[0]) - 0.5


def stats(a):
    return a.min(), a.max(), a.mean()


a = np.arange(5.0)
b = ident(a)
b[0] = 5.0
print(a)
c = rebind(a)
print(a, c)
print(accumulate(1.0), accumulate(2.0))
r = accumulate(0.5)
r[0] = 10.0
print(accumulate(0.0))
sq = lambda y: y * y
print(apply(sq, np.full(3, 1.1), 3))
print(apply(lambda y: y + 1, 0, 4))
x = np.arange(10.0)
flags = 0
k = 0
while k < 6:
    if halve_if_big(x, 20.0):
        flags += 1
    k += 1
print(flags, x)
rng = np.random.default_rng(7)
buf = np.empty(4)
for i in range(3):
    draw_into(rng, buf)
    print(buf)
print(stats(x), rng.random())
n = int(x.sum() > 1.0) + 2
m = np.zeros((n, 3))
for i in range(n):
    row = m[i]
    draw_into(rng, row)
print(m)
