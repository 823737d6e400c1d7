# RUN: dac build %s -o %t
# RUN: not %mpirun -n 2 %t > %t.out 2> %t.err
# RUN: FileCheck %s < %t.err
# RUN: FileCheck %s --check-prefix=OUT < %t.out

# Tests that an index known only at run time is checked: out of bounds, all
# ranks stop with NumPy's IndexError (the index as given, negative too) at
# the script line, and MPICH adds nothing after dac's one line.
import numpy as np

a = np.arange(5)
i = int(a.sum())
print("index", i)
print(a[i - 16])

# CHECK: dac: error: {{.*}}index-error.py:14:7: IndexError: index -6 is out of bounds for axis 0 with size 5 (all 2 ranks)
# CHECK-NOT: Abort
# OUT: index 10
