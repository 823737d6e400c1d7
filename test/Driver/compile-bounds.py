# RUN: %python %s > %t.py
# RUN: timeout 120 dac build %t.py -o %t
# RUN: %python %t.py > %t.numpy
# RUN: %mpirun -n 2 %t > %t.dac
# RUN: diff %t.numpy %t.dac
# Compile time stays bounded where fusion used to grow exponentially: each
# step reads the array before it three times, and np.arange reads nothing,
# so every step used to be recomputed in each of its three readers (3^n).
# This file prints the script: 300 such steps, then the result.
print("import numpy as np")
print("a = np.arange(1000.0)")
for _ in range(300):
    print("a = np.where(a > 10, a - 1.0, a + 1.0)")
print("print(a.sum(), a.min(), a.max())")
