# np.roll along axes (negative, larger than the extent, run-time loops):
# game of life on a torus, written with rolls.
import numpy as np
a = np.arange(10.0)
print(np.roll(a, 3), np.roll(a, -2), np.roll(a, 13), np.roll(a, 0))
g = (np.arange(30) % 7 < 3).astype(np.int64).reshape(5, 6)
n = (np.roll(g, 1, axis=0) + np.roll(g, -1, axis=0) + np.roll(g, 1, axis=1)
     + np.roll(g, -1, axis=1) + np.roll(np.roll(g, 1, axis=0), 1, axis=1))
print(n)
s = int(a[2])
for it in range(s):
    g = np.roll(g, (1, 2), axis=(0, 1))
print(g)
life = np.zeros((6, 6), dtype=np.int64)
life[1, 2] = 1
life[2, 3] = 1
life[3, 1:4] = 1
for step in range(4):
    nb = np.zeros((6, 6), dtype=np.int64)
    for i in (-1, 0, 1):
        for j in (-1, 0, 1):
            if i != 0 or j != 0:
                nb += np.roll(np.roll(life, i, 0), j, 1)
    life = ((nb == 3) | ((life == 1) & (nb == 2))).astype(np.int64)
print(life)
