# RUN: split-file %s %t
# RUN: not dac build %t/high.py -o %t/h 2>&1 | FileCheck %s --check-prefix=HIGH
# RUN: not dac build %t/order.py -o %t/o 2>&1 | FileCheck %s --check-prefix=ORDER
# RUN: not dac build %t/bounds.py -o %t/b 2>&1 | FileCheck %s --check-prefix=BOUNDS
# RUN: not dac build %t/scale.py -o %t/s 2>&1 | FileCheck %s --check-prefix=SCALE
# RUN: not dac build %t/dtype.py -o %t/d 2>&1 | FileCheck %s --check-prefix=DTYPE
# RUN: not dac build %t/arraybounds.py -o %t/a 2>&1 | FileCheck %s --check-prefix=ARRAYBOUNDS
# RUN: not dac build %t/seedrange.py -o %t/sr 2>&1 | FileCheck %s --check-prefix=SEEDRANGE
# RUN: not dac build %t/legacyother.py -o %t/lo 2>&1 | FileCheck %s --check-prefix=LEGACYOTHER
# RUN: not dac build %t/legacydtype.py -o %t/ld 2>&1 | FileCheck %s --check-prefix=LEGACYDTYPE
# RUN: not dac build %t/negseed.py -o %t/ns 2>&1 | FileCheck %s --check-prefix=NEGSEED
# RUN: dac build %t/runnegseed.py -o %t/rns
# RUN: not %mpirun -n 3 %t/rns 2>&1 | FileCheck %s --check-prefix=RUNNEGSEED
# RUN: dac build %t/runseed.py -o %t/rseed
# RUN: not %mpirun -n 2 %t/rseed 2>&1 | FileCheck %s --check-prefix=RUNSEED
# RUN: dac build %t/runhigh.py -o %t/rh
# RUN: not %mpirun -n 2 %t/rh 2>&1 | FileCheck %s --check-prefix=RUNHIGH
# RUN: dac build %t/runorder.py -o %t/ro
# RUN: not %mpirun -n 3 %t/ro 2>&1 | FileCheck %s --check-prefix=RUNORDER
# RUN: dac build %t/runscale.py -o %t/rs
# RUN: not %mpirun -n 2 %t/rs 2>&1 | FileCheck %s --check-prefix=RUNSCALE
# Generator.integers and normal, and the legacy np.random functions, check
# their arguments as NumPy does: at compile time when the arguments are
# known, else on every rank with the line.

#--- high.py
import numpy as np
rng = np.random.default_rng(1)
x = rng.integers(0, size=3)
# HIGH: high.py:3:5: error: ValueError: high <= 0

#--- order.py
import numpy as np
rng = np.random.default_rng(1)
x = rng.integers(5, 5, size=3, endpoint=False)
y = rng.integers(5, 4, size=3, endpoint=True)
# ORDER: order.py:3:5: error: ValueError: low >= high

#--- bounds.py
import numpy as np
rng = np.random.default_rng(1)
x = rng.integers(-3, 2**40, size=3, dtype=np.int32)
# BOUNDS: bounds.py:3:5: error: ValueError: high is out of bounds for int32

#--- scale.py
import numpy as np
rng = np.random.default_rng(1)
x = rng.normal(1.0, -0.0, size=3)
# SCALE: scale.py:3:5: error: ValueError: scale < 0

#--- dtype.py
import numpy as np
rng = np.random.default_rng(1)
x = rng.standard_normal(3, dtype=np.float32)
# DTYPE: dtype.py:3:5: error: Generator.standard_normal with dtype float32 is not supported yet (float64 is)

#--- arraybounds.py
import numpy as np
rng = np.random.default_rng(1)
x = rng.integers(0, np.arange(1, 4))
# ARRAYBOUNDS: arraybounds.py:3:5: error: Generator.integers with bounds other than integer numbers is not supported yet

#--- seedrange.py
import numpy as np
np.random.seed(2**32)
# SEEDRANGE: seedrange.py:2:1: error: ValueError: Seed must be between 0 and 2**32 - 1

#--- legacyother.py
import numpy as np
np.random.seed(1)
x = np.random.choice(5, 3)
# LEGACYOTHER: legacyother.py:3:5: error: np.random.choice is not supported yet (seed, rand, randn, randint, random_sample, random, standard_normal, normal and uniform are)

#--- legacydtype.py
import numpy as np
x = np.random.randint(0, 5, size=3, dtype=np.int32)
# LEGACYDTYPE: legacydtype.py:2:5: error: np.random.randint with dtype int32 is not supported yet (int64 is)

#--- negseed.py
import numpy as np
rng = np.random.default_rng(-7)
# NEGSEED: negseed.py:2:7: error: ValueError: expected non-negative integer

#--- runnegseed.py
import numpy as np
n = int(np.arange(3).sum()) - 10
rng = np.random.default_rng(n)
print(rng.random(3))
# One message for all ranks, with the line.
# RUNNEGSEED: dac: error: {{.*}}runnegseed.py:3:7: ValueError: expected non-negative integer (all 3 ranks)
# RUNNEGSEED-NOT: dac: error

#--- runseed.py
import numpy as np
s = int(np.ones(3).sum()) - 4
np.random.seed(3)
print(np.random.randint(0, 9, size=2))
np.random.seed(s)
# RUNSEED: [{{.*}}]
# RUNSEED: dac: error: {{.*}}runseed.py:5:1: ValueError: Seed must be between 0 and 2**32 - 1 (all 2 ranks)

#--- runhigh.py
import numpy as np
rng = np.random.default_rng(1)
n = int(np.zeros(4).sum())
print(rng.integers(5, size=2))
print(rng.integers(n, size=2))
# RUNHIGH: [{{.*}}]
# RUNHIGH: dac: error: {{.*}}runhigh.py:5:7: ValueError: high <= 0 (all 2 ranks)

#--- runorder.py
import numpy as np
rng = np.random.default_rng(1)
n = int(np.ones(4).sum())
print(rng.integers(n, 4, size=2))
# RUNORDER: dac: error: {{.*}}runorder.py:4:7: ValueError: low >= high (all 3 ranks)

#--- runscale.py
import numpy as np
rng = np.random.default_rng(1)
s = np.ones(4).sum() - 5.0
print(rng.normal(0.0, s, size=2))
# RUNSCALE: dac: error: {{.*}}runscale.py:4:7: ValueError: scale < 0 (all 2 ranks)
