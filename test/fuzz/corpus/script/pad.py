# np.pad in every supported mode, per-dimension widths, corners, a
# periodic stencil written with np.pad(mode='wrap'); 1-D and 2-D, uneven
# splits on 1-4 ranks.
import numpy as np
a = np.arange(12.0).reshape(3, 4)
for mode in ['constant', 'edge', 'wrap', 'reflect', 'symmetric']:
    print(mode)
    print(np.pad(a, 1, mode=mode))
    print(np.pad(a, ((2, 1), (0, 2)), mode=mode))
print(np.pad(a, (1, 2), constant_values=7.5))
v = np.arange(5)
print(np.pad(v, (3, 2), mode='symmetric'), np.pad(v, 4, mode='reflect'), np.pad(v, (5, 0), mode='wrap'))
u = np.linspace(0.0, 1.0, 9)
for it in range(3):
    p = np.pad(u, 1, mode='wrap')
    u = 0.5 * u + 0.25 * (p[:-2] + p[2:])
print(u)
# Edge pads of any width, and every mode on an array whose extent is known
# only when running.
s = np.arange(3.0)
print(np.pad(s, (0, 3), mode='edge'), np.pad(np.arange(1.0), 1, mode='edge'))
k = int(np.ones(6).sum())
y = (np.arange(10.0) ** 2)[:k]
for mode in ['edge', 'wrap', 'reflect', 'symmetric']:
    print(mode, np.pad(y, 2, mode=mode), np.pad(y, (0, 5), mode=mode))
m = np.arange(12.0).reshape(3, 4)
print(np.pad(m, ((3, 0), (1, 4)), mode='edge'), np.pad(m, ((2, 2), (3, 3)), mode='reflect'))
