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

// -----

#bn = #dist.layout<[b, n]>
#b = #dist.layout<[b]>

// Tests that views a kernel reads become accesses of the kernel's inputs
// (the gathers disappear) and that a producer read through an access is
// not inlined.
// CHECK-LABEL: func @views
func.func @views(%m: !dist.array<6x4xf64, #bn>, %v: !dist.array<4xf64, #b>) -> f64 {
  // CHECK-NOT: dist.gather
  // CHECK: %[[W:.*]] = dist.kernel [4] <[b]> ins(%{{.*}} : !dist.array<4xf64, #dist.layout<[b]>>) reductions [unit]
  %w = dist.map %v : !dist.array<4xf64, #b> -> !dist.array<4xf64, #b> {
  ^bb0(%x: f64):
    %t = arith.mulf %x, %x : f64
    dist.yield %t : f64
  }
  %sh = dist.gather %m [0, 1] steps [1, 1] dims [0, 1] : !dist.array<6x4xf64, #bn> -> !dist.array<6x3xf64, #bn>
  %lo = dist.gather %w [0] steps [1] dims [1] : !dist.array<4xf64, #b> -> !dist.array<6x3xf64, #bn>
  // CHECK: dist.kernel [6, 3] <[b, n]> ins(%{{.*}}, %[[W]] : !dist.array<6x4xf64, #dist.layout<[b, n]>>, !dist.array<4xf64, #dist.layout<[b]>>) at [#dist.access<[0, 1] steps [1, 1] dims [0, 1]>, #dist.access<[0] steps [1] dims [1]>] reductions [#dist.reduce<sum>] -> f64
  %p = dist.map %sh, %lo : !dist.array<6x3xf64, #bn>, !dist.array<6x3xf64, #bn> -> !dist.array<6x3xf64, #bn> {
  ^bb0(%x: f64, %y: f64):
    %t = arith.addf %x, %y : f64
    dist.yield %t : f64
  }
  %s = dist.reduce <sum> %p : !dist.array<6x3xf64, #bn> -> f64
  return %s : f64
}

// -----

#bn = #dist.layout<[b, n]>
#c = #dist.layout<[c]>

// Tests that a kernel whose array is only inserted, as a box, into another
// array becomes a kernel updating that array's window, iterating over the
// array's layout; an insert with a step, or into a cyclic array, stays.
// CHECK-LABEL: func @slice_assignment
func.func @slice_assignment(%u: !dist.array<6x5xf64, #bn>, %v: !dist.array<9xf64, #c>, %x: f64) -> (!dist.array<6x5xf64, #bn>, !dist.array<9xf64, #c>) {
  // CHECK: %[[U:.*]] = dist.kernel [4, 3] <[b, n]> ins(%{{.*}}, %{{.*}} : {{.*}}) at [#dist.access<[0, 1] steps [1, 1] dims [0, 1]>, #dist.access<[2, 1] steps [1, 1] dims [0, 1]>] into %{{.*}} : !dist.array<6x5xf64, #dist.layout<[b, n]>> window [1, 1] reductions [unit] -> !dist.array<6x5xf64, #dist.layout<[b, n]>>
  // CHECK-NOT: dist.insert %{{.*}} into %{{.*}} [1, 1]
  %up = dist.gather %u [0, 1] steps [1, 1] dims [0, 1] : !dist.array<6x5xf64, #bn> -> !dist.array<4x3xf64, #bn>
  %down = dist.gather %u [2, 1] steps [1, 1] dims [0, 1] : !dist.array<6x5xf64, #bn> -> !dist.array<4x3xf64, #bn>
  %s = dist.map %up, %down : !dist.array<4x3xf64, #bn>, !dist.array<4x3xf64, #bn> -> !dist.array<4x3xf64, #bn> {
  ^bb0(%a: f64, %b: f64):
    %t = arith.addf %a, %b : f64
    dist.yield %t : f64
  }
  %new = dist.insert %s into %u [1, 1] steps [1, 1] dims [0, 1] : !dist.array<4x3xf64, #bn> into !dist.array<6x5xf64, #bn> -> !dist.array<6x5xf64, #bn>
  // CHECK: dist.insert %{{.*}} into %{{.*}} [1] steps [2] dims [0]
  %f = dist.full %x : f64 -> !dist.array<4xf64, #c>
  %w = dist.insert %f into %v [1] steps [2] dims [0] : !dist.array<4xf64, #c> into !dist.array<9xf64, #c> -> !dist.array<9xf64, #c>
  return %new, %w : !dist.array<6x5xf64, #bn>, !dist.array<9xf64, #c>
}

