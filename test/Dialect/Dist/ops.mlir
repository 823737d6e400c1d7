// RUN: dac-opt %s | dac-opt | FileCheck %s

// Tests that creation ops, maps and reductions round-trip.
// CHECK-LABEL: func @creation
func.func @creation(%seed: i64, %off: i64, %n: index, %v: f64) -> f64 {
  // CHECK: %[[RNG:.*]] = dist.rng_create %{{.*}}
  %rng = dist.rng_create %seed
  // CHECK: dist.random %[[RNG]][%{{.*}}] (%{{.*}}) : !dist.array<?xf64>
  %x = dist.random %rng[%off] (%n) : !dist.array<?xf64>
  // CHECK: dist.sample <integers> %[[RNG]][%{{.*}}, %{{.*}}] params(%{{.*}}, %{{.*}}) (%{{.*}}) : !dist.array<?xi64>
  %i, %o1, %p1 = dist.sample <integers> %rng[%off, %off] params(%off, %off) (%n) : !dist.array<?xi64>
  // CHECK: dist.sample <standard_normal> %[[RNG]][%{{.*}}, %{{.*}}] : !dist.array<3x2xf64>
  %z, %o2, %p2 = dist.sample <standard_normal> %rng[%o1, %p1] : !dist.array<3x2xf64>
  // CHECK: dist.sample <uniform> %[[RNG]][%{{.*}}, %{{.*}}] : !dist.array<f32>
  %u, %o3, %p3 = dist.sample <uniform> %rng[%o2, %p2] : !dist.array<f32>
  // CHECK: %[[OLD:.*]] = dist.legacy_rng
  %old = dist.legacy_rng
  // CHECK: dist.sample <legacy_gauss> %[[OLD]][%{{.*}}, %{{.*}}] params(%{{.*}}) (%{{.*}}) : !dist.array<?xf64>
  %g, %o4, %p4 = dist.sample <legacy_gauss> %old[%off, %off] params(%seed) (%n) : !dist.array<?xf64>
  // CHECK: dist.sample <legacy_integers> %[[OLD]][%{{.*}}, %{{.*}}] params(%{{.*}}, %{{.*}}, %{{.*}}) : !dist.array<2xi64>
  %k, %o5, %p5 = dist.sample <legacy_integers> %old[%o4, %p4] params(%off, %off, %seed) : !dist.array<2xi64>
  // CHECK: dist.full %{{.*}} : f64 -> !dist.array<4x5xf64, #dist.layout<[b, n]>>
  %f = dist.full %v : f64 -> !dist.array<4x5xf64, #dist.layout<[b, n]>>
  // CHECK: dist.arange %{{.*}}, %{{.*}} (%{{.*}}) : f64, f64 -> !dist.array<?xf64>
  %a = dist.arange %v, %v (%n) : f64, f64 -> !dist.array<?xf64>
  // CHECK: dist.map %{{.*}}, %{{.*}} : !dist.array<?xf64>, !dist.array<?xf64> -> !dist.array<?xf64>
  %m = dist.map %x, %a : !dist.array<?xf64>, !dist.array<?xf64> -> !dist.array<?xf64> {
  ^bb0(%p: f64, %q: f64):
    %s = arith.addf %p, %q : f64
    dist.yield %s : f64
  }
  // CHECK: dist.reduce <max> %{{.*}} : !dist.array<?xf64> -> f64
  %r = dist.reduce <max> %m : !dist.array<?xf64> -> f64
  return %r : f64
}

// Tests that a fused kernel with inputs, draws and a reduction round-trips.
// CHECK-LABEL: func @kernel
func.func @kernel(%rng: !dist.rng, %off: i64, %n: index,
                  %in: !dist.array<?xf64, #dist.layout<[b]>>) -> i64 {
  // CHECK: dist.kernel [%{{.*}}] <[b]> ins(%{{.*}} : !dist.array<?xf64, #dist.layout<[b]>>) draws(%{{.*}} at %{{.*}}) reductions [unit, #dist.reduce<sum>]
  %a, %s = dist.kernel [%n] <[b]> ins(%in : !dist.array<?xf64, #dist.layout<[b]>>) draws(%rng at %off) reductions [unit, #dist.reduce<sum>] -> !dist.array<?xf64, #dist.layout<[b]>>, i64 {
  ^bb0(%i: index, %e: f64, %d: f64):
    %p = arith.mulf %e, %d : f64
    %k = arith.index_cast %i : index to i64
    dist.yield %p, %k : f64, i64
  }
  return %s : i64
}

