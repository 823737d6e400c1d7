# RUN: dac %s --emit=dist | FileCheck %s --check-prefix=DIST
# RUN: dac %s --emit=local | FileCheck %s --check-prefix=LOCAL

# Tests that an array whose shape changes from one iteration to the next
# is carried with its extent: the loop carries an `index` next to the
# array (of type `?`), every use of the carried array goes through a
# dist.cast naming that extent, and the loop yields a cast of the new
# array and its extent. Partitioning carries the rank's chunk and the
# global extent, and builds the layouts inside the loop from it.

import numpy as np
a = np.arange(16.0)
while a.size > 1:
    a = a[::2] + a[1::2]
print(a)

# DIST: %[[INIT:.*]] = dist.cast %{{.*}}[%[[N:.*]]] : !dist.array<16xf64> -> !dist.array<?xf64>
# DIST: %[[OUT:.*]]:2 = scf.while (%[[A:.*]] = %[[INIT]], %[[E:.*]] = %[[N]]) : (!dist.array<?xf64>, index) -> (!dist.array<?xf64>, index)
# DIST: dist.cast %[[A]][%[[E]]]
# DIST: scf.condition
# DIST: do {
# DIST: ^bb0(%[[A2:.*]]: !dist.array<?xf64> {{.*}}, %[[E2:.*]]: index
# DIST: %[[USE:.*]] = dist.cast %[[A2]][%[[E2]]]
# DIST: dist.gather %[[USE]] [0] steps [2]
# DIST: %[[NEW:.*]] = dist.cast %{{.*}}[%[[NE:.*]]] : !dist.array<?xf64> -> !dist.array<?xf64>
# DIST: scf.yield %[[NEW]], %[[NE]] : !dist.array<?xf64>, index
# DIST: dist.cast %[[OUT]]#0[%[[OUT]]#1]

# LOCAL-NOT: dist.
# LOCAL: scf.while ({{.*}}) : (memref<?xf64>, index{{.*}}) -> (memref<?xf64>, index
# LOCAL: } do {
# LOCAL: call @dac_rt_layout_create
# LOCAL: scf.yield {{.*}} : memref<?xf64>, index
