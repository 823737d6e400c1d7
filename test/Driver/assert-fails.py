# RUN: dac build %s -o %t
# RUN: not %mpirun -n 3 %t > %t.out 2> %t.err
# RUN: FileCheck %s --check-prefix=ERR < %t.err
# RUN: FileCheck %s --check-prefix=OUT < %t.out

# Tests that a failing assert stops every rank with one message naming the
# script line, a non-zero status and no hang; output before it is kept.
import numpy as np

total = np.arange(4).sum()
print("before", total)
assert total == 7, "the total is wrong"
print("after")

# ERR: dac: error: {{.*}}assert-fails.py:12:1: AssertionError: the total is wrong (rank {{[0-9]}} of 3)
# OUT: before 6
# OUT-NOT: after
