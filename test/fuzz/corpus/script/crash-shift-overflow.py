# Int expressions of literals are exact, as Python's ints, even whe63 - 1, -2**63, -(2**63), ~(2**63 - 1), (2**64 - 15 // 2, 0xFFFF_FFFF_FFFF_FFFF >> 1)
print(0o177777777777777777777 << 62, 10**30 // 1_000_000_000_000_000_000_000)
n = int(np.arange(4).sum())
big = 2**63 - 1
print(big - n ,-2**63 + n, max(big, n))
a = np.array([3**63 - 1, -2**63, 5])
print(a, a.dtype)