// Tests printing and asserts.
// CHECK-LABEL: func @output
func.func @output(%x: f64, %c: i1) {
  // CHECK: dist.print "x = {} {{[{][{]}}braces{{[}][}]}}" %{{.*}} : f64
  dist.print "x = {} {{braces}}" %x : f64
  // CHECK: dist.assert %{{.*}}, "boom"
  dist.assert %c, "boom"
  // CHECK: dist.time
  %t = dist.time
  return
}

// -----

// Tests that gather and insert round-trip with static and dynamic starts.
// CHECK-LABEL: func @views
func.func @views(%a: !dist.array<10x4xf64>, %i: index, %n: index) -> !dist.array<10x4xf64> {
  // CHECK: dist.gather %{{.*}} [1, 0] steps [2, 1] dims [0, 1] : !dist.array<10x4xf64> -> !dist.array<4x4xf64>
  %v = dist.gather %a [1, 0] steps [2, 1] dims [0, 1] : !dist.array<10x4xf64> -> !dist.array<4x4xf64>
  // CHECK: dist.gather %{{.*}} [%{{.*}}, 0] steps [1, 1] dims [-1, 0] : !dist.array<10x4xf64> -> !dist.array<4xf64>
  %row = dist.gather %a [%i, 0] steps [1, 1] dims [-1, 0] : !dist.array<10x4xf64> -> !dist.array<4xf64>
  // CHECK: dist.gather %{{.*}} [0] steps [1] dims [1] sizes(%{{.*}}) : !dist.array<4xf64> -> !dist.array<?x4xf64>
  %b = dist.gather %row [0] steps [1] dims [1] sizes(%n) : !dist.array<4xf64> -> !dist.array<?x4xf64>
  // CHECK: dist.gather %{{.*}} [9, 3] steps [1, 1] dims [0, 1] wrap [0, 1] : !dist.array<10x4xf64> -> !dist.array<12x4xf64>
  %w = dist.gather %a [9, 3] steps [1, 1] dims [0, 1] wrap [0, 1] : !dist.array<10x4xf64> -> !dist.array<12x4xf64>
  // CHECK: dist.insert %{{.*}} into %{{.*}} [9, 3] steps [-2, 1] dims [0, -1] : !dist.array<4xf64> into !dist.array<10x4xf64> -> !dist.array<10x4xf64>
  %c = dist.insert %row into %a [9, 3] steps [-2, 1] dims [0, -1] : !dist.array<4xf64> into !dist.array<10x4xf64> -> !dist.array<10x4xf64>
  return %c : !dist.array<10x4xf64>
}

// Tests that extract round-trips.
// CHECK-LABEL: func @extract
func.func @extract(%a: !dist.array<10x4xf64>, %i: index, %j: index) -> f64 {
  // CHECK: dist.extract %{{.*}}[%{{.*}}, %{{.*}}] : !dist.array<10x4xf64> -> f64
  %x = dist.extract %a [%i, %j] : !dist.array<10x4xf64> -> f64
  return %x : f64
}

// -----

// CHECK-LABEL: func @kernel_access
func.func @kernel_access(%m: !dist.array<8x4xf64, #dist.layout<[b, n]>>, %v: !dist.array<4xf64, #dist.layout<[b]>>, %i: index) -> f64 {
  // CHECK: dist.kernel [8, 4] <[b, n]> ins(%{{.*}}, %{{.*}} : !dist.array<8x4xf64, #dist.layout<[b, n]>>, !dist.array<4xf64, #dist.layout<[b]>>) at [unit, #dist.access<[?] steps [-1] dims [1]>] starts(%{{.*}}) reductions [#dist.reduce<sum>] -> f64
  %s = dist.kernel [8, 4] <[b, n]> ins(%m, %v : !dist.array<8x4xf64, #dist.layout<[b, n]>>, !dist.array<4xf64, #dist.layout<[b]>>) at [unit, #dist.access<[?] steps [-1] dims [1]>] starts(%i) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%r: index, %c: index, %x: f64, %y: f64):
    %t = arith.mulf %x, %y : f64
    dist.yield %t : f64
  }
  // CHECK: #dist.access<[2, 0] steps [1, 1] dims [-1, 0]>
  %row = dist.kernel [4] <[b]> ins(%m : !dist.array<8x4xf64, #dist.layout<[b, n]>>) at [#dist.access<[2, 0] steps [1, 1] dims [-1, 0]>] reductions [unit] -> !dist.array<4xf64, #dist.layout<[b]>> {
  ^bb0(%c: index, %x: f64):
    dist.yield %x : f64
  }
  return %s : f64
}

