# Reading single elements a[i], a[i, j] (negative indices too) of arrays of
# every layout: the owner offers it, every rank gets it.
import dac.numpy as np

a = np.arange(10) * 1.5
print(a[0], a[3], a[-1], a[9] - a[-10])
m = np.fromfunction(lambda i, j: i * 10 + j, (5, 4), dist='cb')
print(m[0, 0], m[4, 3], m[-1, -2], m[2, 1] + m[1, 2])
rng = np.random.default_rng(3)
r = rng.random(1001, dist='c')
print(r[0], r[500], r[-1], r[1000] == r[-1])
z = np.array([-0.0, 1.0, np.nan])
print(z[0], z[2], np.array([True, False])[1], np.arange(5, dist='c')[4])
total = 0.0
for k in range(5):
    total += a[2 * k]
print(total)
