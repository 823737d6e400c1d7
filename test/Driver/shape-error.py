# RUN: split-file %s %t
# RUN: dac build %t/operands.py -o %t/operands
# RUN: not %mpirun -n 2 %t/operands 2>&1 | FileCheck %s --check-prefix=OPERANDS
# RUN: dac build %t/assign.py -o %t/assign
# RUN: not %mpirun -n 3 %t/assign 2>&1 | FileCheck %s --check-prefix=ASSIGN

# Tests that shapes known only at run time that do not fit stop every rank
# with NumPy's message, the shapes in NumPy's order and with their values.

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
# ASSIGN: dac: error: {{.*}}assign.py:4:1: ValueError: could not broadcast input array from shape (3, 2) into shape (5, 2) (all 3 ranks)
