# RUN: dac %s --emit=dist | FileCheck %s

# Tests that the frontend lowers NumPy views faithfully: a slice read is a
# dist.gather of the base, a slice assignment a dist.insert into it (the
# right side gathered first), a view written through updates its base, and
# broadcasting reads the small operand with step 0.

import numpy as np

a = np.arange(10.0)
# CHECK: %[[A:.*]] = dist.arange
# CHECK: %[[T:.*]] = dist.gather %[[A]] [1] steps [1] dims [0] : !dist.array<10xf64> -> !dist.array<9xf64>
# CHECK: %[[S:.*]] = dist.gather %[[A]] [0] steps [1] dims [0] : !dist.array<10xf64> -> !dist.array<9xf64>
# CHECK: %[[M:.*]] = dist.map %[[T]], %[[S]]
# CHECK: %[[I:.*]] = dist.insert %[[M]] into %[[A]] [1] steps [1] dims [0] : !dist.array<9xf64> into !dist.array<10xf64> -> !dist.array<10xf64>
a[1:] = a[1:] - a[:-1]
# CHECK: dist.gather %[[I]] [9] steps [-3] dims [0] : !dist.array<10xf64> -> !dist.array<4xf64>
r = a[::-3]
print(r)
m = np.ones((3, 4))
# CHECK: dist.gather %{{.*}} [0] steps [1] dims [1] : !dist.array<4xf64> -> !dist.array<3x4xf64, #dist.layout<[b, n]>>
print(m + np.arange(4.0))
