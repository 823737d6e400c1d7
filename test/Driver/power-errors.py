# RUN: split-file %s %t
# RUN: dac build %t/const.py -o %t/c
# RUN: not %mpirun -n 2 %t/c 2>&1 | FileCheck %s --check-prefix=CONST
# RUN: dac build %t/zero.py -o %t/z
# RUN: not %mpirun -n 2 %t/z 2>&1 | FileCheck %s --check-prefix=ZERO
# RUN: dac build %t/overflow.py -o %t/o
# RUN: not %mpirun -n 2 %t/o 2>&1 | FileCheck %s --check-prefix=OVERFLOW
# RUN: dac build %t/complex.py -o %t/x
# RUN: not %mpirun -n 2 %t/x 2>&1 | FileCheck %s --check-prefix=COMPLEX
# RUN: not dac build %t/modulus.py -o %t/m 2>&1 | FileCheck %s --check-prefix=MODULUS
# RUN: dac build %t/fine.py -o %t/f
# RUN: %mpirun -n 2 %t/f | FileCheck %s --check-prefix=FINE
# Python's float ** float raises where C's pow returns an infinity or NaN
# from ordinary arguments (0.0 to a negative power, overflow; a negative
# base to a fractional power is complex in Python): every rank stops with
# the line (operands known when compiling too). NumPy
# scalars keep NumPy's inf/nan; infinite and NaN arguments never raise.

#--- const.py
print(10.0 ** 400)
# CONST: dac: error: {{.*}}const.py:1:7: OverflowError: (34, 'Numerical result out of range') (all 2 ranks)

#--- zero.py
import numpy as np
x = np.ones(3).sum() - 3.0
print(2.0 ** x)
print(float(x) ** -1)
# ZERO: 1.0
# ZERO: dac: error: {{.*}}zero.py:4:7: ZeroDivisionError: 0.0 cannot be raised to a negative power (all 2 ranks)

#--- overflow.py
import numpy as np
n = int(np.ones(3).sum())
print(10.0 ** (397 + n))
# OVERFLOW: dac: error: {{.*}}overflow.py:3:7: OverflowError: (34, 'Numerical result out of range') (all 2 ranks)

#--- complex.py
import numpy as np
x = float(np.ones(3).sum())
print((-x) ** 2.0, (-x) ** 0.5)
# COMPLEX: dac: error: {{.*}}complex.py:3:20: a negative number to a fractional power is a complex number in Python; complex numbers are not supported yet (all 2 ranks)

#--- modulus.py
print(pow(3, 2, 5))
# MODULUS: modulus.py:1:7: error: pow() with a modulus (a third argument) is not supported yet

#--- fine.py
import numpy as np
x = float(np.ones(3).sum())
print((-x) ** 3.0, (x * np.inf) ** -1.0, (-x) ** (x * np.inf), 0.0 ** x, np.float64(0.0) ** -x, x ** -2)
# FINE: -27.0 0.0 inf 0.0 inf 0.1111111111111111
