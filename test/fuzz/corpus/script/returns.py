# 'return' inside compiled loops and branches on run-time values: a value, a
# tuple, arrays; loops ended by return; while True with return.
import numpy as np

def first_above(a, limit):
    for i in range(a.size):
        if a[i] > limit:
            return i
    return -1

def converge(x, tol):
    k = 0
    while True:
        x = x * 0.5
        k += 1
        if np.abs(x).max() < tol:
            return x, k

def sign_sum(v):
    if v.sum() > 0:
        return 1.0
    else:
        return -1.0

def clipped(u):
    if u.max() > 10:
        return u * 0.0
    return u

a = np.arange(20.0)
n = int(a.sum()) // 19
print(first_above(a, 7.5), first_above(a, 100.0))
y, k = converge(np.ones(6), 1e-3)
print(y, k)
print(sign_sum(a), sign_sum(-a))
print(clipped(a[:5]), clipped(a))
total = 0
for j in range(n):
    total += first_above(a, j * 1.5)
print(total)


def find_negative(a):
    # A tuple returned from nested loops.
    for i in range(3):
        for j in range(4):
            if a[i, j] < 0:
                return i, j * 1.5
    return -1, -1.0


def doubled_until(a, k):
    # The loop-carried array itself returned.
    for i in range(k):
        if a.sum() > 100.0:
            return a
        a = a * 2.0
    return a


print(find_negative(6.5 - np.arange(12.0).reshape(3, 4)), find_negative(np.ones((3, 4))))
print(doubled_until(np.arange(5.0), n))
