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
