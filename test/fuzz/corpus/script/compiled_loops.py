# Loops whose trip counts are known only at run time are compiled as loops:
# run-time bounds and steps (negative too), zero trips, nesting, while on a
# reduction, break/continue/else on run-time conditions, numbers and arrays
# carried, random draws at the right stream positions, int -> float.
import numpy as np

ones = np.ones(6)
n = int(ones.sum())            # 6, known only at run time
m = n - 2                  # 4

total = 0
for i in range(n):
    total += i * i
print("squares", total, "last", i)

acc = 0
for k in range(n, -n, -3):
    acc = acc * 10 + k
print("down", acc, k)

empty = 7
for k in range(n, 0):
    empty += 1
print("zero trips", empty)

step = n // 3
s = 0
for k in range(1, 5 * n, step):
    s += k
print("runtime step", s)

pairs = 0
for a in range(n):
    for b in range(a, m):
        pairs += a * b
print("nested", pairs)

# Arrays carried by a loop: print them whole so that a misplaced element
# shows.
x = np.arange(10.0)
for it in range(n):
    x = x * 0.5 + it
print(x)

y = np.zeros(7, dtype=np.int64)
for it in range(n):
    y += np.arange(7) * it
print(y)

# while on a reduction: a convergence loop.
u = np.linspace(0.0, 1.0, 11)
sweeps = 0
while np.abs(u).max() > 1e-3:
    u = u * 0.5
    sweeps += 1
print("sweeps", sweeps, u.sum())

# break / continue / else on run-time conditions.
found = -1
for k in range(n * 10):
    if k % 4 == 3:
        continue
    if k * k > 40 + n:
        found = k
        break
else:
    found = -2
print("found", found)

hits = 0
for k in range(n):
    if k > 100:
        break
    hits += 1
else:
    print("no break, hits", hits)

j = 0
while True:
    j += 1
    if j >= n:
        break
print("while True", j)

# Random draws inside a loop take their stream positions at run time.
rng = np.random.default_rng(2024)
draws = 0.0
for k in range(n):
    draws += rng.random(5 + k).sum()
tail = rng.random(3)
print(draws, tail)

# An if on a run-time value may draw numbers and update arrays in place.
z = np.ones(5)
for k in range(n):
    if k % 2 == 0:
        z *= 2.0
        w = rng.random()
    else:
        z += 1.0
print(z, rng.random())

# A number that becomes a float inside the loop is a float after it.
f = 0
for k in range(n):
    f += 0.25
print("float", f)

# A long loop compiles like a short one.
c = 0
for k in range(n * 1_000_000):
    c += k % 7
print("long", c)

# Slices whose bounds are known only at run time, assigned arrays.
q = np.arange(12.0)
for k in range(1, n):
    q[k:k + 3] = q[k + 1:k + 4] * 0.5
print(q)
u = np.zeros(n * 2)
u[0] = 1.0
for it in range(n):
    u[1:-1] = 0.5 * (u[:-2] + u[2:])
print(u)

# Arrays of run-time extents updated in a loop; names first bound inside a
# loop known to run are defined after it.
z = np.zeros(n + 5)
for it in range(3):
    z += 1.0
    z[1:] = z[:-1] * 0.5
print(z)
w = np.arange(8.0)
for it in range(n):
    w = 2.0 * w[::-1]
for it in range(100):
    nxt = w * 0.5
    d = np.abs(nxt - w).max()
    w = nxt
print(w, d, it)

# NumPy scalars next to arrays do not widen them (value-based casting).
f32 = np.ones(3, np.float32) * np.float32(0.1)
print((f32 - w.mean()).dtype, (f32 * np.float64(2.5)).dtype, f32 * np.float64(2.5))

# A name first bound in a `while True` loop (it runs at least once).
v = np.linspace(0.0, 1.0, 11)
steps_taken = 0
while True:
    halved = v * 0.5
    change = np.abs(halved - v).max()
    v = halved
    steps_taken += 1
    if change < 1e-3:
        break
print(steps_taken, change, v[-1])
