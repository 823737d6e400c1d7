# RUN: dac %s --emit=ast | FileCheck %s --check-prefix=AST
# RUN: dac %s --emit=local | FileCheck %s --check-prefix=LOCAL
# RUN: dac %s --emit=llvm | FileCheck %s --check-prefix=LLVM
# RUN: dac %s --emit=dot | FileCheck %s --check-prefix=DOT
# RUN: dac %s --emit=obj -o %t.o && test -s %t.o

# Tests that every --emit stage prints what it should.
import numpy as np

a = np.arange(10) * 2.0
print(a.max())

# AST: Module
# AST: Import numpy as np
# LOCAL: func.func @main(%{{.*}}: i32, %{{.*}}: !llvm.ptr) -> i32
# LOCAL: call @dac_rt_layout_block_range
# LOCAL: scf.for
# LOCAL: call @dac_rt_allreduce_f64
# LLVM: define {{.*}}i32 @main(i32 %0, ptr %1)
# LLVM: call double @dac_rt_allreduce_f64
# Functions need no particular vector width (the CPU's tuning picks it):
# LLVM: attributes {{.*}}"min-legal-vector-width"="0"
# DOT: digraph
