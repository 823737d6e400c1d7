// RUN: dac-opt %s --dist-assign-layout -split-input-file | FileCheck %s

// Tests that created arrays get the default layout (block on dimension 0)
// and that maps inherit their operands' layout.
// CHECK-LABEL: func @defaults
func.func @defaults(%v: f64) {
  // CHECK: dist.full {{.*}} -> !dist.array<6x4xf64, #dist.layout<[b, n]>>
  %a = dist.full %v : f64 -> !dist.array<6x4xf64>
  // CHECK: dist.map {{.*}} -> !dist.array<6x4xf64, #dist.layout<[b, n]>>
  %b = dist.map %a : !dist.array<6x4xf64> -> !dist.array<6x4xf64> {
  ^bb0(%x: f64):
    dist.yield %x : f64
  }
  // CHECK: dist.full {{.*}} -> !dist.array<f64, #dist.layout<[]>>
  %c = dist.full %v : f64 -> !dist.array<f64>
  return
}

// -----

// Tests that an explicit layout is kept and propagated.
// CHECK-LABEL: func @explicit
func.func @explicit(%v: f64) {
  // CHECK: dist.full {{.*}} -> !dist.array<6x4xf64, #dist.layout<[n, b]>>
  %a = dist.full %v : f64 -> !dist.array<6x4xf64, #dist.layout<[n, b]>>
  // CHECK: dist.map {{.*}} -> !dist.array<6x4xf64, #dist.layout<[n, b]>>
  %b = dist.map %a : !dist.array<6x4xf64, #dist.layout<[n, b]>> -> !dist.array<6x4xf64> {
  ^bb0(%x: f64):
    dist.yield %x : f64
  }
  return
}

// -----

// Tests the layout of views: a box of block dimensions keeps its source's
// layout (a kernel over it computes where the source lives); a strided
// view, one that drops a dimension, and a box of a cyclic array get the
// default.
// CHECK-LABEL: func @views
func.func @views(%v: f64) {
  %a = dist.full %v : f64 -> !dist.array<6x4xf64, #dist.layout<[b, b]>>
  // CHECK: dist.gather {{.*}} -> !dist.array<4x2xf64, #dist.layout<[b, b]>>
  %box = dist.gather %a [1, 1] steps [1, 1] dims [0, 1] : !dist.array<6x4xf64, #dist.layout<[b, b]>> -> !dist.array<4x2xf64>
  // CHECK: dist.gather {{.*}} -> !dist.array<3x4xf64, #dist.layout<[b, n]>>
  %strided = dist.gather %a [0, 0] steps [2, 1] dims [0, 1] : !dist.array<6x4xf64, #dist.layout<[b, b]>> -> !dist.array<3x4xf64>
  // CHECK: dist.gather {{.*}} -> !dist.array<4xf64, #dist.layout<[b]>>
  %row = dist.gather %a [2, 0] steps [1, 1] dims [-1, 0] : !dist.array<6x4xf64, #dist.layout<[b, b]>> -> !dist.array<4xf64>
  %c = dist.full %v : f64 -> !dist.array<8xf64, #dist.layout<[c]>>
  // CHECK: dist.gather {{.*}} -> !dist.array<6xf64, #dist.layout<[b]>>
  %cbox = dist.gather %c [1] steps [1] dims [0] : !dist.array<8xf64, #dist.layout<[c]>> -> !dist.array<6xf64>
  return
}

// -----

// Tests the layouts of matrix products: rows where the left operand's are
// (cyclic too), replicated when the contracted dimension is the only split,
// columns where the right operand's are for a vector times a matrix.
// CHECK-LABEL: func @matmul
func.func @matmul(%a: !dist.array<6x4xf64, #dist.layout<[c, n]>>, %b: !dist.array<4x5xf64, #dist.layout<[n, n]>>, %s: !dist.array<6x4xf64, #dist.layout<[n, b]>>, %x: !dist.array<6xf64, #dist.layout<[n]>>, %m: !dist.array<6x5xf64, #dist.layout<[n, c]>>) {
  // CHECK: dist.matmul {{.*}} -> !dist.array<6x5xf64, #dist.layout<[c, n]>>
  %r = dist.matmul %a, %b : !dist.array<6x4xf64, #dist.layout<[c, n]>>, !dist.array<4x5xf64, #dist.layout<[n, n]>> -> !dist.array<6x5xf64>
  // CHECK: dist.matmul {{.*}} -> !dist.array<6x5xf64, #dist.layout<[n, n]>>
  %t = dist.matmul %s, %b : !dist.array<6x4xf64, #dist.layout<[n, b]>>, !dist.array<4x5xf64, #dist.layout<[n, n]>> -> !dist.array<6x5xf64>
  // CHECK: dist.matmul {{.*}} -> !dist.array<5xf64, #dist.layout<[c]>>
  %u = dist.matmul %x, %m : !dist.array<6xf64, #dist.layout<[n]>>, !dist.array<6x5xf64, #dist.layout<[n, c]>> -> !dist.array<5xf64>
  return
}

// -----

// Tests the layouts of products of stacks of matrices: split along the
// stack as the (left) stack operand is, block when that is split otherwise.
// CHECK-LABEL: func @matmul_stacks
func.func @matmul_stacks(%a: !dist.array<3x6x4xf64, #dist.layout<[c, n, n]>>, %b: !dist.array<4x5xf64, #dist.layout<[n, b]>>, %g: !dist.array<3x4x5xf64, #dist.layout<[n, b, n]>>, %v: !dist.array<4xf64, #dist.layout<[n]>>) {
  // CHECK: dist.matmul {{.*}} -> !dist.array<3x6x5xf64, #dist.layout<[c, n, n]>>
  %r = dist.matmul %a, %b : !dist.array<3x6x4xf64, #dist.layout<[c, n, n]>>, !dist.array<4x5xf64, #dist.layout<[n, b]>> -> !dist.array<3x6x5xf64>
  // CHECK: dist.matmul {{.*}} -> !dist.array<3x6x5xf64, #dist.layout<[c, n, n]>>
  %s = dist.matmul %a, %g : !dist.array<3x6x4xf64, #dist.layout<[c, n, n]>>, !dist.array<3x4x5xf64, #dist.layout<[n, b, n]>> -> !dist.array<3x6x5xf64>
  // CHECK: dist.matmul {{.*}} -> !dist.array<3x5xf64, #dist.layout<[b, n]>>
  %t = dist.matmul %v, %g : !dist.array<4xf64, #dist.layout<[n]>>, !dist.array<3x4x5xf64, #dist.layout<[n, b, n]>> -> !dist.array<3x5xf64>
  return
}

// -----

// Tests that a product of a matrix in blocks on a 2-D grid is on a 2-D
// grid too (SUMMA), whatever the right operand's layout.
// CHECK-LABEL: func @matmul_grid
func.func @matmul_grid(%a: !dist.array<6x4xf64, #dist.layout<[b, b]>>, %b: !dist.array<4x5xf64, #dist.layout<[c, n]>>) {
  // CHECK: dist.matmul {{.*}} -> !dist.array<6x5xf64, #dist.layout<[b, b]>>
  %r = dist.matmul %a, %b : !dist.array<6x4xf64, #dist.layout<[b, b]>>, !dist.array<4x5xf64, #dist.layout<[c, n]>> -> !dist.array<6x5xf64>
  return
}
