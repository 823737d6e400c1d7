# RUN: dac build %s -o %t
# RUN: %mpirun -n 1 %t | FileCheck %s

# Tests that arrays of an unstructured layout print in index order on one
# rank too, which holds the elements in the order of its index list, and
# results that keep the layout. (On more ranks the e2e tests print them.)
import dac.numpy as np

a = np.arange(4.0, dist=[('u', {'indices': [[2, 0, 3, 1]]})])
print(a, a * 2.0, a.copy()[1:])
m = np.arange(6.0).reshape(2, 3) + np.zeros((2, 3), dist=('n', ('u', {'indices': [[2, 0, 1]]})))
print(m)

# CHECK: [0. 1. 2. 3.] [0. 2. 4. 6.] [1. 2. 3.]
# CHECK-NEXT: {{\[\[}}0. 1. 2.]
# CHECK-NEXT: [3. 4. 5.]]
