# Loops with trip counts known when compiling (unrolled): accumulation in
# scalars and arrays, nested loops, break/continue/else, while.
import numpy as np

total = 0
for i in range(10):
    if i % 3 == 0:
        continue
    total += i * i
print("total", total)

a = np.zeros(1000)
for k in range(1, 6):
    a = a + k * np.ones(1000)
    a *= 0.5
print(a.sum(), a.max())

rng = np.random.default_rng(11)
acc = 0.0
for step in range(4):
    x = rng.random(257)
    acc += x.mean()
print(acc)

for n in (3, 5, 8):
    for m in [1, 2]:
        print(n, m, np.arange(n * m).sum())

for i in range(100):
    if i * i > 50:
        break
else:
    print("no break")
print("stopped at", i)

for i in range(3):
    pass
else:
    print("else ran", i)

j = 0
while j < 5:
    j += 2
print("j", j)


def powers(base, count):
    out = 1
    result = 0
    for _ in range(count):
        out *= base
        result += out
    return result


print(powers(2, 10), powers(3, 4))
