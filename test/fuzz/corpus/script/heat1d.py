"""Heat diffusion in a rod: explicit finite differences on shifted slices,
iterated until the largest change falls below a tolerance (a `while` on a
reduction). The ends are held at fixed temperatures.

    dac run -n 4 examples/heat1d.py
"""
import dac.numpy as np

n = 64
alpha = 0.4                      # diffusion number (stable below 0.5)
u = np.zeros(n)
u[0] = 100.0                     # hot end
u[-1] = 20.0                     # cool end

change = 1.0
steps = 0
while change > 0.5 and steps < 60:
    new = u.copy()
    new[1:-1] = u[1:-1] + alpha * (u[:-2] - 2.0 * u[1:-1] + u[2:])
    change = np.abs(new - u).max()
    u = new
    steps += 1

print(f"{steps} steps, last change {change:.4f}")
print("temperature every 8 cells:", u[::8])
print(f"mean temperature {u.mean():.6f}")
