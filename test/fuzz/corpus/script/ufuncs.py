# Element-wise ufuncs and operators over random arrays, checked through
# reductions (the same numbers on every rank count).
import numpy as np

rng = np.random.default_rng(7)
u = rng.uniform(-2.0, 3.0, 1001)
v = rng.random(1001) + 0.5
print(np.sqrt(v).sum(), np.exp(u).sum(), np.log(v).sum(), np.log10(v).mean())
print(np.sin(u).sum(), np.cos(u).sum(), np.tanh(u).sum(), np.arctan2(u, v).sum())
print(np.abs(u).sum(), np.floor(u).sum(), np.ceil(u).sum(), np.rint(u).sum())
print(np.maximum(u, v).sum(), np.minimum(u, 0.0).sum(), np.clip(u, -1, 1).sum())
print((u // v).sum(), (u % v).sum(), (u ** 2).sum(), (v ** v).sum())
print(np.where(u > 0, u, -u).sum(), np.sign(u).sum(), np.square(u).sum())
print(((u > 0) & (v < 1)).sum(), ((u > 0) | (v < 1)).sum(), (~(u > 0)).sum())
i = np.arange(-7, 13)
print((i // 3).sum(), (i % 3).sum(), (i * i).sum(), (-i).max(), (i // 4 * 2).min())
print(np.hypot(u, v).max(), (u / v).min(), (2.0 * u - v / 3 + 1).sum())
print(np.dot(u, v), np.linalg.norm(v), np.allclose(u, u + 1e-12))
w = u.copy()
w += 1.0
w *= 2
print(w.sum(), u.sum(), (w - 2 * u).max())
print(np.isnan(np.log(u)).sum(), np.isfinite(u).all(), np.isinf(u / 0.5).any())
