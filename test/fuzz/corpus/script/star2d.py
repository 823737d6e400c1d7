"""A radius-2 star stencil accumulated into another array, in the style of
the Parallel Research Kernels' "stencil": B gets a weighted sum of A's
neighbours up to two cells away along each axis, then A is incremented.
Ghost rows two deep come from the neighbouring ranks every iteration.

    dac run -n 4 examples/star2d.py
"""
import dac.numpy as np

n = 64
r = 2
iterations = 10
A = np.fromfunction(lambda i, j: i + j, (n, n))
B = np.zeros((n, n))
b = n - r

for it in range(iterations + 1):
    B[r:b, r:b] += (0.125 * A[r:b, r + 1:b + 1] - 0.125 * A[r:b, r - 1:b - 1]
                    + 0.0625 * A[r:b, r + 2:b + 2] - 0.0625 * A[r:b, r - 2:b - 2]
                    + 0.125 * A[r + 1:b + 1, r:b] - 0.125 * A[r - 1:b - 1, r:b]
                    + 0.0625 * A[r + 2:b + 2, r:b] - 0.0625 * A[r - 2:b - 2, r:b])
    A += 1.0

norm = np.abs(B[r:b, r:b]).sum() / ((n - 2 * r) ** 2)
print(f"L1 norm of B's interior / points: {norm:.10f}")
print("B every 8th row and column:")
print(B[::8, ::8])
