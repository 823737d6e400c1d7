# RUN: split-file %s %t
# RUN: dac build %t/domain.py -o %t/d
# RUN: not %mpirun -n 2 %t/d 2>&1 | FileCheck %s --check-prefix=DOMAIN
# RUN: dac build %t/range.py -o %t/r
# RUN: not %mpirun -n 2 %t/r 2>&1 | FileCheck %s --check-prefix=RANGE
# RUN: dac build %t/zero.py -o %t/z
# RUN: not %mpirun -n 2 %t/z 2>&1 | FileCheck %s --check-prefix=ZERO
# RUN: dac build %t/floor.py -o %t/fl
# RUN: not %mpirun -n 2 %t/fl 2>&1 | FileCheck %s --check-prefix=FLOOR
# RUN: dac build %t/fine.py -o %t/f
# RUN: %mpirun -n 2 %t/f | FileCheck %s --check-prefix=FINE
# Python's math module raises where libm returns NaN or infinity from
# finite arguments: every rank stops with Python's exception and the line.
# NaN and infinite arguments pass through as in Python; floor, ceil and
# trunc of NaN or infinity raise as int() does.

#--- domain.py
import math
import numpy as np
x = np.ones(3).sum() - 5.0
print(math.sqrt(6.0 + x))
print(math.sqrt(x))
# DOMAIN: 2.0
# DOMAIN: dac: error: {{.*}}domain.py:5:7: ValueError: math domain error (all 2 ranks)

#--- range.py
import math
import numpy as np
x = np.ones(3).sum()
print(math.exp(x * 300.0))
# RANGE: dac: error: {{.*}}range.py:4:7: OverflowError: math range error (all 2 ranks)

#--- zero.py
import math
import numpy as np
x = np.ones(3).sum() - 3.0
print(math.pow(x, -1.0))
# ZERO: dac: error: {{.*}}zero.py:4:7: ValueError: math domain error (all 2 ranks)

#--- floor.py
import math
import numpy as np
x = np.ones(3).sum()
print(math.floor(x * 2.5), math.ceil(-x * 2.5))
print(math.floor(x * np.inf))
# FLOOR: 7 -7
# FLOOR: dac: error: {{.*}}floor.py:5:7: OverflowError: cannot convert float infinity to integer (all 2 ranks)

#--- fine.py
import math
import numpy as np
x = np.ones(3).sum()
print(math.log(x - 2.0), math.pow(x * np.inf, -1.0), math.exp(-x * np.inf), math.sqrt(x * np.nan), math.hypot(x, 1e308))
# FINE: 0.0 0.0 0.0 nan 1e+308
