# RUN: split-file %s %t
# RUN: not dac build %t/scalar.py -o %t/s 2>&1 | FileCheck %s --check-prefix=SCALAR
# RUN: not test -e %t/s
# RUN: not dac build %t/core.py -o %t/c 2>&1 | FileCheck %s --check-prefix=CORE
# RUN: not dac build %t/dot.py -o %t/d 2>&1 | FileCheck %s --check-prefix=DOT
# RUN: not dac build %t/stack.py -o %t/st 2>&1 | FileCheck %s --check-prefix=STACK
# RUN: not dac build %t/deep.py -o %t/dp 2>&1 | FileCheck %s --check-prefix=DEEP
# RUN: not dac build %t/dot3.py -o %t/d3 2>&1 | FileCheck %s --check-prefix=DOT3
# RUN: dac build %t/stacklate.py -o %t/sl
# RUN: not %mpirun -n 2 %t/sl 2>&1 | FileCheck %s --check-prefix=STACKLATE
# RUN: not dac build %t/inplace.py -o %t/i 2>&1 | FileCheck %s --check-prefix=INPLACE
# RUN: not dac build %t/outer.py -o %t/o 2>&1 | FileCheck %s --check-prefix=OUTER
# RUN: not dac build %t/out.py -o %t/out 2>&1 | FileCheck %s --check-prefix=OUT
# RUN: not dac build %t/scalarupdate.py -o %t/su 2>&1 | FileCheck %s --check-prefix=SCALARUPDATE
# RUN: dac build %t/dotlate.py -o %t/dr
# RUN: not %mpirun -n 2 %t/dr 2>&1 | FileCheck %s --check-prefix=DOTLATE
# RUN: dac build %t/runtime.py -o %t/rt
# RUN: not %mpirun -n 2 %t/rt 2>&1 | FileCheck %s --check-prefix=RUNTIME
# Matrix products with NumPy's messages: operands without dimensions,
# contracted extents that differ (when compiling, or when running), stacks
# of different lengths (when compiling, or when running), arrays of more
# than 3 dimensions (not supported yet) and `@=` (NumPy does not support
# it).

#--- scalar.py
import numpy as np
a = np.ones((3, 3))
b = 2.0 @ a
# SCALAR: scalar.py:3:9: error: matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)
# SCALAR-NEXT: b = 2.0 @ a

#--- core.py
import numpy as np
a = np.ones((2, 3))
c = a @ np.ones((4, 5))
# CORE: core.py:3:7: error: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 4 is different from 3)

#--- dot.py
import numpy as np
c = np.dot(np.ones((2, 3)), np.ones(4))
# DOT: dot.py:2:5: error: shapes (2,3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)

#--- stack.py
import numpy as np
c = np.ones((2, 3, 4)) @ np.ones((3, 4, 5))
# STACK: stack.py:2:24: error: operands could not be broadcast together with remapped shapes [original->remapped]: (2,3,4)->(2,newaxis,newaxis) (3,4,5)->(3,newaxis,newaxis)  and requested shape (3,5)

#--- stacklate.py
import numpy as np
s = int(np.ones(3).sum())
print(np.ones((s, 2, 2)) @ np.ones((2, 2, 4)))
# STACKLATE: stacklate.py:3:7: ValueError: operands could not be broadcast together with remapped shapes [original->remapped]: (3,2,2)->(3,newaxis,newaxis) (2,2,4)->(2,newaxis,newaxis)  and requested shape (2,4)

#--- deep.py
import numpy as np
c = np.ones((2, 2, 3, 3)) @ np.ones((3, 3))
# DEEP: deep.py:2:27: error: matrix products of arrays with more than 3 dimensions are not supported yet

#--- dot3.py
import numpy as np
c = np.dot(np.ones((2, 3, 3)), np.ones((3, 3)))
# DOT3: dot3.py:2:5: error: np.dot and np.inner of arrays with more than 2 dimensions are not supported yet

#--- inplace.py
import numpy as np
a = np.ones((3, 3))
a @= a
# INPLACE: inplace.py:3:3: error: TypeError: In-place matrix multiplication is not (yet) supported. Use 'a = a @ b' instead of 'a @= b'.

#--- outer.py
import numpy as np
c = np.outer(np.ones((2, 2)), np.ones(3))
# OUTER: outer.py:2:5: error: np.outer of anything but two 1-D arrays is not supported yet

#--- runtime.py
import numpy as np
k = int(np.ones(3).sum())
a = np.ones((2, k))
b = np.ones((4, 5))
print(a @ b)
# RUNTIME: runtime.py:5:7: ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 4 is different from 3)

#--- out.py
import numpy as np
a = np.ones((2, 2))
c = np.zeros((2, 2))
np.dot(a, a, out=c)
# OUT: out.py:4:1: error: dot() got an unexpected keyword argument 'out'

#--- scalarupdate.py
import numpy as np
x = 2
x @= np.ones(3)
# SCALARUPDATE: scalarupdate.py:3:3: error: matmul: Input operand 0 does not have enough dimensions

#--- dotlate.py
import numpy as np
n = int(np.ones(4).sum())
print(np.dot(np.ones((2, n)), np.ones((n + 1, 3))))
# DOTLATE: dotlate.py:3:7: ValueError: shapes (2,4) and (5,3) not aligned: 4 (dim 1) != 5 (dim 0)
