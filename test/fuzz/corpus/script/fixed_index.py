# Assignments that fix an index (boundary rows and columns, single
# elements), inside and outside loops, on row blocks, 2-D and 3-D process
# grids and column blocks: each rank updates the part it owns in place.
import dac.numpy as np
for dist in ['b', 'bb', 'nb']:
    u = np.zeros((7, 5), dist=dist)
    u[0, :] = 1.0
    u[:, -1] = 0.5
    u[3, 1:4] = np.arange(3.0)
    u[2, 2] = 9.0
    for it in range(3):
        u[-1, :] = u[1, :] * 2.0
        u[:, 0] = u[:, -2] + u[:, 1]
        u[1:-1, 1:-1] = 0.5 * (u[:-2, 1:-1] + u[2:, 1:-1])
    print(u)
t = np.ones((4, 5, 6), dist='bbb')
t[1, :, 2] = 3.0
t[:, 2, :] = t[:, 3, :] * 2.0
print(t.sum(), t[1, 2, 2])

# Two arrays entering a loop as one value (CSE makes the two zeros one;
# `w = u.copy()` is u as a value), each updated in place: each has its own
# buffer.
u = np.zeros((4, 4))
v = np.zeros((4, 4))
for it in range(3):
    u[0, :] = 1.0
    v[:, 0] = 2.0
    print(v.sum())
print(u.sum())
u = np.zeros(3)
w = u.copy()
for it in range(2):
    u[0] = 1.0
    w[1] = 5.0
    print(w)
u = np.ones(5)
w = u.copy()
for it in range(3):
    u[0] = 3.0
    print(w.sum(), u.sum())
    w[1] = 1.0
    u, w = w, u
