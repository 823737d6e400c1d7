// RUN: dac-opt %s --split-long-functions=max-ops=4 | FileCheck %s
// RUN: dac-opt %s --split-long-functions | FileCheck %s --check-prefix=SHORT

// Tests that a function holding more than max-ops operations (nested ones
// counted) is cut into runs of at most max-ops, each moved into a private
// function LLVM never inlines: constants are copied into the runs, values
// from before a run become arguments, values read after it come back as
// results, and a loop longer than max-ops is a run of its own. A stack
// buffer that two runs use stays in the function (moved to its start); one
// that a single run uses moves into that run. Short functions are left
// alone.

// CHECK: func.func private @__dac_part0(%[[X0:.*]]: f64, %[[S0:.*]]: memref<1xf64>) -> f64 attributes {passthrough = ["noinline"]}
// CHECK-DAG: %[[TWO:.*]] = arith.constant 2.0{{.*}} : f64
// CHECK-DAG: %[[Z0:.*]] = arith.constant 0 : index
// CHECK: %[[A:.*]] = arith.mulf %[[X0]], %[[TWO]]
// CHECK: %[[B:.*]] = arith.addf %[[A]], %[[TWO]]
// CHECK: %[[C:.*]] = arith.mulf %[[B]], %[[B]]
// CHECK: memref.store %[[C]], %[[S0]][%[[Z0]]]
// CHECK: return %[[C]] : f64

// The loop (5 operations) does not fit a run of 4: it is a run alone.
// CHECK: func.func private @__dac_part1(%[[N:.*]]: index, %[[V:.*]]: f64, %[[BUF:.*]]: memref<?xf64>) attributes {passthrough = ["noinline"]}
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[N]]
// CHECK: %[[E:.*]] = arith.addf %[[V]], %{{.*}}
// CHECK: %[[F:.*]] = arith.mulf %[[E]], %[[E]]
// CHECK: memref.store %[[F]], %[[BUF]]

// CHECK: func.func private @__dac_part2(%[[S2:.*]]: memref<1xf64>) -> f64
// CHECK: %[[SCRATCH:.*]] = memref.alloca() : memref<1xf64>
// CHECK: %[[R:.*]] = memref.load %[[S2]]
// CHECK: memref.store %[[R]], %[[SCRATCH]]
// CHECK: %[[Q:.*]] = memref.load %[[SCRATCH]]
// CHECK: return %[[Q]]

// CHECK-LABEL: func.func @main
// CHECK: %[[STACK:.*]] = memref.alloca() : memref<1xf64>
// CHECK-NOT: memref.alloca
// CHECK: %[[R0:.*]] = call @__dac_part0(%{{.*}}, %[[STACK]]) : (f64, memref<1xf64>) -> f64
// CHECK: call @__dac_part1(%{{.*}}, %[[R0]], %{{.*}}) : (index, f64, memref<?xf64>) -> ()
// CHECK: %[[R2:.*]] = call @__dac_part2(%[[STACK]]) : (memref<1xf64>) -> f64
// CHECK: return %[[R2]]

// SHORT-NOT: __dac_part
func.func @main(%buf: memref<?xf64>, %n: index, %x: f64) -> f64 {
  %two = arith.constant 2.0 : f64
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = arith.mulf %x, %two : f64
  %b = arith.addf %a, %two : f64
  %c = arith.mulf %b, %b : f64
  %stack = memref.alloca() : memref<1xf64>
  memref.store %c, %stack[%c0] : memref<1xf64>
  scf.for %i = %c0 to %n step %c1 {
    %e = arith.addf %c, %two : f64
    %f = arith.mulf %e, %e : f64
    memref.store %f, %buf[%i] : memref<?xf64>
  }
  %r = memref.load %stack[%c0] : memref<1xf64>
  %scratch = memref.alloca() : memref<1xf64>
  memref.store %r, %scratch[%c0] : memref<1xf64>
  %q = memref.load %scratch[%c0] : memref<1xf64>
  return %q : f64
}
