# RUN: dac build %s -o %t
# RUN: env DAC_STATS=1 %mpirun -n 2 %t 2>&1 >/dev/null | FileCheck %s --check-prefix=TABLE
# RUN: %mpirun -n 2 %t | FileCheck %s --check-prefix=OUT

# Tests that a transpose moves the least it must: on 2 ranks, the 6x4
# row-block array (3 rows each) becomes a 4x6 row-block one (2 rows each);
# each rank sends the other the 2 x 3 elements whose row moves to it: 2
# messages, 96 bytes in all (its other 2 x 3 elements it copies itself).
import numpy as np

A = np.arange(24.0).reshape(6, 4)
for k in range(int(np.ones(1).sum())):
    A = A * 1.0 + 1.0
T = A.T.copy()
print(T[1], T.sum())

# OUT: [ 2.  6. 10. 14. 18. 22.] 300.0

# TABLE: communication      messages           bytes      self bytes     seconds
# TABLE: exchange                  2              96 
