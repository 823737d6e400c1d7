# Int expressions of literals are exact, as Python's ints, even where an
# intermediate value leaves int64 (the usual ways of writing the ends of
# int64); their results then take part in run-time arithmetic as usual.
import numpy as np

print(2**63 - 1, -2**63, -(2**63), ~(2**63 - 1), (2**64 - 1) // 2)
print(2**64 // 3 - 2**62, (2**70 >> 10) - 1, (1 << 64) % 1000003, -2**64 % 7)
print((-1) ** (10**18), 0**0, (2**63 + 5) & 0xFF, (2**65 | 3) - 2**65)
# Literals beyond int64, written out.
print(-9223372036854775808, 18446744073709551615 // 2, 0xFFFF_FFFF_FFFF_FFFF >> 1)
print(0o1777777777777777777777 - 2**64, 0b1 << 62, 10**30 // 1_000_000_000_000_000_000_000)
n = int(np.arange(4).sum())
big = 2**63 - 1
print(big - n, -2**63 + n, max(big, n))
a = np.array([2**63 - 1, -2**63, 5])
print(a, a.dtype)
