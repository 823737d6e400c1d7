# np.argmax/np.argmin along an axis (keepdims too): the first position of
# the extreme per line, the first NaN where there is one, on several
# layouts; whole results printed.
import dac.numpy as np
rng = np.random.default_rng(5)
a = rng.random((7, 5))
print(a.argmax(axis=0), a.argmin(axis=1), np.argmax(a, axis=-1), np.argmin(a, 0))
b = np.floor(a * 3)
print(np.argmax(b, axis=1), np.argmin(b, axis=0), b.argmax(axis=1, keepdims=True).shape)
c = np.where(a > 0.8, np.nan, a)
print(np.argmax(c, axis=1), np.argmin(c, axis=0), np.argmax(c))
i = np.arange(24, dist='c').reshape(2, 3, 4) % 5
print(np.argmax(i, axis=1), np.argmin(i, axis=2), (i > 2).argmax(axis=0))
d = rng.random((9, 6), dist=('c', 'n'))
print(d.argmax(axis=0), d.argmin(axis=1))
e = rng.random((6, 8), dist='bb')
print(e.argmax(axis=1), e.argmin(axis=0))
