// RUN: dac-opt %s --dist-assign-layout -split-input-file -verify-diagnostics | FileCheck %s

// Tests that a loop's carried arrays, its block arguments and its results
// take the layout of the array entering it, and that the body's arrays
// inherit it.
// CHECK-LABEL: func @for_carries
func.func @for_carries(%v: f64, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  // CHECK: %[[A:.*]] = dist.full {{.*}} -> !dist.array<8x2xf64, #dist.layout<[b, n]>>
  %a = dist.full %v : f64 -> !dist.array<8x2xf64>
  // CHECK: scf.for {{.*}} iter_args(%[[X:.*]] = %[[A]]) -> (!dist.array<8x2xf64, #dist.layout<[b, n]>>)
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> (!dist.array<8x2xf64>) : i64 {
    // CHECK: dist.map %[[X]] {{.*}} -> !dist.array<8x2xf64, #dist.layout<[b, n]>>
    %y = dist.map %x : !dist.array<8x2xf64> -> !dist.array<8x2xf64> {
    ^bb0(%e: f64):
      dist.yield %e : f64
    }
    scf.yield %y : !dist.array<8x2xf64>
  }
  // CHECK: dist.reduce <sum> {{.*}} : !dist.array<8x2xf64, #dist.layout<[b, n]>>
  %s = dist.reduce <sum> %r : !dist.array<8x2xf64> -> f64
  return
}

// -----

// Tests scf.while (before and after regions) and scf.if results.
// CHECK-LABEL: func @while_and_if
func.func @while_and_if(%v: f64, %c: i1) {
  %a = dist.full %v : f64 -> !dist.array<4x4xf64>
  // CHECK: scf.while {{.*}} -> !dist.array<4x4xf64, #dist.layout<[b, n]>>
  %r = scf.while (%x = %a) : (!dist.array<4x4xf64>) -> !dist.array<4x4xf64> {
    scf.condition(%c) %x : !dist.array<4x4xf64>
  } do {
  // CHECK: ^bb0(%{{.*}}: !dist.array<4x4xf64, #dist.layout<[b, n]>>
  ^bb0(%x: !dist.array<4x4xf64>):
    scf.yield %x : !dist.array<4x4xf64>
  }
  // CHECK: scf.if {{.*}} -> (!dist.array<4x4xf64, #dist.layout<[b, n]>>)
  %b = scf.if %c -> !dist.array<4x4xf64> {
    scf.yield %r : !dist.array<4x4xf64>
  } else {
    %z = dist.full %v : f64 -> !dist.array<4x4xf64>
    scf.yield %z : !dist.array<4x4xf64>
  }
  return
}

// -----

// Tests that an array whose layout would change around a loop is an error:
// the loop carries the default layout, the body computes a cyclic array.
func.func @changes(%v: f64, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %a = dist.full %v : f64 -> !dist.array<8xf64>
  %c = dist.full %v : f64 -> !dist.array<8xf64, #dist.layout<[c]>>
  // expected-error @+1 {{an array carried by this loop is '!dist.array<8xf64, #dist.layout<[b]>>' on one path and '!dist.array<8xf64, #dist.layout<[c]>>' on another}}
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> (!dist.array<8xf64>) : i64 {
    %y = dist.map %c : !dist.array<8xf64, #dist.layout<[c]>> -> !dist.array<8xf64> {
    ^bb0(%e: f64):
      dist.yield %e : f64
    }
    scf.yield %y : !dist.array<8xf64>
  }
  return
}
