# Random streams stay NumPy's under every layout: the draws of each element
# depend on its global position only.
import dac.numpy as np

rng = np.random.default_rng(2718)
x = rng.random(1003, dist='c')
y = rng.random((31, 7), dist='bc')
z = rng.uniform(-1.0, 1.0, size=(6, 5), dist=(('c', 2), 'n'))
w = rng.random(50)
print(x.sum(), x.max(), y.sum(), y.min(), z.sum(), w.sum())
inside = np.hypot(rng.random(1001, dist='c'), rng.random(1001, dist='c')) <= 1.0
print(4.0 * inside.sum() / 1001)
