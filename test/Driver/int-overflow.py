# RUN: rm -rf %t && mkdir -p %t && split-file %s %t
# RUN: dac build %t/exact.py -o %t/exact
# RUN: %mpirun -n 1 %t/exact | FileCheck %s --check-prefix=EXACT
# RUN: %mpirun -n 3 %t/exact | FileCheck %s --check-prefix=EXACT
# RUN: %python %t/exact.py | FileCheck %s --check-prefix=EXACT
# RUN: dac build %t/add.py -o %t/add
# RUN: not %mpirun -n 3 %t/add 2>&1 | FileCheck %s --check-prefix=ADD
# RUN: dac build %t/neg.py -o %t/neg
# RUN: not %mpirun -n 1 %t/neg 2>&1 | FileCheck %s --check-prefix=NEG
# RUN: dac build %t/shift.py -o %t/shift
# RUN: not %mpirun -n 1 %t/shift 2>&1 | FileCheck %s --check-prefix=SHIFT
# RUN: dac build %t/nan.py -o %t/nan
# RUN: not %mpirun -n 1 %t/nan 2>&1 | FileCheck %s --check-prefix=NAN
# RUN: dac build %t/power.py -o %t/power
# RUN: not %mpirun -n 2 %t/power 2>&1 | FileCheck %s --check-prefix=POWER
# RUN: dac build %t/toint.py -o %t/toint
# RUN: not %mpirun -n 1 %t/toint 2>&1 | FileCheck %s --check-prefix=TOINT
# RUN: not dac build %t/known.py -o %t/known 2>&1 | FileCheck %s --check-prefix=KNOWN
# RUN: not dac build %t/knownshift.py -o %t/knownshift 2>&1 | FileCheck %s --check-prefix=KNOWNSHIFT

# Tests that Python int arithmetic is exact or stops: results that fit in
# int64 are Python's (on the edge too), results that do not stop every
# rank with an OverflowError naming the line (at compile time when the
# operands are known), never a wrapped number.

#--- exact.py
import numpy as np
k = int(np.arange(5).sum()) - 10
big = 2**62 + k
print(big + (big - 1), -big, abs(-big - big + 1), (-big - big) // 1, 1 << (k + 62))
print(int(2.0**62 + k), round(-2.0**62 + k), sum([2**62 + k, 2**62 - 1]))
print((-2) ** (k + 63), 7 ** (k + 22), (-1) ** (k + 10**18))
# EXACT: 9223372036854775807 -4611686018427387904 9223372036854775807 -9223372036854775808 4611686018427387904
# EXACT: 4611686018427387904 -4611686018427387904 9223372036854775807
# EXACT: -9223372036854775808 3909821048582988049 1

#--- add.py
import numpy as np
k = int(np.arange(5).sum()) - 10
big = 2**62 + k
print(big * 4 + big * 4)
# ADD: dac: error: {{.*}}add.py:4:7: OverflowError: the exact result does not fit in 64 bits (dac's Python ints are int64) (all 3 ranks)

#--- neg.py
import numpy as np
k = int(np.arange(5).sum()) - 10
m = -2**62 * 2 + k
print(-m)
# NEG: neg.py:4:7: OverflowError

#--- shift.py
import numpy as np
k = int(np.arange(5).sum()) - 10
print(1 << (70 + k))
# SHIFT: shift.py:3:7: OverflowError

#--- nan.py
import numpy as np
x = float(np.arange(3.0).sum()) * 0.0 / 0.0 if False else float(np.sqrt(np.arange(3.0) - 5.0).sum())
print(int(x))
# NAN: nan.py:3:7: ValueError: cannot convert float NaN to integer

#--- power.py
import numpy as np
k = int(np.arange(5).sum()) - 10
print(7 ** (k + 23))
# POWER: power.py:3:7: OverflowError

#--- toint.py
import numpy as np
x = float(np.arange(3.0).sum()) * 1e19
print(int(x))
# TOINT: toint.py:3:7: OverflowError

#--- known.py
print(2**62 * 4 + 2**62 * 4)
# KNOWN: known.py:1:{{[0-9]+}}: error: OverflowError: the exact result does not fit in 64 bits

#--- knownshift.py
# (checked without shifting out of int64 in the compiler: UBSan, fuzzing)
print((2**61 - 1) << 62)
# KNOWNSHIFT: knownshift.py:2:{{[0-9]+}}: error: OverflowError: the exact result does not fit in 64 bits
