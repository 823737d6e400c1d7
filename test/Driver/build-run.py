# RUN: dac build %s -o %t
# RUN: %mpirun -n 1 %t | FileCheck %s
# RUN: %mpirun -n 3 %t | FileCheck %s
# RUN: %mpirun -n 4 %t | FileCheck %s
# RUN: dac run -n 2 %s | FileCheck %s

# Tests that a built program prints once (rank 0 only) and the same numbers
# on any number of ranks, and that `dac run` builds and runs it.
import numpy as np

n = 10
a = np.arange(n)
print("sum:", a.sum(), "mean:", a.mean())
print(np.ones(3).sum() == 3.0)

# CHECK: sum: 45 mean: 4.5
# CHECK-NEXT: True
# CHECK-NOT: sum
