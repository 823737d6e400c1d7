# RUN: rm -rf %t && mkdir -p %t && split-file %s %t
# RUN: dac build %t/memory.py -o %t/memory
# RUN: not %mpirun -n 1 %t/memory 2>&1 | FileCheck %s --check-prefix=MEMORY
# RUN: not %mpirun -n 3 %t/memory 2>&1 | FileCheck %s --check-prefix=MEMORY
# RUN: dac build %t/broadcast.py -o %t/broadcast
# RUN: not %mpirun -n 2 %t/broadcast 2>&1 | FileCheck %s --check-prefix=BROADCAST
# RUN: dac build %t/runtime.py -o %t/runtime
# RUN: not %mpirun -n 2 %t/runtime 2>&1 | FileCheck %s --check-prefix=RUNTIME
# RUN: not dac build %t/toobig.py -o %t/toobig 2>&1 | FileCheck %s --check-prefix=TOOBIG
# RUN: test ! -e %t/toobig

# Tests that arrays NumPy could not allocate stop the program as NumPy's
# run stops, with NumPy's message, also where dac would never materialise
# them (a fused sum): larger than the node's memory (MemoryError, with the
# size as NumPy writes it), or overflowing int64 (ValueError, at compile
# time when the extents are known).

#--- memory.py
import numpy as np
print("before")
a = np.zeros(10**13)
print(a.sum())
# MEMORY: before
# MEMORY-NEXT: dac: error: {{.*}}memory.py:3:5: MemoryError: Unable to allocate 72.8 TiB for an array with shape (10000000000000,) and data type float64 (all {{[13]}} ranks)
# MEMORY-NOT: Abort

#--- broadcast.py
import numpy as np
x = np.zeros(10**5) + np.zeros((10**6, 1), dtype=np.float32)
print(x.sum())
# BROADCAST: dac: error: {{.*}}broadcast.py:2:5: MemoryError: Unable to allocate 745. GiB for an array with shape (1000000, 100000) and data type float64

#--- runtime.py
import numpy as np
n = int(np.arange(4).sum()) * 10**12
r = np.arange(n, dtype=np.int32)
print(r[0])
# RUNTIME: dac: error: {{.*}}runtime.py:3:5: MemoryError: Unable to allocate 21.8 TiB for an array with shape (6000000000000,) and data type int32

#--- toobig.py
import numpy as np
a = np.ones((2**40, 0, 2**40))
# TOOBIG: toobig.py:2:5: error: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.
