# RUN: dac build --remarks %s -o %t 2>&1 | FileCheck %s
# RUN: dac build %s -o %t 2>&1 | FileCheck %s --check-prefix=QUIET --allow-empty

# Tests that --remarks shows where the compiler inserted communication and
# of which kind (ghost cells, general exchange, replication, allreduce,
# broadcast), at the script line with a caret; without it, nothing.
import dac
import numpy as np

u = np.zeros((8, 6))
v = np.arange(6.0)
for it in range(3):
    u[1:-1, :] = u[:-2, :] + u[2:, :] + v
# CHECK-DAG: remarks.py:13:18: remark: halo: {{.*}}(shifts -1..1 along dimension 0)
# CHECK-DAG: remarks.py:13:18: remark: replicate: broadcast operand
c = np.arange(10.0, dist='c')
c[1:-1] = c[:-2] + c[2:]
# CHECK: remarks.py:17:11: remark: exchange: operand 0 is gathered where the kernel computes
# CHECK: remarks.py:17:1: remark: exchange: this assignment moves its elements
print(u.sum(), c[3])
# CHECK: remarks.py:20:7: remark: allreduce
# CHECK: remarks.py:20:16: remark: broadcast: the element's owner sends it

# QUIET-NOT: remark