// -----

// CHECK-LABEL: func @kernel_update
func.func @kernel_update(%u: !dist.array<6x5xf64, #dist.layout<[b, n]>>) -> !dist.array<6x5xf64, #dist.layout<[b, n]>> {
  // CHECK: dist.kernel [4, 3] <[b, n]> ins(%{{.*}} : !dist.array<6x5xf64, #dist.layout<[b, n]>>) at [#dist.access<[0, 1] steps [1, 1] dims [0, 1]>] into %{{.*}} : !dist.array<6x5xf64, #dist.layout<[b, n]>> window [1, 1] reductions [unit]
  %w = dist.kernel [4, 3] <[b, n]> ins(%u : !dist.array<6x5xf64, #dist.layout<[b, n]>>) at [#dist.access<[0, 1] steps [1, 1] dims [0, 1]>] into %u : !dist.array<6x5xf64, #dist.layout<[b, n]>> window [1, 1] reductions [unit] -> !dist.array<6x5xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index, %a: f64):
    dist.yield %a : f64
  }
  return %w : !dist.array<6x5xf64, #dist.layout<[b, n]>>
}

// -----

// Tests that matrix products of 2-D and 1-D arrays round-trip.
// CHECK-LABEL: func @matmul
func.func @matmul(%a: !dist.array<6x?xf64>, %b: !dist.array<4x5xf64>, %v: !dist.array<6xf64>, %s: !dist.array<?x6x5xf64>) {
  // CHECK: dist.matmul %{{.*}}, %{{.*}} : !dist.array<6x?xf64>, !dist.array<4x5xf64> -> !dist.array<6x5xf64>
  %c = dist.matmul %a, %b : !dist.array<6x?xf64>, !dist.array<4x5xf64> -> !dist.array<6x5xf64>
  // CHECK: dist.matmul %{{.*}}, %{{.*}} : !dist.array<6xf64>, !dist.array<6x5xf64> -> !dist.array<5xf64>
  %d = dist.matmul %v, %c : !dist.array<6xf64>, !dist.array<6x5xf64> -> !dist.array<5xf64>
  // CHECK: dist.matmul %{{.*}}, %{{.*}} : !dist.array<?x6x5xf64>, !dist.array<5xf64> -> !dist.array<?x6xf64>
  %e = dist.matmul %s, %d : !dist.array<?x6x5xf64>, !dist.array<5xf64> -> !dist.array<?x6xf64>
  return
}

// -----

// Tests that reshape round-trips.
// CHECK-LABEL: func @reshape
func.func @reshape(%a: !dist.array<6x4xf64>) {
  // CHECK: dist.reshape %{{.*}} : !dist.array<6x4xf64> -> !dist.array<3x8xf64>
  %r = dist.reshape %a : !dist.array<6x4xf64> -> !dist.array<3x8xf64>
  return
}

// Tests that a reshape with extents known only at run time round-trips.
// CHECK-LABEL: func @reshape_dynamic
func.func @reshape_dynamic(%a: !dist.array<?xf64>, %n: index) {
  // CHECK: dist.reshape %{{.*}}[%{{.*}}] : !dist.array<?xf64> -> !dist.array<?x2xf64>
  %r = dist.reshape %a [%n] : !dist.array<?xf64> -> !dist.array<?x2xf64>
  return
}

// -----

