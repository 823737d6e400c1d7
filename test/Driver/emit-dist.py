# RUN: dac %s --emit=dist | FileCheck %s
# RUN: dac %s --emit=dist | dac-opt --dac-pipeline | FileCheck %s --check-prefix=PIPE

# Tests that --emit=dist prints parseable global dist IR with source
# locations, and that dac-opt --dac-pipeline takes it to the LLVM dialect.
import numpy as np

rng = np.random.default_rng(3)
x = rng.random(1000)
print(np.sqrt(x).sum())

# CHECK: func.func @main()
# CHECK: %[[RNG:.*]] = dist.rng_create %{{.*}} loc(#[[RLOC:loc[0-9]+]])
# CHECK: dist.random %[[RNG]][%{{.*}}] : !dist.array<1000xf64>
# CHECK: dist.map
# CHECK: math.sqrt
# CHECK: dist.reduce <sum>
# CHECK: dist.print "{}\0A"
# CHECK: #[[RLOC]] = loc("{{.*}}emit-dist.py":8:7 to :31)
# PIPE: llvm.func @main
# PIPE: llvm.call @dac_rt_rng_state_at
