# NumPy's results where C leaves them undefined: integer shifts by the bit
# width or more (0, or -1 for a negative number shifted right) and float to
# integer casts of NaN, infinities and out-of-range values (the smallest
# integer, as NumPy on x86-64), known when compiling and when running.
import dac.numpy as np
a = np.arange(5) - 2
k = int(np.ones(1).sum())
print(a << 70, a >> 64, a >> (63 * k + 1), a << (64 * k), (a * 1.0e30).astype(np.int64), np.array([np.nan, np.inf, -np.inf]).astype(np.int64))
print(np.arange(3, dtype=np.int32) << 40, (np.arange(3, dtype=np.int32) - 1) >> 33)
f = np.array([np.nan, np.inf, -np.inf, 3.7, -3.7, 1e19, -1e19, 2.0**63, -2.0**63, 2147483647.9, -2147483648.9])
g = f * 1.0
print(f.astype(np.int64), g.astype(np.int64), g.astype(np.int32), f.astype(np.int32))
print((g * np.float32(1.0)).astype(np.float32).astype(np.int32))
