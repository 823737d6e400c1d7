# RUN: dac %s --emit=dist | FileCheck %s

# Tests the layout of an element-wise result: the operand layout the others
# move the fewest bytes into. A replicated operand is gathered into the
# distributed one's layout (read in place, nothing moves) even when it
# comes first; of two distributed float operands the first wins; a bool
# operand weighs less than a float one.
import dac.numpy as np

r = np.ones((6, 4), dist=('n', 'n'))
c = np.ones((6, 4), dist=('c', 'n'))
b = np.ones((6, 4), dist=('b', 'n'))
# CHECK: %[[R:.*]] = dist.full {{.*}} #dist.layout<[n, n]>>
# CHECK: %[[C:.*]] = dist.full {{.*}} #dist.layout<[c, n]>>
# CHECK: %[[B:.*]] = dist.full {{.*}} #dist.layout<[b, n]>>
# CHECK: %[[RC:.*]] = dist.gather %[[R]] {{.*}} -> !dist.array<6x4xf64, #dist.layout<[c, n]>>
# CHECK: dist.map %[[RC]], %[[C]] {{.*}} -> !dist.array<6x4xf64, #dist.layout<[c, n]>>
x = r + c
# CHECK: %[[CB:.*]] = dist.gather %[[C]] {{.*}} -> !dist.array<6x4xf64, #dist.layout<[b, n]>>
# CHECK: dist.map %[[B]], %[[CB]] {{.*}} -> !dist.array<6x4xf64, #dist.layout<[b, n]>>
y = b + c
# CHECK: %[[K:.*]] = dist.map %[[B]] {{.*}} -> !dist.array<6x4xi1, #dist.layout<[b, n]>>
# CHECK: %[[KC:.*]] = dist.gather %[[K]] {{.*}} -> !dist.array<6x4xi1, #dist.layout<[c, n]>>
# CHECK: dist.map %[[KC]], %[[C]], %[[C]] {{.*}} -> !dist.array<6x4xf64, #dist.layout<[c, n]>>
z = np.where(b > 0, c, c)
print(x.sum() + y.sum() + z.sum())
