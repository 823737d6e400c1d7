// RUN: dac-opt %s --inline --symbol-dce | FileCheck %s
// RUN: dac-opt %s --dac-to-local | FileCheck %s --check-prefix=LOCAL

// Tests that calls of functions made of dist ops (with regions, inside
// loops) inline into their callers, as the pipeline does first with the
// script frontend's functions, and that the callees are then dropped.

// CHECK-NOT: func.func private @square
// CHECK-LABEL: func.func @main
// CHECK-NOT: call
// CHECK: scf.for
// CHECK: dist.map
// CHECK: arith.mulf
// CHECK: dist.yield
// CHECK: scf.yield
// CHECK: dist.reduce <sum>
// LOCAL-NOT: @square
// LOCAL: dac_rt_allreduce
func.func private @square(%a: !dist.array<16xf64>) -> !dist.array<16xf64> {
  %r = dist.map %a : !dist.array<16xf64> -> !dist.array<16xf64> {
  ^bb0(%x: f64):
    %y = arith.mulf %x, %x : f64
    dist.yield %y : f64
  }
  return %r : !dist.array<16xf64>
}

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %one = arith.constant 1.0 : f64
  %a = dist.full %one : f64 -> !dist.array<16xf64>
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%v = %a) -> (!dist.array<16xf64>) {
    %s = func.call @square(%v) : (!dist.array<16xf64>) -> !dist.array<16xf64>
    scf.yield %s : !dist.array<16xf64>
  }
  %sum = dist.reduce <sum> %r : !dist.array<16xf64> -> f64
  dist.print "{}\0A" %sum : f64
  return
}
