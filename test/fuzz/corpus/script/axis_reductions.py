# Reductions along axes on every layout: local when the reduced axis is not
# distributed, combined across ranks (replicated result) when it is.
import dac.numpy as np

a = np.arange(16.0, dist='b').astype(np.int64)
m = np.ones((4, 4)) * 3
print(m.sum(axis=0), m.sum(axis=1), m.mean(axis=0))
rng = np.random.default_rng(8)
x = rng.random((6, 5))
print(x.sum(axis=0), x.max(axis=1), x.min(axis=-1).sum())
print(np.sum(x, axis=(0, 1)), x.mean(axis=1), x.prod(axis=0))
for dist in ('bb', 'bc', ('c', 'n'), ('n', ('c', 2)), 'nn'):
    y = rng.uniform(-1.0, 1.0, size=(7, 5), dist=dist)
    print(y.sum(axis=0), y.sum(axis=1))
    print((y > 0).any(axis=0), (y > -2).all(axis=1), np.count_nonzero(y > 0, axis=0))
    print((y * 10).astype(np.int64).max(axis=0), y.mean(axis=(0,)))
i = np.ones((3, 4, 5), dtype=np.int32, dist='bnc')
print(i.sum(axis=1), i.sum(axis=(0, 2)), (i.sum(axis=2) * 2).sum(axis=0))
