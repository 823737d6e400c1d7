# Whole-array reductions over created arrays of every dtype, including
# arrays smaller than the number of ranks.
import numpy as np

a = np.arange(16)
print(a.sum(), a.prod(), a.min(), a.max(), a.mean(), a.var(), a.std())
f = np.arange(0.5, 10.0, 0.25)
print(f.sum(), np.sum(f), f.min(), np.max(f), np.mean(f), f.var(ddof=1), f.std())
print(np.ones(14).var(), np.zeros((3, 5)).sum(), np.full((4, 3), 2.5).sum())
print(np.ones((7, 3), dtype=np.int32).sum(), np.full(5, 3, dtype='int32').prod())
print(np.linspace(0, 1, 11).sum(), np.linspace(-2.0, 3.0, 7, endpoint=False).max())
small = np.arange(3)
print(small.sum(), small.max(), small.min(), small.mean())
e = np.zeros(0)
print(e.sum(), e.prod(), np.arange(2, 2).sum())
b = np.arange(10) % 3 == 0
print(b.sum(), b.all(), b.any(), np.count_nonzero(b), (a >= 0).all())
print(np.arange(10, dtype=np.float32).sum(), np.arange(5).astype(np.float64).mean())
print(np.arange(-5, 5).min(), np.arange(20, 0, -3).sum(), np.arange(1, 2, 0.1).sum())

# A float32 sum is rounded to float32 once, after the ranks' partial sums
# are combined (the rank count must not show in the last digit).
s = (np.arange(36.0) * 0.6 - 10.0).astype(np.float32) / np.float32(3.0)
print(s.sum())
