# RUN: dac build %s -o %t
# RUN: not %mpirun -n 3 %t > %t.out 2> %t.err
# RUN: FileCheck %s --check-prefix=ERR < %t.err
# RUN: FileCheck %s --check-prefix=OUT < %t.out

# Tests that a failing assert stops every rank with one message naming the
# script line (reported once, by rank 0), a non-zero status and no hang;
# output before it is kept.
import numpy as np

total = np.arange(4).sum()
print("before", total)
assert total == 7, "the total is wrong"
print("after")

# ERR: dac: error: {{.*}}assert-fails.py:13:1: AssertionError: the total is wrong (all 3 ranks)
# ERR-NOT: dac: error
# OUT: before 6
# OUT-NOT: after
