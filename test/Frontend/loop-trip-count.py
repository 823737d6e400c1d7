# RUN: split-file %s %t
# RUN: dac %t/ten.py --emit=dist | grep -c -E '^ +(%|dist\.|scf\.|arith\.)' > %t/ten.count
# RUN: dac %t/huge.py --emit=dist | grep -c -E '^ +(%|dist\.|scf\.|arith\.)' > %t/huge.count
# RUN: diff %t/ten.count %t/huge.count
# RUN: dac %t/huge.py --emit=dist | FileCheck %s

# Tests that a loop is compiled as a loop: the IR of a loop of 10^7
# iterations has exactly as many ops as that of a loop of 10 (compile time
# does not depend on the trip count), and the loop is an scf.for carrying
# the loop variable, the array and the random stream's position.

# CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args({{.*}}) -> (i64, !dist.array<100xf64>, i64)
# CHECK: dist.random
# CHECK: scf.yield

#--- ten.py
import numpy as np
rng = np.random.default_rng(1)
x = np.ones(100)
for i in range(10):
    x = x * 0.5 + rng.random(100)
print(x.sum())

#--- huge.py
import numpy as np
rng = np.random.default_rng(1)
x = np.ones(100)
for i in range(10000000):
    x = x * 0.5 + rng.random(100)
print(x.sum())
