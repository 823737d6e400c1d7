# Random streams stay NumPy's on any rank count: several arrays and scalar
# draws from one generator, 2-D shapes, two generators, uniform bounds.
import numpy as np

rng = np.random.default_rng(12345)
a = rng.random((37, 5))
first = rng.random()
b = rng.uniform(10, 20, size=(3, 4))
c = rng.uniform(size=11)
second = rng.random()
print(a.sum(), a.max(), first)
print(b.sum(), b.min(), c.sum(), second)
other = np.random.default_rng(2**62 + 12345)
print(other.random(5).sum(), other.uniform(-1.0, 1.0))
print(np.random.default_rng(0).random(3).min())
