# RUN: split-file %s %t
# RUN: not dac build %t/join.py -o %t/j 2>&1 | FileCheck %s --check-prefix=JOIN
# RUN: not dac build %t/ndim.py -o %t/n 2>&1 | FileCheck %s --check-prefix=NDIM
# RUN: not dac build %t/stack.py -o %t/s 2>&1 | FileCheck %s --check-prefix=STACK
# RUN: not dac build %t/axis.py -o %t/a 2>&1 | FileCheck %s --check-prefix=AXIS
# RUN: not dac build %t/diag.py -o %t/d 2>&1 | FileCheck %s --check-prefix=DIAG
# RUN: not dac build %t/order.py -o %t/o 2>&1 | FileCheck %s --check-prefix=ORDER
# RUN: not dac build %t/out.py -o %t/out 2>&1 | FileCheck %s --check-prefix=OUT
# RUN: dac build %t/stacklate.py -o %t/sl
# RUN: not %mpirun -n 2 %t/sl 2>&1 | FileCheck %s --check-prefix=STACKLATE
# RUN: dac build %t/runtime.py -o %t/rt
# RUN: not %mpirun -n 2 %t/rt 2>&1 | FileCheck %s --check-prefix=RUNTIME
# Joins and rearrangements with NumPy's messages, when compiling or (extents
# known only when running) on every rank.

#--- join.py
import numpy as np
c = np.concatenate((np.ones((2, 5)), np.ones((2, 3))))
# JOIN: join.py:2:5: error: all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 5 and the array at index 1 has size 3

#--- ndim.py
import numpy as np
c = np.concatenate((np.ones((2, 5)), np.ones(3)))
# NDIM: ndim.py:2:5: error: all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)

#--- stack.py
import numpy as np
c = np.stack((np.ones(3), np.ones(4)))
# STACK: stack.py:2:5: error: all input arrays must have the same shape

#--- axis.py
import numpy as np
c = np.flip(np.ones(3), 1)
# AXIS: axis.py:2:5: error: axis 1 is out of bounds for array of dimension 1

#--- diag.py
import numpy as np
c = np.diag(np.ones((2, 2, 2)))
# DIAG: diag.py:2:5: error: Input must be 1- or 2-d.

#--- runtime.py
import numpy as np
k = int(np.ones(3).sum())
print(np.concatenate((np.ones((2, k)), np.ones((4, 5)))))
# RUNTIME: runtime.py:3:7: ValueError: all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 5

#--- order.py
import numpy as np
m = np.arange(12.0).reshape(3, 4)
print(m.reshape(4, 3, order='F'))
# ORDER: order.py:3:7: error: order='F' is not supported yet; only order='C' is

#--- out.py
import numpy as np
c = np.zeros(6)
np.concatenate((np.ones(3), np.ones(3)), out=c)
# OUT: out.py:3:1: error: concatenate() got an unexpected keyword argument 'out'

#--- stacklate.py
import numpy as np
k = int(np.ones(5).sum())
print(np.stack((np.ones(k), np.ones(4))))
# STACKLATE: stacklate.py:3:7: ValueError: all input arrays must have the same shape
