# Reductions fused with random draws, the vector form of the stream lanes:
# every reduction kind and dtype, sizes below and around the lane count,
# draws combined with positions (arange) in the same loop.
import numpy as np

rng = np.random.default_rng(77)
for n in (1, 7, 15, 16, 17, 33, 1000, 100_003):
    x = rng.random(n)
    print(n, x.sum(), x.min(), x.max(), x.prod() > -1, (x > 0.5).sum(),
          (x < 0.999).all(), (x > 0.999).any(), x.mean())
u = rng.uniform(-3.0, 2.0, 5000)
print(u.astype(np.float32).max(), (u * 100).astype(np.int64).max(),
      (u * 100).astype(np.int32).min(), np.count_nonzero(u > 0))
i = np.arange(20000)
v = rng.random(20000)
print((v * i).sum(), (v + i).max(), np.where(v > 0.5, i, -i).sum())
print(np.hypot(rng.random(777), rng.random(777)).max(), np.sqrt(rng.random(4096)).min())
