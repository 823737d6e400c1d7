# print(a) of arrays of every dtype, rank and layout: rank 0 gathers the
# elements and formats them as NumPy 1.24 prints arrays (summaries too).
import dac.numpy as np
a = np.arange(12.0) / 7
print(a)
print(np.arange(10, dist='c') * 3)
print(np.ones((3, 4), dist='bb') > 0)
rng = np.random.default_rng(1)
print(rng.random((2, 3, 4)))
print(np.linspace(0, 1, 2000))
print(np.zeros(0), np.full((), 2.5))
