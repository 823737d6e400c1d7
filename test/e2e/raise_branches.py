# Python raises an exception only when the statement runs: arithmetic that
# is known to fail when compiling, inside a branch that never runs (on a
# value known only at run time), must not stop the program, and the names
# the other branch binds are bound after the `if`.
import math
import numpy as np

a = np.arange(6.0)
n = int(a.sum())  # 15, known only at run time
big = n > 100

if big:
    x = 2**62 * 4
    print("never", x)
else:
    x = n * 2
print(x)

if not big:
    y = a * 2
else:
    y = a / 0
    z = 1 // 0
    w = math.sqrt(-1.0)
print(y)

if big:
    v = int(float("nan"))
elif n > 10:
    v = 3
else:
    v = 1 << -3
print(v)

if big:
    if n > 200:
        u = 10**30
    else:
        u = math.exp(1000.0)
    print("never", u)
else:
    u = 1.5
print(u)


def scale(k):
    if k > 100:
        return k * 2**63
    return k + 1


print(scale(n))

for i in range(3):
    if i + n > 1000:
        t = float(2**64 * 2**64)
        print(t)
    else:
        t = a[i]
    print(i, t)

while n > 12:
    if n > 99:
        m = 0 // 0
    else:
        m = n - 1
    n = m
print(n)

# NumPy's errors in a branch that never runs: broadcasting, indices.
if big:
    bad = a[4:] - a[:-1]
    print(bad, a[10])
    c = a.reshape(4, 4)
else:
    bad = a[1:] - a[:-1]
print(bad)

# A raise in a loop unrolled when compiling ends the loop and the branch.
if big:
    for k in (1, 2, 3):
        print("never", k)
        q = 2**62 * (k + 3)
    print("never", q)
    q = 0
else:
    q = 7
print(q)

# Loops compiled as loops whose bodies would raise, but run no iteration.
none = n - n
for k in range(none):
    print("never", k)
    q = 2**62 * (k + 3)
    w = a[100]
while none > 0:
    none = none // 0
print(q, none)

# Conditional expressions on run-time conditions: only the chosen arm runs,
# its checks included (an index valid only where it is chosen, a divisor
# non-zero only there), and an arm known to raise raises only if chosen.
k = n + 4
v = a[k] if k < 4 else -1.0
d = 100 // (k - 10) if k != 10 else 0
e = 7 if k > 2 else 1 // 0
f = 2**62 * 4 if k == 100 else k + 0.5
g = a[10] if k < 2 else a * 2
print(v, d, e, f, g)

# `and` and `or` evaluate an operand only if the ones before do not decide.
ok = k < 4 and a[k] > 0
far = k > 3 or 100 // (k - k) > 3
never = False and 1 // 0
print(ok, far, never, k > 4 and k - 1, k < 4 or k + 0.5)
