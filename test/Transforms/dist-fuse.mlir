// RUN: dac-opt %s --dist-fuse -split-input-file | FileCheck %s

#b = #dist.layout<[b]>

// Tests that random -> map -> map -> reduce becomes a single kernel with two
// draws and no array result (the Monte Carlo pi chain).
// CHECK-LABEL: func @pi_chain
func.func @pi_chain(%rng: !dist.rng, %n: index, %o0: i64, %o1: i64, %one: f64) -> i64 {
  %x = dist.random %rng[%o0] (%n) : !dist.array<?xf64, #b>
  %y = dist.random %rng[%o1] (%n) : !dist.array<?xf64, #b>
  %h = dist.map %x, %y : !dist.array<?xf64, #b>, !dist.array<?xf64, #b> -> !dist.array<?xf64, #b> {
  ^bb0(%a: f64, %b: f64):
    %s = arith.addf %a, %b : f64
    dist.yield %s : f64
  }
  %in = dist.map %h : !dist.array<?xf64, #b> -> !dist.array<?xi64, #b> {
  ^bb0(%a: f64):
    %c = arith.cmpf ole, %a, %one : f64
    %e = arith.extui %c : i1 to i64
    dist.yield %e : i64
  }
  %s = dist.reduce <sum> %in : !dist.array<?xi64, #b> -> i64
  // CHECK: %[[K:.*]] = dist.kernel [%{{.*}}] <[b]> draws(%{{.*}}, %{{.*}} at %{{.*}}, %{{.*}}) reductions [#dist.reduce<sum>] -> i64 {
  // CHECK-NEXT: ^bb0(%{{.*}}: index, %[[D0:.*]]: f64, %[[D1:.*]]: f64):
  // CHECK-NEXT: %[[S:.*]] = arith.addf %[[D0]], %[[D1]]
  // CHECK-NEXT: %[[C:.*]] = arith.cmpf ole, %[[S]]
  // CHECK-NEXT: %[[E:.*]] = arith.extui %[[C]]
  // CHECK-NEXT: dist.yield %[[E]] : i64
  // CHECK-NOT: dist.kernel
  // CHECK: return %[[K]]
  return %s : i64
}

// -----

#b = #dist.layout<[b]>

// Tests that an array that costs something to produce (here a random
// stream) and is read by two kernels is materialised once, not fused.
// CHECK-LABEL: func @shared_producer
func.func @shared_producer(%rng: !dist.rng, %o: i64) -> (f64, f64) {
  // CHECK: %[[A:.*]] = dist.kernel [8] <[b]> draws({{.*}}) reductions [unit] -> !dist.array<8xf64, #dist.layout<[b]>>
  %a = dist.random %rng[%o] : !dist.array<8xf64, #b>
  // CHECK: dist.kernel [8] <[b]> ins(%[[A]] {{.*}} reductions [#dist.reduce<sum>]
  %s = dist.reduce <sum> %a : !dist.array<8xf64, #b> -> f64
  // CHECK: dist.kernel [8] <[b]> ins(%[[A]] {{.*}} reductions [#dist.reduce<max>]
  %m = dist.reduce <max> %a : !dist.array<8xf64, #b> -> f64
  return %s, %m : f64, f64
}

// -----

#b = #dist.layout<[b]>

// Tests that a producer that reads nothing (np.full) is recomputed inside
// each of its consumers instead of being stored.
// CHECK-LABEL: func @cheap_producer
func.func @cheap_producer(%v: f64) -> (f64, f64) {
  // CHECK-NOT: reductions [unit]
  // CHECK: dist.kernel [8] <[b]> reductions [#dist.reduce<sum>]
  // CHECK: dist.kernel [8] <[b]> reductions [#dist.reduce<max>]
  %a = dist.full %v : f64 -> !dist.array<8xf64, #b>
  %s = dist.reduce <sum> %a : !dist.array<8xf64, #b> -> f64
  %m = dist.reduce <max> %a : !dist.array<8xf64, #b> -> f64
  return %s, %m : f64, f64
}

// -----

#b = #dist.layout<[b]>

// Tests that arange fuses as a computation on the global index, using
// NumPy's fill rule (start, start + step, then start + i * delta).
// CHECK-LABEL: func @arange
func.func @arange(%start: f64, %step: f64) -> f64 {
  %a = dist.arange %start, %step : f64, f64 -> !dist.array<5xf64, #b>
  %s = dist.reduce <sum> %a : !dist.array<5xf64, #b> -> f64
  // CHECK: dist.kernel [5] <[b]> reductions [#dist.reduce<sum>] -> f64 {
  // CHECK-NEXT: ^bb0(%[[I:.*]]: index):
  // CHECK: %[[SECOND:.*]] = arith.addf %{{.*}}, %{{.*}}
  // CHECK: %[[DELTA:.*]] = arith.subf %[[SECOND]]
  // CHECK: arith.select
  // CHECK-NOT: dist.kernel
  return %s : f64
}

// -----

#b = #dist.layout<[b]>

// Tests that a producer outside a loop is not moved into the loop (its work
// would repeat on every iteration), while an array that reads nothing
// (np.full) is recomputed inside; and that the chain inside the body fuses
// into one kernel whose result is the carried array.
// CHECK-LABEL: func @loop_boundary
func.func @loop_boundary(%rng: !dist.rng, %o: i64, %v: f64, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  // CHECK: %[[X:.*]] = dist.kernel [8] <[b]> draws
  %x = dist.random %rng[%o] : !dist.array<8xf64, #b>
  %f = dist.full %v : f64 -> !dist.array<8xf64, #b>
  // CHECK: scf.for
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> (!dist.array<8xf64, #b>) : i64 {
    // CHECK: %[[K:.*]] = dist.kernel [8] <[b]> ins(%{{.*}}, %[[X]] : {{.*}}) reductions [unit]
    // CHECK: arith.addf
    // CHECK: arith.mulf
    // CHECK-NOT: dist.kernel
    // CHECK: scf.yield %[[K]]
    %s = dist.map %a, %x : !dist.array<8xf64, #b>, !dist.array<8xf64, #b> -> !dist.array<8xf64, #b> {
    ^bb0(%p: f64, %q: f64):
      %t = arith.addf %p, %q : f64
      dist.yield %t : f64
    }
    %m = dist.map %s, %f : !dist.array<8xf64, #b>, !dist.array<8xf64, #b> -> !dist.array<8xf64, #b> {
    ^bb0(%p: f64, %q: f64):
      %t = arith.mulf %p, %q : f64
      dist.yield %t : f64
    }
    scf.yield %m : !dist.array<8xf64, #b>
  }
  return
}
