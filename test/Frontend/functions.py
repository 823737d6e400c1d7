# RUN: dac %s --emit=dist | FileCheck %s
# RUN: dac %s --emit=dist | dac-opt --dac-to-local | FileCheck %s --check-prefix=LOCAL

# Tests that a user function is compiled once per kind of call as a private
# func.func (not evaluated at each call): the array it updates in place
# comes back as a result the caller rebinds, calls with arguments of the
# same kinds (here: from the loop and after it) share one body, and the
# pipeline inlines the calls before partitioning.
import numpy as np


def relax(u, w):
    u[1:-1] = (1.0 - w) * u[1:-1] + w * 0.5 * (u[:-2] + u[2:])


u = np.linspace(0.0, 1.0, 64) ** 2
for it in range(1000):
    relax(u, 0.8)
relax(u, 0.8)
print(u.sum())

# CHECK-LABEL: func.func @main()
# CHECK: scf.for {{.*}} iter_args({{.*}}, %[[U:.*]] = %{{.*}}) -> (i64, !dist.array<64xf64>)
# CHECK: %[[NEW:.*]] = func.call @py.relax(%[[U]]) : (!dist.array<64xf64>) -> !dist.array<64xf64>
# CHECK: scf.yield %{{.*}}, %[[NEW]]
# CHECK: call @py.relax(%{{.*}}) : (!dist.array<64xf64>) -> !dist.array<64xf64>
# CHECK: dist.reduce <sum>
# CHECK-LABEL: func.func private @py.relax(
# CHECK-SAME: %[[ARG:.*]]: !dist.array<64xf64>
# CHECK: %[[OUT:.*]] = dist.insert %{{.*}} into %[[ARG]]
# CHECK: return %[[OUT]]
# CHECK-NOT: func.func private @py.relax

# LOCAL-NOT: @py.relax
# LOCAL: func.func @main(
# LOCAL-NOT: @py.relax
