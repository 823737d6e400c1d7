// RUN: dac-opt %s --canonicalize -split-input-file | FileCheck %s

#bn = #dist.layout<[b, n]>
#b = #dist.layout<[b]>

// Tests that a gather of a gather reads the first one's source: starts,
// steps and dims composed, fixed indices kept, dynamic starts computed.
// CHECK-LABEL: func @gather_of_gather
func.func @gather_of_gather(%v: !dist.array<10xf64, #b>, %m: !dist.array<8x6xf64, #bn>, %i: index, %n: index) -> (!dist.array<6x4xf64, #bn>, !dist.array<3xf64, #b>, !dist.array<2xf64, #b>) {
  // CHECK: %[[C3:.*]] = arith.constant 3 : index
  // v[1:9:2][None, :] broadcast over 6 rows: v[1 + 2 * k1]
  // CHECK: dist.gather %{{.*}} [1] steps [2] dims [1] : !dist.array<10xf64, #dist.layout<[b]>> -> !dist.array<6x4xf64, #dist.layout<[b, n]>>
  %s = dist.gather %v [1] steps [2] dims [0] : !dist.array<10xf64, #b> -> !dist.array<4xf64, #b>
  %r = dist.gather %s [0] steps [1] dims [1] : !dist.array<4xf64, #b> -> !dist.array<1x4xf64, #bn>
  %bc = dist.gather %r [0, 0] steps [0, 1] dims [-1, 1] : !dist.array<1x4xf64, #bn> -> !dist.array<6x4xf64, #bn>
  // m[2, :][::-2] = m[2, 5 - 2 * k]
  // CHECK: dist.gather %{{.*}} [2, 5] steps [1, -2] dims [-1, 0] : !dist.array<8x6xf64, #dist.layout<[b, n]>> -> !dist.array<3xf64, #dist.layout<[b]>>
  %row = dist.gather %m [2, 0] steps [1, 1] dims [-1, 0] : !dist.array<8x6xf64, #bn> -> !dist.array<6xf64, #b>
  %rev = dist.gather %row [5] steps [-2] dims [0] : !dist.array<6xf64, #b> -> !dist.array<3xf64, #b>
  // v[i:][3:5] = v[i + 3 + k]
  // CHECK: %[[S:.*]] = arith.addi %{{.*}}, %[[C3]] : index
  // CHECK: dist.gather %{{.*}} [%[[S]]] steps [1] dims [0] : !dist.array<10xf64, #dist.layout<[b]>> -> !dist.array<2xf64, #dist.layout<[b]>>
  %tail = dist.gather %v [%i] steps [1] dims [0] sizes(%n) : !dist.array<10xf64, #b> -> !dist.array<?xf64, #b>
  %two = dist.gather %tail [3] steps [1] dims [0] : !dist.array<?xf64, #b> -> !dist.array<2xf64, #b>
  return %bc, %rev, %two : !dist.array<6x4xf64, #bn>, !dist.array<3xf64, #b>, !dist.array<2xf64, #b>
}

// -----

#b = #dist.layout<[b]>

#bb = #dist.layout<[b, b]>

// Tests that a gather that wraps (np.roll) is not composed with a slice of
// it (wrapping is modulo its own source's extent), but a roll of a roll is
// one roll by the sum of the shifts (back to no wrap where they cancel).
// CHECK-LABEL: func @wraps
func.func @wraps(%v: !dist.array<10xf64, #b>, %g: !dist.array<6x5xf64, #bb>) -> (!dist.array<8xf64, #b>, !dist.array<6x5xf64, #bb>, !dist.array<6x5xf64, #bb>) {
  // CHECK: %[[R:.*]] = dist.gather %{{.*}} [9] steps [1] dims [0] wrap [0]
  // CHECK: dist.gather %[[R]] [1] steps [1] dims [0] :
  %r = dist.gather %v [9] steps [1] dims [0] wrap [0] : !dist.array<10xf64, #b> -> !dist.array<10xf64, #b>
  %s = dist.gather %r [1] steps [1] dims [0] : !dist.array<10xf64, #b> -> !dist.array<8xf64, #b>
  // CHECK: dist.gather %{{.*}} [5, 4] steps [1, 1] dims [0, 1] wrap [0, 1] :
  %down = dist.gather %g [5, 0] steps [1, 1] dims [0, 1] wrap [0] : !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  %diag = dist.gather %down [0, 4] steps [1, 1] dims [0, 1] wrap [1] : !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  // CHECK: dist.gather %{{.*}} [0, 4] steps [1, 1] dims [0, 1] wrap [1] :
  %up = dist.gather %down [1, 4] steps [1, 1] dims [0, 1] wrap [0, 1] : !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  return %s, %diag, %up : !dist.array<8xf64, #b>, !dist.array<6x5xf64, #bb>, !dist.array<6x5xf64, #bb>
}
