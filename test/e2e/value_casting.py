# NumPy 1.24's value-based casting: a Python number or NumPy scalar next to
# arrays of its kind widens the result when its value needs it (int32 * 3e9
# is int64, float32 * 1e300 float64, float32 * 100000 float64); without
# arrays every operand's dtype counts (np.float32(0.1) + 0.2 is float64).
import numpy as np
i = np.arange(5, dtype=np.int32)
f = np.arange(1.0, 5.0).astype(np.float32)
b = np.ones(3, dtype=bool)
print(i * 3000000000, i - 2**40, i * 5, i + (2**31 - 1), i - 2**31)
print(f * 1e300, f + 1e-50, f * 100000, f * 65535, f * -32769, f * float("inf"))
print(f * np.float64(1e300), f * np.float64(2), i * np.int64(2**40), i * np.int64(3))
print(b * 300, b * np.int32(3), i * 2.5, f * True, i * np.float32(2))
print(np.int32(5) * 3, np.float32(2) * 3.0, np.float32(0.1) + 0.2, np.float32(2) * 3)
n = int(np.ones(3).sum())
print(i * n, f * n, f * (n * 1.5))
