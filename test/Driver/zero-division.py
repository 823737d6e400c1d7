# RUN: split-file %s %t
# RUN: dac build %t/intdiv.py -o %t/intdiv
# RUN: not %mpirun -n 2 %t/intdiv 2>&1 | FileCheck %s --check-prefix=INTDIV
# RUN: dac build %t/intmod.py -o %t/intmod
# RUN: not %mpirun -n 2 %t/intmod 2>&1 | FileCheck %s --check-prefix=INTMOD
# RUN: dac build %t/floatdiv.py -o %t/floatdiv
# RUN: not %mpirun -n 2 %t/floatdiv 2>&1 | FileCheck %s --check-prefix=FLOATDIV
# RUN: dac build %t/floatfloor.py -o %t/floatfloor
# RUN: not %mpirun -n 2 %t/floatfloor 2>&1 | FileCheck %s --check-prefix=FLOATFLOOR
# RUN: dac build %t/floatmod.py -o %t/floatmod
# RUN: not %mpirun -n 2 %t/floatmod 2>&1 | FileCheck %s --check-prefix=FLOATMOD
# Python's ZeroDivisionError for Python numbers, in CPython's words, which
# differ for ints and floats and between /, // and %.

#--- intdiv.py
import numpy as np
z = int(np.zeros(3).sum())
f = float(z)
print(7 // z)
# INTDIV: dac: error: {{.*}}intdiv.py:4:7: ZeroDivisionError: integer division or modulo by zero (all 2 ranks)

#--- intmod.py
import numpy as np
z = int(np.zeros(3).sum())
f = float(z)
print(7 % z)
# INTMOD: dac: error: {{.*}}intmod.py:4:7: ZeroDivisionError: integer modulo by zero (all 2 ranks)

#--- floatdiv.py
import numpy as np
z = int(np.zeros(3).sum())
f = float(z)
print(7.5 / f)
# FLOATDIV: dac: error: {{.*}}floatdiv.py:4:7: ZeroDivisionError: float division by zero (all 2 ranks)

#--- floatfloor.py
import numpy as np
z = int(np.zeros(3).sum())
f = float(z)
print(7.5 // f)
# FLOATFLOOR: dac: error: {{.*}}floatfloor.py:4:7: ZeroDivisionError: float floor division by zero (all 2 ranks)

#--- floatmod.py
import numpy as np
z = int(np.zeros(3).sum())
f = float(z)
print(7 % f)
# FLOATMOD: dac: error: {{.*}}floatmod.py:4:7: ZeroDivisionError: float modulo (all 2 ranks)
