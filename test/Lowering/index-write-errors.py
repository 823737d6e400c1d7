# RUN: split-file %s %t
# RUN: not dac build %t/shape.py -o %t/s 2>&1 | FileCheck %s --check-prefix=SHAPE
# RUN: not dac build %t/float.py -o %t/f 2>&1 | FileCheck %s --check-prefix=FLOAT
# RUN: not dac build %t/mixed.py -o %t/m 2>&1 | FileCheck %s --check-prefix=MIXED
# RUN: dac build %t/late.py -o %t/l
# RUN: not %mpirun -n 3 %t/l 2>&1 | FileCheck %s --check-prefix=LATE
# RUN: dac build %t/lateshape.py -o %t/ls
# RUN: not %mpirun -n 2 %t/ls 2>&1 | FileCheck %s --check-prefix=LATESHAPE
# Writing at integer indices: NumPy's errors for values that do not fit
# the indexing result (when compiling, or on every rank when running),
# float indices, and indices out of range (every rank stops, naming the
# line); integer arrays next to other indices are not supported yet.

#--- shape.py
import numpy as np
a = np.zeros(10)
a[np.array([1, 2])] = np.ones(3)
# SHAPE: shape.py:3:1: error: shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)

#--- float.py
import numpy as np
a = np.zeros(10)
np.add.at(a, np.array([1.0]), 1.0)
# FLOAT: float.py:3:1: error: arrays used as indices must be of integer (or boolean) type

#--- mixed.py
import numpy as np
a = np.zeros((3, 4))
a[np.array([1]), 2] = 1.0
# MIXED: mixed.py:3:1: error: indexing with an integer array next to other indices, or writing through one, is not supported yet (a[idx] reads rows)

#--- late.py
import numpy as np
a = np.zeros(10)
i = np.arange(4) * 4
a[i] += 1.0
print(a)
# LATE: dac: error: {{.*}}late.py:4:6: IndexError: index 12 is out of bounds for axis 0 with size 10 (all 3 ranks)

#--- lateshape.py
import numpy as np
a = np.zeros(10)
i = np.arange(6)
a[i[i > 2]] = np.ones(2)
# LATESHAPE: dac: error: {{.*}}lateshape.py:4:1: ValueError: shape mismatch: value array of shape (2,) could not be broadcast to indexing result of shape (3,) (all 2 ranks)
