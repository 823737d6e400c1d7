"""Jacobi iteration for Laplace's equation on a square plate: the top edge
is held at 1, the others at 0. Each sweep averages the four neighbours of
every interior point, written with shifted slices; the two grids swap
roles every sweep. Distributed in blocks of rows, each rank computes its
own rows and receives one ghost row from each neighbour per sweep,
overlapped with the rows that need none.

    dac run -n 4 examples/jacobi2d.py
"""
import dac.numpy as np

n = 32
sweeps = 60
u = np.zeros((n, n))
u[0, :] = 1.0
un = u.copy()

for it in range(sweeps):
    un[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    u, un = un, u

print(f"after {sweeps} sweeps: mean {u.mean():.10f}, centre {u[n // 2, n // 2]:.10f}")
print("column n/2, every 4th row:", u[::4, n // 2])