// Tests that cast round-trips.
// CHECK-LABEL: func @cast
func.func @cast(%a: !dist.array<6x4xf64>, %n: index) {
  // CHECK: dist.cast %{{.*}}[%{{.*}}] : !dist.array<6x4xf64> -> !dist.array<?x4xf64>
  %r = dist.cast %a [%n] : !dist.array<6x4xf64> -> !dist.array<?x4xf64>
  // CHECK: dist.cast %{{.*}}[%{{.*}}] : !dist.array<?x4xf64> -> !dist.array<?x4xf64>
  %s = dist.cast %r [%n] : !dist.array<?x4xf64> -> !dist.array<?x4xf64>
  return
}

// -----

// Tests that take round-trips.
// CHECK-LABEL: func @take
func.func @take(%a: !dist.array<10xf64>, %i: !dist.array<3x4xi64>) {
  // CHECK: dist.take %{{.*}}[%{{.*}}] : !dist.array<10xf64>, !dist.array<3x4xi64> -> !dist.array<3x4xf64>
  %r = dist.take %a[%i] : !dist.array<10xf64>, !dist.array<3x4xi64> -> !dist.array<3x4xf64>
  return
}

// CHECK-LABEL: func @scatter
func.func @scatter(%a: !dist.array<10x2xf64>, %i: !dist.array<3xi64>, %v: !dist.array<3x2xf64>) {
  // CHECK: dist.scatter %{{.*}} into %{{.*}}[%{{.*}}] : !dist.array<3x2xf64>, !dist.array<10x2xf64>, !dist.array<3xi64> -> !dist.array<10x2xf64>
  %r = dist.scatter %v into %a [%i] : !dist.array<3x2xf64>, !dist.array<10x2xf64>, !dist.array<3xi64> -> !dist.array<10x2xf64>
  // CHECK: dist.scatter %{{.*}} into %{{.*}}[%{{.*}}] accumulate : !dist.array<3x2xf64>, !dist.array<10x2xf64>, !dist.array<3xi64> -> !dist.array<10x2xf64>
  %s = dist.scatter %v into %r [%i] accumulate : !dist.array<3x2xf64>, !dist.array<10x2xf64>, !dist.array<3xi64> -> !dist.array<10x2xf64>
  return
}

// CHECK-LABEL: func @scan
func.func @scan(%a: !dist.array<4x6xf64>) {
  // CHECK: dist.scan <sum> %{{.*}} along 1 : !dist.array<4x6xf64> -> !dist.array<4x6xf64>
  %r = dist.scan <sum> %a along 1 : !dist.array<4x6xf64> -> !dist.array<4x6xf64>
  // CHECK: dist.scan <max> %{{.*}} along 0 : !dist.array<4x6xf64> -> !dist.array<4x6xf64>
  %m = dist.scan <max> %r along 0 : !dist.array<4x6xf64> -> !dist.array<4x6xf64>
  return
}

// CHECK-LABEL: func @take_rows
func.func @take_rows(%a: !dist.array<10x?xf64>, %i: !dist.array<3xi64>) {
  // CHECK: dist.take %{{.*}}[%{{.*}}] : !dist.array<10x?xf64>, !dist.array<3xi64> -> !dist.array<3x?xf64>
  %r = dist.take %a[%i] : !dist.array<10x?xf64>, !dist.array<3xi64> -> !dist.array<3x?xf64>
  return
}

// CHECK-LABEL: func @compress
func.func @compress(%a: !dist.array<4x6xf64>, %m: !dist.array<4x6xi1>, %n: index) {
  // CHECK: dist.compress %{{.*}}[%{{.*}}] count %{{.*}} : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<?xf64>
  %s = dist.compress %a[%m] count %n : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<?xf64>
  // CHECK: dist.compress %{{.*}}[%{{.*}}] count %{{.*}} along 1 : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<4x?xf64>
  %c = dist.compress %a[%m] count %n along 1 : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<4x?xf64>
  // CHECK: dist.compress %{{.*}}[%{{.*}}] count %{{.*}} : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<?x6xf64>
  %r = dist.compress %a[%m] count %n along 0 : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<?x6xf64>
  // CHECK: dist.expand %{{.*}} into %{{.*}}[%{{.*}}] : !dist.array<?xf64>, !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<4x6xf64>
  %e = dist.expand %s into %a[%m] : !dist.array<?xf64>, !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<4x6xf64>
  return
}
