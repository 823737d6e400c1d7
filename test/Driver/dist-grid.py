# RUN: dac build %s -o %t
# RUN: %mpirun -n 4 %t | FileCheck %s
# RUN: not %mpirun -n 3 %t > %t.out 2> %t.err
# RUN: FileCheck %s --check-prefix=ERR < %t.err

# Tests an explicit process grid: honoured on 4 ranks (the oracle's 2-D
# block case), and a clear error on every rank when the grid does not
# multiply to the number of ranks.
import dac
import dac.numpy as np

a = np.ones((5, 9), dist="bb", grid_shape=(2, 2))
print(dac.localshapes(a), dac.grid_shape(a), a.sum())
c = np.zeros((3, 5), dist=('c', 'c'), grid_shape=(2, 2))
print(dac.localshapes(c))

# CHECK: [(3, 5), (3, 4), (2, 5), (2, 4)] (2, 2) 45.0
# CHECK-NEXT: [(2, 3), (2, 2), (1, 3), (1, 2)]
# ERR: dac: error: {{.*}}dist-grid.py:{{[0-9]+}}:{{[0-9]+}}: invalid layout: the process grid (2, 2) does not multiply to the 3 ranks of the program (all 3 ranks)
# ERR-NOT: dac: error
