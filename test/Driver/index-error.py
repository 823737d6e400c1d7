# RUN: dac build %s -o %t
# RUN: not %mpirun -n 2 %t > %t.out 2> %t.err
# RUN: FileCheck %s < %t.err
# RUN: FileCheck %s --check-prefix=OUT < %t.out

# Tests that an index known only at run time is checked: out of bounds, all
# ranks stop with IndexError at the script line.
import numpy as np

a = np.arange(5)
i = int(a.sum())
print("index", i)
print(a[i])

# CHECK: dac: error: {{.*}}index-error.py:13:7: IndexError: index out of bounds for axis 0 (all 2 ranks)
# OUT: index 10
