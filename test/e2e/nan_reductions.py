# np.nansum/nanprod/nanmax/nanmin/nanmean skip NaNs (all-NaN max/min/mean:
# nan), along axes too; ufuncs write into out= (keyword or positional, with
# NumPy's same_kind cast); np.swapaxes as a function.
import numpy as np

x = np.log(np.linspace(-0.5, 2.0, 11))
print(x, np.nansum(x), np.nanprod(x + 1.0), np.nanmax(x), np.nanmin(x), np.nanmean(x))
m = np.log(np.arange(-3.0, 9.0).reshape(3, 4))
print(np.nanmax(m, axis=0), np.nanmin(m, axis=1), np.nanmean(m, axis=1, keepdims=True))
print(np.nansum(m, axis=(0, 1)), np.nanmax(np.full(3, np.nan)), np.nansum(np.arange(5)))
f = np.log(np.linspace(-1.0, 3.0, 9).astype(np.float32))
print(np.nanmax(f), np.nanmean(f), np.nansum(f).dtype)

y = np.zeros(5)
np.add(np.arange(5.0), 1.0, out=y)
np.multiply(y, y, y)
i = np.arange(5)
np.add(i, 2, out=i)
r = np.sqrt(y, out=np.empty(5))
print(y, i, r, np.negative(y, out=(y,))[0])

b = np.arange(24.0).reshape(4, 3, 2)
print(np.swapaxes(b, 0, 2).shape, np.swapaxes(b, 0, 2)[1, 2], np.swapaxes(b, -1, 1)[3])
