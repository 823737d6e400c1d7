# RUN: dac build %s -o %t
# RUN: env DAC_STATS=1 %mpirun -n 2 %t 2>&1 >/dev/null | FileCheck %s --check-prefix=TABLE
# RUN: %mpirun -n 2 %t | FileCheck %s --check-prefix=OUT

# Tests that the data a matrix product moves is the least it needs and
# shows in DAC_STATS as a redistribution: on 2 ranks, a row-block 8x6
# matrix times a 6x5 one gathers the right operand (each rank sends its 3
# rows of 5 doubles to the other: 2 messages of 120 bytes, 240 bytes kept
# in place), and times a 6-vector gathers the vector (2 messages of 24
# bytes). The vector times the matrix moves nothing before its allreduce.
import numpy as np

A = np.fromfunction(lambda i, j: i - j, (8, 6))
B = np.fromfunction(lambda i, j: i * j + 1.0, (6, 5))
x = np.arange(6) * 0.5
print((A @ B).sum(), (A @ x).sum(), (np.arange(8.0) @ A).sum())

# OUT: 40.0 -10.0 420.0

# TABLE: communication      messages           bytes      self bytes     seconds
# TABLE: redistribution            4             288             288
