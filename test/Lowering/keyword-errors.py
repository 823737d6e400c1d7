# RUN: split-file %s %t
# RUN: not dac build %t/ddof.py -o %t/x 2>&1 | FileCheck %s --check-prefix=DDOF
# RUN: not dac build %t/endpoint.py -o %t/x 2>&1 | FileCheck %s --check-prefix=ENDPOINT
# RUN: not dac build %t/clipout.py -o %t/x 2>&1 | FileCheck %s --check-prefix=CLIPOUT
# RUN: not dac build %t/outerout.py -o %t/x 2>&1 | FileCheck %s --check-prefix=OUTEROUT
# RUN: not dac build %t/key.py -o %t/x 2>&1 | FileCheck %s --check-prefix=KEY
# RUN: not dac build %t/method.py -o %t/x 2>&1 | FileCheck %s --check-prefix=METHOD
# RUN: not dac build %t/mask.py -o %t/x 2>&1 | FileCheck %s --check-prefix=MASK
# RUN: not dac build %t/base.py -o %t/x 2>&1 | FileCheck %s --check-prefix=BASE
# RUN: not dac build %t/transpose.py -o %t/x 2>&1 | FileCheck %s --check-prefix=TRANSPOSE
# RUN: not dac build %t/arity.py -o %t/x 2>&1 | FileCheck %s --check-prefix=ARITY
# RUN: dac build %t/power.py -o %t/power
# RUN: not %mpirun -n 2 %t/power 2>&1 | FileCheck %s --check-prefix=POWER
# Arguments dac cannot honour are refused, never ignored (each of these
# used to print a number computed without them), and Python's and NumPy's
# own errors: methods of Python numbers, a mask that is not the array's
# shape, a base for a non-string, negative exponents in an integer array.

#--- ddof.py
import numpy as np
a = np.arange(4.0)
print(a.var(ddof=int(a.min()) + 1))
# DDOF: ddof.py:3:7: error: ddof must be an int known when compiling

#--- endpoint.py
import numpy as np
e = bool(np.arange(3.0).min() > 5)
print(np.linspace(0, 1, 5, endpoint=e))
# ENDPOINT: endpoint.py:3:7: error: linspace(endpoint=...) must be a bool known when compiling

#--- clipout.py
import numpy as np
a = np.arange(4.0)
np.clip(a, 1, 2, out=a)
# CLIPOUT: clipout.py:3:1: error: clip() got an unexpected keyword argument 'out'

#--- outerout.py
import numpy as np
a = np.arange(4.0)
c = np.zeros((4, 4))
np.outer(a, a, out=c)
# OUTEROUT: outerout.py:4:1: error: outer() got an unexpected keyword argument 'out'

#--- key.py
print(max([3, 1, 2], key=lambda v: -v))
# KEY: key.py:1:7: error: max() got an unexpected keyword argument 'key'

#--- method.py
import numpy as np
n = int(np.arange(4).sum())
print(n.sum())
# METHOD: method.py:3:9: error: AttributeError: 'int' object has no attribute 'sum'

#--- mask.py
import numpy as np
a = np.arange(4.0)
a[np.array([True])] = 5
# MASK: mask.py:3:1: error: IndexError: boolean index did not match indexed array along dimension 0; dimension is 4 but corresponding boolean dimension is 1

#--- base.py
print(int(10, 2))
# BASE: base.py:1:7: error: TypeError: int() can't convert non-string with explicit base

#--- transpose.py
import numpy as np
print(np.ones((2, 3, 4)).transpose(axes=(1, 2, 0)))
# TRANSPOSE: transpose.py:2:7: error: TypeError: transpose() takes no keyword arguments

#--- arity.py
print(sum([1, 2], 10, 5))
# ARITY: arity.py:1:7: error: sum() takes at most 2 positional arguments (3 given)

#--- power.py
import numpy as np
e = np.arange(10)
print(e ** (e - 1))
# POWER: dac: error: {{.*}}power.py:3:7: ValueError: Integers to negative integer powers are not allowed. (all 2 ranks)
