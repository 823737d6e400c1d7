# np.hypot must round exactly as the C library does (NumPy calls it): points
# on and next to the unit circle are counted by `<= 1.0`, which changes when
# the last bit does. Also tiny, huge, infinite, NaN and negative inputs.
import numpy as np

# Inputs from correctly rounded operations only (+, *, sqrt), so that both
# runs see the same bits (NumPy's own sin/cos may differ in the last bit).
rng = np.random.default_rng(5)
x = rng.random(200_003)
y = np.sqrt(1.0 - x * x)
print((np.hypot(x, y) <= 1.0).sum(), (np.hypot(x, y) < 1.0).sum())
print((np.hypot(x * (1 + 2e-16), y) <= 1.0).sum(), (np.hypot(-y, x) == 1.0).sum())
u = rng.random(100_001)
v = rng.random(100_001)
print((np.hypot(u, v) <= 1.0).sum(), np.hypot(u, v).sum(), np.hypot(u, -v).max())
print(np.hypot(u * 1e-310, v * 1e-310).sum() * 1e300, np.hypot(u * 1e300, v).max())
print(np.hypot(u * 1e-160, v * 1e-170).sum() * 1e150, np.hypot(u * 1e200, v * 1e180).min())
print(np.hypot(u, v * 1e-17).sum(), np.hypot(u * 1e-30, v).sum())
inf = np.full(3, np.inf)
nan = np.full(3, np.nan)
print(np.hypot(inf, nan).max(), np.hypot(nan, -inf).min(), np.isnan(np.hypot(nan, 1.0)).all())
print(np.hypot(np.zeros(4), np.zeros(4)).sum(), np.hypot(np.zeros(4), -3.0).sum())
print(np.hypot(3.0, 4.0), np.hypot(1e308, 1e308), np.hypot(5e-324, 5e-324))
