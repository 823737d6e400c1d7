# RUN: split-file %s %t
# RUN: not dac build %t/shape.py -o %t/s 2>&1 | FileCheck %s --check-prefix=SHAPE
# RUN: not dac build %t/mixed.py -o %t/m 2>&1 | FileCheck %s --check-prefix=MIXED
# RUN: not dac build %t/rows.py -o %t/r 2>&1 | FileCheck %s --check-prefix=ROWS
# RUN: not dac build %t/values2d.py -o %t/v 2>&1 | FileCheck %s --check-prefix=VALUES2D
# RUN: dac build %t/latecount.py -o %t/lc
# RUN: not %mpirun -n 3 %t/lc 2>&1 | FileCheck %s --check-prefix=LATECOUNT
# RUN: dac build %t/late.py -o %t/l
# RUN: not %mpirun -n 2 %t/l 2>&1 | FileCheck %s --check-prefix=LATE
# Reading through a boolean mask: NumPy's IndexError when an extent
# differs (when compiling, or on every rank when running); masks of fewer
# dimensions or next to other indices are not supported yet. Writing an
# array through one: NumPy's errors when the count of values differs or
# the values are not 1-D.

#--- shape.py
import numpy as np
a = np.ones((4, 6))
print(a[np.ones((4, 5)) > 0])
# SHAPE: shape.py:3:7: error: IndexError: boolean index did not match indexed array along dimension 1; dimension is 6 but corresponding boolean dimension is 5

#--- mixed.py
import numpy as np
a = np.ones((4, 6))
print(a[a[:, 0] > 0, 1])
# MIXED: mixed.py:3:7: error: a boolean mask next to other indices, or written through with an array, is not supported yet (a[mask] reads, a[mask] = number writes)

#--- rows.py
import numpy as np
a = np.ones((4, 6))
print(a[a[:, 0] > 0])
# ROWS: rows.py:3:7: error: reading through a boolean mask of another number of dimensions than the array is not supported yet

#--- late.py
import numpy as np
n = int(np.ones(5).sum())
a = np.ones(n)
print(a[np.ones(4) > 0])
# LATE: late.py:4:7: IndexError: boolean index did not match indexed array along dimension 0; dimension is 5 but corresponding boolean dimension is 4

#--- values2d.py
import numpy as np
a = np.arange(6.0)
a[a > 2] = np.ones((3, 2))
# VALUES2D: values2d.py:3:1: error: TypeError: NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has 2 dimensions

#--- latecount.py
import numpy as np
a = np.arange(6.0)
t = a.sum() / 10.0
a[a > t] = np.ones(3)
print(a)
# LATECOUNT: dac: error: {{.*}}latecount.py:4:1: ValueError: NumPy boolean array indexing assignment cannot assign 3 input values to the 4 output values where the mask is true (all 3 ranks)
