# Rounding at the edges, against Python and NumPy: round() of ints to
# negative ndigits (the nearest multiple, ties to even, exact up to the ends
# of int64; values and ndigits known only at run time), np.round with more
# decimals than 22 (NumPy's scale is a product of tens, not 10**d correctly
# rounded), beyond 308 (nan), and float32 scales beyond float32's range
# (computed in float64, as NumPy's value-based casting does).
import numpy as np
a = np.arange(6)
n = int(a.sum())  # 15
vals = [0, 5, 15, 25, -25, -15, 1234, 1250, 1350, -1250, 4999999999999999999 + n, 5000000000000000000, -5000000000000000000]
for v in vals:
    for d in [-1, -2, -3, 0, 2, -18, -19, -20, -40]:
        if abs(v) < 5000000000000000001 or d != -19:
            print(v, d, round(v + n - 15, d + n - 15))
print(round(1234, -2), round(1250, -2), round(-1350, -2), round(7, -1))
x = np.float64(1.2345678901234567e-25) * (n / 15)
for d in [0, 3, 23, 25, 30, 40, 308, 309, 400]:
    print(d, np.round(x, d), round(x * 1e30, d - 20), np.round(np.float32(x * 1e30), d - 300))
f = np.arange(5, dtype=np.float32) * 1.37e-3
print(np.round(f, 40), np.round(f, 5), np.round(f, 39), np.round(f, 38))
print(np.round(np.arange(12) * 13, -1), np.round(np.float32(1.5), 40))
