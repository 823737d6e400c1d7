# RUN: split-file %s %t
# RUN: not dac build %t/code.py -o %t/x 2>&1 | FileCheck %s --check-prefix=CODE
# RUN: not dac build %t/k0.py -o %t/x 2>&1 | FileCheck %s --check-prefix=K0
# RUN: not dac build %t/toomany.py -o %t/x 2>&1 | FileCheck %s --check-prefix=TOOMANY
# RUN: not dac build %t/bounds.py -o %t/x 2>&1 | FileCheck %s --check-prefix=BOUNDS
# RUN: not dac build %t/halo.py -o %t/x 2>&1 | FileCheck %s --check-prefix=HALO
# RUN: not dac build %t/unstructured.py -o %t/x 2>&1 | FileCheck %s --check-prefix=UNSTRUCTURED
# RUN: not dac build %t/grid.py -o %t/x 2>&1 | FileCheck %s --check-prefix=GRID
# RUN: not dac build %t/option.py -o %t/x 2>&1 | FileCheck %s --check-prefix=OPTION
# RUN: not dac build %t/axis.py -o %t/x 2>&1 | FileCheck %s --check-prefix=AXIS

# Tests that invalid distributions are compile-time errors at the script
# line, with the dialect verifier's reason.

#--- code.py
import dac.numpy as np
a = np.zeros(8, dist='x')
# CODE: code.py:2:5: error: unknown distribution code 'x' (expected 'b', 'c', 'n' or 'u')

#--- k0.py
import dac.numpy as np
a = np.zeros(8, dist=[('c', 0)])
# K0: k0.py:2:5: error: the block size of a cyclic distribution must be at least 1, got 0

#--- toomany.py
import dac.numpy as np
a = np.zeros(8, dist='bb')
# TOOMANY: toomany.py:2:5: error: dist 'bb' has 2 codes for an array of rank 1

#--- bounds.py
import dac.numpy as np
a = np.zeros(9, dist=[('b', {'bounds': [0, 2, 6, 7]})])
# BOUNDS: bounds.py:2:5: error: invalid distribution: bounds of dimension 0 end at 7 but the dimension has size 9

#--- halo.py
import dac.numpy as np
a = np.zeros(4, dist=[('b', {'halo': (5, 1)})])
# HALO: halo.py:2:5: error: invalid distribution: halo of dimension 0 is wider than the dimension (4)

#--- unstructured.py
import dac.numpy as np
a = np.zeros(4, dist='u')
# UNSTRUCTURED: unstructured.py:2:5: error: invalid distribution: an unstructured ('u') dimension needs indices

#--- grid.py
import dac.numpy as np
a = np.zeros((4, 4), dist='bb', grid_shape=(4,))
# GRID: grid.py:2:5: error: invalid distribution: grid has 1 extents but the layout distributes 2 dimensions

#--- option.py
import dac.numpy as np
a = np.zeros(4, dist=[('b', {'ghost': 1})])
# OPTION: option.py:2:5: error: unknown distribution option 'ghost'

#--- axis.py
import dac.numpy as np
a = np.zeros((3, 4), dist={5: 'b'})
# AXIS: axis.py:2:5: error: dist names axis 5 of an array of rank 2
