# RUN: dac build %s -o %t
# RUN: not %mpirun -n 2 %t 2>&1 | FileCheck %s
# A number known only when running whose value would make NumPy widen the
# result's dtype (value-based casting) stops every rank with the line: dac
# decides dtypes when compiling and never computes in the narrower one.
import numpy as np
f = np.arange(1.0, 5.0).astype(np.float32)
n = int(np.ones(3).sum())
print(f * n)
print(f * (n * 100000))
# CHECK: [ 3.  6.  9. 12.]
# CHECK: dac: error: {{.*}}value-casting.py:10:7: this number's value would make NumPy compute in float64 instead of float32 (value-based casting), and dac decides dtypes when compiling: convert the number or the array explicitly (np.float64(x) or .astype(np.float64)) (all 2 ranks)
