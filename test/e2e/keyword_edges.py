# Keyword arguments and Python-number edges found by an adversarial audit,
# against NumPy and CPython: var/std ddof, isclose/allclose equal_nan,
# *_like shape=, int(str, base), sign of -0.0, arithmetic on Python bools,
# integer powers with non-negative exponent arrays.
import numpy as np

a = np.array([0.0, 1.0, 2.0, 3.0, 7.5])
print(a.var(ddof=1), np.std(a, ddof=2), a.std(ddof=True))
x = np.array([1.0, np.nan, np.inf, 2.0])
y = np.array([1.0 + 1e-9, np.nan, np.inf, 2.1])
print(np.isclose(x, y), np.isclose(x, y, equal_nan=True))
print(np.allclose(x, y), np.allclose(x[:3], y[:3], equal_nan=True))
print(np.zeros_like(a, shape=(2, 3)), np.ones_like(a, shape=7).sum())
print(np.full_like(a, 4, shape=(3,), dtype=np.int64))
print(int("10", 2), int("777", 8), int("ff", 16), int("0x_1f", 0), int("-0b101", 0))
print(int("  z ", 36), int("1_000", 10), int("0", 0), int("00", 0))
z = np.array([-0.0, 0.0, -2.5, 3.0, np.nan])
print(np.sign(z), 1.0 / np.sign(z[:2]))
t = True
print(abs(t), +t, round(t), round(t, 2), -t, ~t, abs(False))
e = np.arange(5)
print(np.power(e, e), e ** (4 - e), np.power(2, e))
b = e.copy()
b **= e
print(b)
