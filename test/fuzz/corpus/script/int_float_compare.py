# Python compares an int with a float exactly (no rounding of the int to a
# float): around 2**53, near the ends of int64, against infinities and NaN,
# with the float on either side.
import dac.numpy as np
one = int(np.ones(1).sum())
big = 2**53 + one
f = float(2**53 + 1)
print(big == f, big != f, big < f, big > f, big <= f, big >= f)
print(f == big, f != big, f < big, f > big, f <= big, f >= big)
h = one * 0.5
print(one == h * 2, one < h + 0.25, one > h, -one < -h, 3 * one <= 3.0, 3 * one >= 3.0000000001)
inf = 1e308 * 10.0 * one
print(one < inf, one > -inf, -one * 2**62 < -inf, 9223372036854775807 * one < 2.0**63 * one, 9223372036854775807 * one == 2.0**63 * one)
print(-9223372036854775807 * one - one == -2.0**63 * one, (2**62 + one) > 2.0**62 * one, (-2**62 - one) < -2.0**62 * one)
print(one == 1.0, 2 == one * 2.0, one * 3 > 2.5, one * -3 < -2.5, one * -3 < -3.5)
q = np.nan * 1.0
print(one < q, one > q, one == q, one != q, q <= one, q >= one)
