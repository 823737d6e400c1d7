# RUN: dac build %s -o %t
# RUN: not %mpirun -n 2 %t 2>&1 | FileCheck %s
# min/max along an axis of extent 0 is NumPy's ValueError on every rank
# (the whole-array form has always been); sums have an identity.
import numpy as np

a = np.zeros((3, 0))
print(a.sum(axis=1))
# CHECK: [0. 0. 0.]
# CHECK: dac: error: {{.*}}empty-reduction.py:[[@LINE+1]]:{{[0-9]+}}: zero-size array to reduction operation maximum which has no identity (all 2 ranks)
print(a.max(axis=1))
