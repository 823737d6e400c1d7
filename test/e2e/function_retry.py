# Calls inside a compiled loop that is built again (a number carried by the
# loop turns from int to float): bodies compiled in the first attempt are
# reused by the second, including values that are constants of the caller.
import numpy as np


def pick(x, w):
    return w


def scale(a, w):
    a *= w
    return w, a.sum()


n = int(np.ones(4).sum())
s = 0
a = np.ones(3)
for i in range(n):
    s = s + pick(i, 0.5)
    t, u = scale(a, 2.0)
    s = s + t + u
print(s, a, pick(1, 0.5), scale(a, 2.0))
