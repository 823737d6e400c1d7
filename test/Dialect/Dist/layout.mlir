// RUN: dac-opt %s | dac-opt | FileCheck %s

// Tests that every per-dimension distribution kind prints and parses.
// CHECK-LABEL: func @layouts
func.func @layouts(
  // CHECK-SAME: #dist.layout<[b, n]>
  %a: !dist.array<10x4xf64, #dist.layout<[b, n]>>,
  // CHECK-SAME: #dist.layout<[c, c{k = 2}], grid = [2, 2]>
  %b: !dist.array<10x16xf64, #dist.layout<[c, c{k = 2}], grid = [2, 2]>>,
  // CHECK-SAME: #dist.layout<[b{bounds = [0, 2, 6, 7, 9]}]>
  %c: !dist.array<9xi64, #dist.layout<[b{bounds = [0, 2, 6, 7, 9]}]>>,
  // CHECK-SAME: #dist.layout<[b{halo = [1, 2], periodic}, n]>
  %d: !dist.array<8x8xf32, #dist.layout<[b{halo = [1, 2], periodic}, n]>>,
  // CHECK-SAME: #dist.layout<[u{indices = {{\[\[}}4, 0], [1, 3, 2]]}]>
  %e: !dist.array<5xf64, #dist.layout<[u{indices = [[4, 0], [1, 3, 2]]}]>>,
  // CHECK-SAME: !dist.array<f64, #dist.layout<[]>>
  %f: !dist.array<f64, #dist.layout<[]>>,
  // CHECK-SAME: !dist.array<?x3xi1>
  %g: !dist.array<?x3xi1>) {
  return
}