// -----

#b = #dist.layout<[b]>

// Tests that copying a view into a box of another array (`a[1:] = a[:-1]`)
// becomes a window update reading the view's base through an access.
// CHECK-LABEL: func @view_copy
func.func @view_copy(%a: !dist.array<8xf64, #b>) -> !dist.array<8xf64, #b> {
  // CHECK-NOT: dist.gather
  // CHECK: dist.kernel [7] <[b]> ins(%{{.*}} : !dist.array<8xf64, #dist.layout<[b]>>) at [#dist.access<[0] steps [1] dims [0]>] into %{{.*}} : !dist.array<8xf64, #dist.layout<[b]>> window [1] reductions [unit]
  // CHECK-NOT: dist.insert
  %v = dist.gather %a [0] steps [1] dims [0] : !dist.array<8xf64, #b> -> !dist.array<7xf64, #b>
  %r = dist.insert %v into %a [1] steps [1] dims [0] : !dist.array<7xf64, #b> into !dist.array<8xf64, #b> -> !dist.array<8xf64, #b>
  return %r : !dist.array<8xf64, #b>
}

// -----

#bb = #dist.layout<[b, b]>

// Tests that assignments fixing an index (`u[0, :] = x`, `u[:, 4] =
// u[:, 1]`) become window updates over the destination's rank: the fixed
// dimension iterates over extent 1 at its index, reads name the iteration
// dimensions by their new positions; a constant inserted twice (CSE merged
// it) is copied for each insert.
// CHECK-LABEL: func @fixed_index
func.func @fixed_index(%u: !dist.array<6x5xf64, #bb>, %x: f64) -> !dist.array<6x5xf64, #bb> {
  // CHECK: %[[A:.*]] = dist.kernel [1, 5] <[b, b]> into %{{.*}} : !dist.array<6x5xf64, #dist.layout<[b, b]>> window [0, 0]
  // CHECK-NEXT: ^bb0(%{{.*}}: index, %{{.*}}: index):
  // CHECK: %[[B:.*]] = dist.kernel [1, 5] <[b, b]> into %[[A]] : !dist.array<6x5xf64, #dist.layout<[b, b]>> window [5, 0]
  // CHECK: dist.kernel [6, 1] <[b, b]> ins(%[[B]] : {{.*}}) at [#dist.access<[0, 1] steps [1, 1] dims [0, -1]>] into %[[B]] : !dist.array<6x5xf64, #dist.layout<[b, b]>> window [0, 4]
  // CHECK-NOT: dist.insert
  %f = dist.full %x : f64 -> !dist.array<5xf64>
  %a = dist.insert %f into %u [0, 0] steps [1, 1] dims [-1, 0] : !dist.array<5xf64> into !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  %b = dist.insert %f into %a [5, 0] steps [1, 1] dims [-1, 0] : !dist.array<5xf64> into !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  %col = dist.gather %b [0, 1] steps [1, 1] dims [0, -1] : !dist.array<6x5xf64, #bb> -> !dist.array<6xf64>
  %c = dist.insert %col into %b [0, 4] steps [1, 1] dims [0, -1] : !dist.array<6xf64> into !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  return %c : !dist.array<6x5xf64, #bb>
}
