# conformance: rtol=1e-5
# Float32 sums along the last (contiguous) axis are pairwise in NumPy, far
# more accurate than adding one by one in float32: dac accumulates them in
# float64, within SCRIPT_LANGUAGE.md's float32 tolerance of NumPy on every
# rank count (adding one by one was 1% off here).
import numpy as np
a = np.full((2, 1000000), 0.1, dtype=np.float32)
print(np.sum(a, axis=1), a.mean(axis=1), np.sum(a))
b = np.full((3, 5, 40000), 0.1, dtype=np.float32)
print(b.sum(axis=2)[0, :3], b.sum(axis=(1, 2)))
d = (np.arange(60000, dtype=np.float32) % 7).reshape(3, 20000)
print(d.std(axis=1), d.mean(axis=1))
c = np.full((40, 3), 0.1, dtype=np.float32)
print(c.sum(axis=0))
