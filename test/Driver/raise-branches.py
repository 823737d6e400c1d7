# RUN: split-file %s %t
# RUN: dac build %t/runs.py -o %t/runs
# RUN: not %mpirun -n 2 %t/runs 2>&1 | FileCheck %s --check-prefix=RUNS
# RUN: dac build %t/both.py -o %t/both
# RUN: not %mpirun -n 2 %t/both 2>&1 | FileCheck %s --check-prefix=BOTH
# RUN: not dac build %t/top.py -o %t/top 2>&1 | FileCheck %s --check-prefix=TOP
# RUN: dac build %t/loop.py -o %t/loop
# RUN: not %mpirun -n 2 %t/loop 2>&1 | FileCheck %s --check-prefix=LOOP
# RUN: dac build %t/ifexp.py -o %t/ifexp
# RUN: not %mpirun -n 2 %t/ifexp 2>&1 | FileCheck %s --check-prefix=IFEXP
# RUN: not dac build %t/attr.py -o %t/attr 2>&1 | FileCheck %s --check-prefix=ATTR
# An exception known when compiling, in a branch of an `if` on a value
# known only at run time or in the body of a loop compiled as a loop, is
# raised where it runs, with Python's message and the line
# (test/e2e/raise_branches.py: branches and bodies that never run change
# nothing). Elsewhere (the top level, a function's body) it stays an error
# when compiling, and so do AttributeErrors of modules.

#--- runs.py
import numpy as np
n = int(np.arange(4).sum())
print("before")
if n > 5:
    print("in the branch")
    x = 2**62 * 4
    print("never", x)
else:
    x = 1
print(x)
# RUNS: before
# RUNS-NEXT: in the branch
# RUNS-NEXT: dac: error: {{.*}}runs.py:6:15: OverflowError: the exact result does not fit in 64 bits (dac's Python ints are int64) (all 2 ranks)
# RUNS-NOT: never

#--- both.py
import numpy as np
n = int(np.arange(4).sum())
if n > 5:
    y = 1 // 0
else:
    y = 1 << -1
print("never", y)
# BOTH: dac: error: {{.*}}both.py:4:9: ZeroDivisionError: integer division or modulo by zero (all 2 ranks)
# BOTH-NOT: never

#--- top.py
x = 2**62 * 4
# TOP: top.py:1:11: error: OverflowError: the exact result

#--- loop.py
import numpy as np
n = int(np.arange(4).sum())
for i in range(n):
    print("iteration", i)
    x = 2**62 * 4
    print("never")
# LOOP: iteration 0
# LOOP-NEXT: dac: error: {{.*}}loop.py:5:15: OverflowError: the exact result does not fit in 64 bits (dac's Python ints are int64) (all 2 ranks)
# LOOP-NOT: never

#--- ifexp.py
import numpy as np
n = int(np.arange(4).sum())
print("before")
w = 5 if n > 100 else n // (n - n)
print("never", w)
# IFEXP: before
# IFEXP-NEXT: dac: error: {{.*}}ifexp.py:4:23: ZeroDivisionError: integer division or modulo by zero (all 2 ranks)
# IFEXP-NOT: never

#--- attr.py
import numpy as np
n = int(np.arange(4).sum())
if n > 5:
    x = np.ara(3)
# ATTR: attr.py:4:12: error: AttributeError: module 'numpy' has no attribute 'ara'
