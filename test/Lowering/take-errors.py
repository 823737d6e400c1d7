# RUN: split-file %s %t
# RUN: not dac build %t/float.py -o %t/f 2>&1 | FileCheck %s --check-prefix=FLOAT
# RUN: not dac build %t/update.py -o %t/u 2>&1 | FileCheck %s --check-prefix=UPDATE
# RUN: dac build %t/bounds.py -o %t/b
# RUN: not %mpirun -n 3 %t/b 2>&1 | FileCheck %s --check-prefix=BOUNDS
# Reading with an index array: a float index array is NumPy's IndexError
# when compiling; an index out of range, found on one rank only, stops
# every rank with NumPy's message; an integer array next to other indices
# is not supported yet (for reading or writing).

#--- float.py
import numpy as np
a = np.arange(5)
print(a[np.ones(2)])
# FLOAT: float.py:3:7: error: arrays used as indices must be of integer (or boolean) type

#--- bounds.py
import numpy as np
a = np.arange(10.0)
idx = np.arange(9) * 2 - 5
print(a[idx])
# BOUNDS: bounds.py:4:7: IndexError: index 11 is out of bounds for axis 0 with size 10 (all 3 ranks)

#--- update.py
import numpy as np
a = np.ones((4, 3))
a[np.arange(3), 1] += 1.0
# UPDATE: update.py:3:1: error: indexing with an integer array next to other indices, or writing through one, is not supported yet (a[idx] reads rows)
