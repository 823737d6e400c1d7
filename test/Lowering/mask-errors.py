# RUN: split-file %s %t
# RUN: not dac build %t/shape.py -o %t/s 2>&1 | FileCheck %s --check-prefix=SHAPE
# RUN: not dac build %t/mixed.py -o %t/m 2>&1 | FileCheck %s --check-prefix=MIXED
# RUN: not dac build %t/rows.py -o %t/r 2>&1 | FileCheck %s --check-prefix=ROWS
# RUN: dac build %t/late.py -o %t/l
# RUN: not %mpirun -n 2 %t/l 2>&1 | FileCheck %s --check-prefix=LATE
# Reading through a boolean mask: NumPy's IndexError when an extent
# differs (when compiling, or on every rank when running); masks of fewer
# dimensions or next to other indices are not supported yet.

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
