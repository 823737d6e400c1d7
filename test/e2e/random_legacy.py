# The legacy np.random functions (the global RandomState on MT19937) give
# NumPy's numbers on every layout and rank count: rand/random_sample take
# two 32-bit words per element, randn keeps the second normal of each pair,
# randint rejects by masking, and seed restarts the stream, also inside
# loops, branches and functions.
import dac.numpy as np

np.random.seed(2024)
print(np.random.rand(3, 4))
print(np.random.randn(5), np.random.randn(), np.random.randn(2))
print(np.random.randint(0, 10, size=7), np.random.randint(5), np.random.rand())
print(np.random.random_sample(3), np.random.random((2, 2)), np.random.ranf(2))
print(np.random.normal(1.0, 2.0, size=3), np.random.uniform(-1, 1, size=4))
print(np.random.standard_normal(3), np.random.randint(-2**40, 2**40, size=3))
print(np.random.randint(0, 2**31 + 1, size=5), np.random.normal(), np.random.uniform())

# Layouts, including empty chunks and a 2-D grid.
a = np.random.rand(7, 5, dist='cb')
b = np.random.randn(3, 9, dist=('b', ('c', 2)))
c = np.random.randint(0, 100, size=(2, 3), dist='n')
print(a)
print(b)
print(c, np.random.rand(2))

x = np.random.rand(100001)
print(x[::9999], x.max())
np.random.seed(7)
z = np.random.randn(20001)
print(z[::1999], (z > 3.0).sum(), np.random.rand())

# Seeding inside a loop, drawing in a branch and in a function.
total = 0.0
for i in range(4):
    np.random.seed(i * 11)
    v = np.random.randn(3)
    if v[0] > 0:
        total = total + np.random.rand()
    total = total + v.sum()
print(total, np.random.randint(0, 1000, size=2))

def noisy(a):
    a[1:3] = np.random.randn(2)
    return np.random.randint(0, 100, size=3)

buf = np.zeros(4)
print(noisy(buf), buf, noisy(buf), np.random.rand())
