// RUN: dac-opt %s --outline-loops=min-loops=1 | FileCheck %s
// RUN: dac-opt %s --outline-loops | FileCheck %s --check-prefix=SHORT

// Tests that in a function with more top-level loops and branches than
// min-loops, each moves into a private function LLVM never inlines:
// constants are copied into it, other values it uses become arguments,
// results come back from the call. Short functions are left alone.

// CHECK: func.func private @__dac_nest0(%[[BUF:.*]]: memref<?xf64>, %[[N:.*]]: index) attributes {passthrough = ["noinline"]}
// CHECK-DAG: arith.constant 0 : index
// CHECK-DAG: arith.constant 1 : index
// CHECK-DAG: arith.constant 2.0{{.*}} : f64
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[N]]
// CHECK: memref.store {{.*}}, %[[BUF]]
// CHECK: func.func private @__dac_nest1(%{{.*}}: f64, %{{.*}}: i1) -> f64 attributes {passthrough = ["noinline"]}
// CHECK: scf.if
// CHECK-LABEL: func.func @main
// CHECK: call @__dac_nest0(%{{.*}}, %{{.*}}) : (memref<?xf64>, index) -> ()
// CHECK: %[[R:.*]] = call @__dac_nest1(%{{.*}}, %{{.*}}) : (f64, i1) -> f64
// CHECK: return %[[R]]

// SHORT-NOT: __dac_nest
func.func @main(%buf: memref<?xf64>, %n: index, %flag: i1, %x: f64) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %two = arith.constant 2.0 : f64
  scf.for %i = %c0 to %n step %c1 {
    memref.store %two, %buf[%i] : memref<?xf64>
  }
  %r = scf.if %flag -> f64 {
    %y = arith.mulf %x, %two : f64
    scf.yield %y : f64
  } else {
    scf.yield %x : f64
  }
  return %r : f64
}
