# Kernels written as functions that update their array arguments in place,
# called inside compiled loops: the caller's arrays change, as in NumPy.
import numpy as np


def relax(u, rate):
    u *= 1.0 - rate
    u += rate


def accumulate(total, x, times):
    for _ in range(times):
        total += x
    return times


def scaled(v, s):
    return v * s


steps = int(np.ones(5).sum())      # 5, known only at run time
u = np.linspace(0.0, 2.0, 9)
alias = u
for it in range(steps):
    relax(u, 0.25)
print(u)
print(alias)

t = np.zeros(4)
count = 0
for it in range(steps):
    count += accumulate(t, np.arange(4.0), it)
print(t, count)

v = np.ones(6)
for it in range(steps):
    v = scaled(v, 1.5)
print(v)

# A function whose loop runs a number of times known only at run time.
def iterate(x, n):
    k = 0
    while k < n:
        x = x * 0.5 + 1.0
        k += 1
    return x, k


w, k = iterate(np.full(5, 8.0), steps * 2)
print(w, k)


def heat(u, steps):
    # Two buffers swapped every step; the caller's array is one of them.
    un = np.zeros_like(u)
    for it in range(steps):
        un[1:-1] = u[1:-1] + 0.25 * (u[:-2] - 2.0 * u[1:-1] + u[2:])
        un[0] = u[0]
        un[-1] = u[-1]
        u, un = un, u
    return u


u0 = np.linspace(0.0, 1.0, 9) ** 2
final = heat(u0, 4)
print(final, u0)
