# RUN: split-file %s %t
# RUN: not dac build %t/shape.py -o %t/s 2>&1 | FileCheck %s --check-prefix=SHAPE
# RUN: not dac build %t/mixed.py -o %t/m 2>&1 | FileCheck %s --check-prefix=MIXED
# RUN: not dac build %t/apart.py -o %t/ap 2>&1 | FileCheck %s --check-prefix=APART
# RUN: not dac build %t/toomany.py -o %t/tm 2>&1 | FileCheck %s --check-prefix=TOOMANY
# RUN: not dac build %t/deeper.py -o %t/dp 2>&1 | FileCheck %s --check-prefix=DEEPER
# RUN: not dac build %t/values2d.py -o %t/v 2>&1 | FileCheck %s --check-prefix=VALUES2D
# RUN: dac build %t/latecount.py -o %t/lc
# RUN: not %mpirun -n 3 %t/lc 2>&1 | FileCheck %s --check-prefix=LATECOUNT
# RUN: dac build %t/late.py -o %t/l
# RUN: not %mpirun -n 2 %t/l 2>&1 | FileCheck %s --check-prefix=LATE
# Reading through a boolean mask: NumPy's IndexError when an extent
# differs (when compiling, or on every rank when running), and too many
# indices; integers apart from a mask (NumPy moves the dimensions), and
# writing through a mask next to other indices, are not supported yet.
# Writing an
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
a[a[:, 0] > 0, 1] = 5.0
# MIXED: mixed.py:3:1: error: a boolean mask next to other indices is supported for reading, with no other array among them, but not yet for writing (a[mask] = v writes)

#--- apart.py
import numpy as np
t = np.ones((3, 4, 5))
print(t[0, :, t[0, 0] > 0])
# APART: apart.py:3:7: error: a boolean mask and integer indices apart from each other (NumPy moves their dimension first) are not supported yet

#--- toomany.py
import numpy as np
a = np.ones((4, 6))
print(a[np.ones((4, 6)) > 0, 1])
# TOOMANY: toomany.py:3:7: error: too many indices for array: array is 2-dimensional, but 3 were indexed

#--- deeper.py
import numpy as np
a = np.ones(4)
print(a[np.ones((4, 2)) > 0])
# DEEPER: deeper.py:3:7: error: too many indices for array: array is 1-dimensional, but 2 were indexed

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
