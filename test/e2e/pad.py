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
