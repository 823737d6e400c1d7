# RUN: rm -rf %t && mkdir -p %t && split-file %s %t
# RUN: dac build %t/runtime.py -o %t/runtime
# RUN: not %mpirun -n 2 %t/runtime 2>&1 | FileCheck %s --check-prefix=RUNTIME
# RUN: not dac build %t/known.py -o %t/known 2>&1 | FileCheck %s --check-prefix=KNOWN

# Tests that argmax and argmin of no elements raise NumPy's own ValueError
# (not the max reduction's "zero-size array" one): on every rank when the
# extent is known at run time only, when compiling when it is known then.

#--- runtime.py
import numpy as np
n = int(np.arange(3).sum()) - 3
a = np.arange(10.0)[:n]
print(a.argmax())
# RUNTIME: dac: error: {{.*}}runtime.py:4:{{[0-9]+}}: ValueError: attempt to get argmax of an empty sequence (all 2 ranks)

#--- known.py
import numpy as np
a = np.zeros((3, 0))
print(a.argmin())
# KNOWN: known.py:3:7: error: ValueError: attempt to get argmin of an empty sequence
