# RUN: %python %s > %t.py
# RUN: timeout 60 dac build %t.py -o %t
# RUN: %python %t.py > %t.numpy
# RUN: %mpirun -n 3 %t > %t.dac
# RUN: diff %t.numpy %t.dac
# Compile time stays linear in the length of literal data: a 50,000-element
# np.array literal (a constant table, not a chain of selects: that took
# minutes) and a 20,000-element list summed by Python's sum(). This file
# prints the script.
import random

random.seed(7)
values = ", ".join(str(random.randrange(-999, 1000)) for _ in range(50000))
print("import numpy as np")
print(f"a = np.array([{values}], dtype=np.float64) / 8")
print("print(a[:3], a[-3:], a[25000], a.shape, (a * a).max())")
items = ", ".join(str(k % 89) for k in range(20000))
print(f"L = [{items}]")
print("print(sum(L), max(L), len(L))")
