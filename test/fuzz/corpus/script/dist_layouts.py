# Every per-dimension distribution: the local shapes and process grid on the
# current number of ranks, and element-wise work and reductions on arrays of
# that layout (same numbers as NumPy on every rank count).
import dac.numpy as np
import dac

a = np.arange(10, dist='c')
print(dac.localshapes(a), dac.grid_shape(a))
print((a * a).sum(), (a + 1).max(), a.min(), (a % 3 == 0).sum())

k = np.arange(16.0, dist=(('c', 2),))
print(dac.localshapes(k), (k / 2).sum(), np.sqrt(k).mean())

k3 = np.arange(10, dist=[('c', 3)])
print(dac.localshapes(k3), (k3 * 2 - 1).prod(), k3.var())

b2 = np.ones((5, 9), dist='bb')
print(dac.localshapes(b2), dac.grid_shape(b2), (b2 * 3).sum())

cc = np.full((3, 5), 2.0, dist=('c', 'c'))
print(dac.localshapes(cc), dac.grid_shape(cc), (cc + cc).sum())

nbc = np.zeros((2, 3, 4), dist=('n', 'b', 'c'))
print(dac.localshapes(nbc), dac.grid_shape(nbc), (nbc - 1).sum())

h = np.linspace(0.0, 1.0, 13, dist=(('b', {'halo': 1, 'periodic': True}),))
print(dac.localshapes(h), (h * h).sum(), h.max())

n = np.arange(7, dist='n')
print(dac.localshapes(n), dac.grid_shape(n), n.sum())

d = np.ones((4, 6), dist={1: 'b'})
print(dac.localshapes(d), dac.grid_shape(d), d.sum())

small = np.arange(3, dist='c')
print(dac.localshapes(small), small.sum(), small.max())
