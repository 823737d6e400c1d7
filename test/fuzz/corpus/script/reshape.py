# reshape/flatten and dac.redistribute of arrays computed from their
# positions (creation, random draws, element-wise work on them): the
# oracle's reductions of arange(16).reshape(4, 4) distributed ('b', 'b').
import dac
import dac.numpy as np

a = dac.redistribute(np.arange(16).reshape(4, 4), dist=('b', 'b'))
print(a.sum(), a.sum(axis=0), a.sum(axis=1), a.mean(), a.var(), a.std())
print(a.max(axis=1), a.min(), dac.localshapes(a))
print(np.ones(14, dist='c').var())
f = (np.arange(12.0) * 0.5 + 1).reshape(3, -1)
print(f, f.shape, np.reshape(f, (2, 6)).sum(axis=0))
rng = np.random.default_rng(21)
r = rng.random(24)
print(r.reshape(2, 3, 4).sum(axis=(0, 2)), r.sum())
g = dac.redistribute(rng.uniform(0, 1, size=(5, 6)), dist='cc')
print(g.sum(axis=1), dac.localshapes(g))
print(np.linspace(0.0, 1.0, 6).reshape(2, 3).flatten(), np.zeros((2, 2)).ravel())
