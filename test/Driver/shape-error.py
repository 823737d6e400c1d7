# RUN: split-file %s %t
# RUN: dac build %t/operands.py -o %t/operands
# RUN: not %mpirun -n 2 %t/operands 2>&1 | FileCheck %s --check-prefix=OPERANDS
# RUN: dac build %t/assign.py -o %t/assign
# RUN: not %mpirun -n 3 %t/assign 2>&1 | FileCheck %s --check-prefix=ASSIGN
# RUN: dac build %t/pad.py -o %t/pad
# RUN: not %mpirun -n 2 %t/pad 2>&1 | FileCheck %s --check-prefix=PAD
# RUN: dac build %t/unit.py -o %t/unit
# RUN: not %mpirun -n 2 %t/unit 2>&1 | FileCheck %s --check-prefix=UNIT
# RUN: dac build %t/unitassign.py -o %t/unitassign
# RUN: not %mpirun -n 2 %t/unitassign 2>&1 | FileCheck %s --check-prefix=UNITASSIGN

# Tests that shapes known only at run time that do not fit stop every rank
# with NumPy's message, the shapes in NumPy's order and with their values;
# an extent of 1 known only at run time, which NumPy would broadcast, stops
# them with a clear error instead (never NumPy's error where NumPy has
# none).

#--- operands.py
import numpy as np
n = int(np.ones(3).sum())
u = np.arange(float(n))
print(u[5:] - u[:-1])
# OPERANDS: dac: error: {{.*}}operands.py:4:7: ValueError: operands could not be broadcast together with shapes (0,) (2,) (all 2 ranks)

#--- assign.py
import numpy as np
n = int(np.ones(3).sum())
u = np.zeros((6, 2))
u[1:, :] = np.ones((n, 2))
# ASSIGN: dac: error: {{.*}}assign.py:4:1: ValueError: could not broadcast input array from shape (3,2) into shape (5,2) (all 3 ranks)

#--- pad.py
import numpy as np
k = int(np.ones(2).sum())
y = np.arange(5.0)[:k]
print(np.pad(y, 3, mode='reflect'))
# PAD: dac: error: {{.*}}pad.py:4:7: ValueError: np.pad mode 'reflect' with a pad wider than the array minus one (repeated reflection) is not supported yet (all 2 ranks)

#--- unit.py
import numpy as np
a = np.arange(6.0)
s = a[a > 4.5]
print(s + a)
# UNIT: dac: error: {{.*}}unit.py:4:7: broadcasting an extent of 1 that is known only at run time is not supported yet: shapes (1,) (6,) (all 2 ranks)

#--- unitassign.py
import numpy as np
a = np.arange(6.0)
a[2:] = a[a > 4.5]
# UNITASSIGN: dac: error: {{.*}}unitassign.py:3:1: broadcasting an extent of 1 that is known only at run time is not supported yet: shapes (1,) (4,) (all 2 ranks)
