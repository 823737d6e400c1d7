# Python floats stored into integer arrays go through Python's int(), as
# NumPy stores them (truncation; int32 keeps the low 32 bits of the int64),
# while NumPy's own floats are C casts: fill, slices, elements, masks,
# literals with dtype=, np.int32()/np.int64() of Python floats.
import numpy as np

a = np.zeros(5, dtype=np.int64)
a.fill(2.7)
a[1:3] = -3.9
a[4] = 1e18
print(a)
b = np.zeros(4, dtype=np.int32)
b[0] = 3e9
b[1] = -3e9
b[2] = np.float64(2.5)
b[b == 0] = 7.9
print(b)
print(np.int32(1e10), np.int32(-3e9), np.int64(-2.5), np.int32(2**31 + 0.0))
print(np.array([1.5, -2.7, 3e9, 1e10], dtype=np.int32))
print(np.array([1.5, -2.7, 9e18], dtype=np.int64))
