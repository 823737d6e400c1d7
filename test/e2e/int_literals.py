# Int expressions of literals are exact, as Python's ints, even where an
# intermediate value leaves int64 (the usual ways of writing the ends of
# int64); their results then take part in run-time arithmetic as usual.
import numpy as np

print(2**63 - 1, -2**63, -(2**63), ~(2**63 - 1), (2**64 - 1) // 2)
print(2**64 // 3 - 2**62, (2**70 >> 10) - 1, (1 << 64) % 1000003, -2**64 % 7)
print((-1) ** (10**18), 0**0, (2**63 + 5) & 0xFF, (2**65 | 3) - 2**65)
n = int(np.arange(4).sum())
big = 2**63 - 1
print(big - n, -2**63 + n, max(big, n))
a = np.array([2**63 - 1, -2**63, 5])
print(a, a.dtype)
