# RUN: split-file %s %t
# RUN: not dac build %t/boolsub.py -o %t/bs 2>&1 | FileCheck %s --check-prefix=BOOLSUB
# RUN: not dac build %t/intpow.py -o %t/ip 2>&1 | FileCheck %s --check-prefix=INTPOW
# RUN: not dac build %t/uniform.py -o %t/u 2>&1 | FileCheck %s --check-prefix=UNIFORM
# RUN: not dac build %t/arangezero.py -o %t/az 2>&1 | FileCheck %s --check-prefix=ARANGEZERO
# RUN: not dac build %t/nanlit.py -o %t/nl 2>&1 | FileCheck %s --check-prefix=NANLIT
# RUN: dac build %t/late.py -o %t/late
# RUN: dac build %t/roundint.py -o %t/ri
# RUN: not %mpirun -n 2 %t/ri 2>&1 | FileCheck %s --check-prefix=ROUNDINT
# RUN: not dac build %t/rounddigits.py -o %t/rd 2>&1 | FileCheck %s --check-prefix=ROUNDDIGITS
# RUN: not %mpirun -n 2 %t/late 0 2>&1 | FileCheck %s --check-prefix=LATE
# Where NumPy raises, dac stops with NumPy's error (when compiling if the
# operands are known, else on every rank), never a number: boolean
# subtraction, integer scalars to negative powers, uniform() with a range
# that is negative or not finite, np.arange with a zero step or a length
# that is nan or beyond int64, nan stored into an integer array, round() of
an int whose nearest multiple leaves int64 (Python's would be a big int),
np.round with decimals beyond a C int.

#--- boolsub.py
import numpy as np
a = np.array([True, False])
print(a[0] - a[1])
# BOOLSUB: boolsub.py:3:12: error: TypeError: numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.

#--- intpow.py
import numpy as np
a = np.array([2, 3])
print(a[0] ** -1)
# INTPOW: intpow.py:3:12: error: ValueError: Integers to negative integer powers are not allowed.

#--- uniform.py
import numpy as np
rng = np.random.default_rng(1)
print(rng.uniform(0.0, np.inf, 3))
# UNIFORM: uniform.py:3:7: error: OverflowError: high - low range exceeds valid bounds

#--- arangezero.py
import numpy as np
print(np.arange(0, 10, 0))
# ARANGEZERO: arangezero.py:2:7: error: ZeroDivisionError: division by zero

#--- late.py
import numpy as np
x = float(np.ones(2).sum())
rng = np.random.default_rng(1)
print(np.arange(0.0, x * 1e300, 1.0).size)
# LATE: dac: error: {{.*}}late.py:4:7: ValueError: Maximum allowed size exceeded (all 2 ranks)

#--- nanlit.py
import numpy as np
print(np.array([1.0, np.nan], dtype=np.int64))
# NANLIT: nanlit.py:2:7: error: ValueError: cannot convert float NaN to integer

#--- roundint.py
import numpy as np
n = int(np.arange(4).sum())
print(round(9223372036854775700 + n, -2))
print(round(9223372036854775700 + n, -3))
# ROUNDINT: 9223372036854775700
# ROUNDINT: dac: error: {{.*}}roundint.py:4:7: OverflowError: the exact result does not fit in 64 bits

#--- rounddigits.py
import numpy as np
print(np.round(np.ones(3), 2**31))
# ROUNDDIGITS: rounddigits.py:2:7: error: OverflowError: signed integer is greater than maximum
