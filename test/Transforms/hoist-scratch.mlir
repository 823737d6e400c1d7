// RUN: dac-opt %s -hoist-scratch -split-input-file | FileCheck %s
// RUN: dac-opt %s -hoist-scratch=max-bytes=8 -split-input-file | FileCheck %s --check-prefix=SMALL

// A scratch array made and freed in every iteration: one stack slot at
// entry, no heap allocation in the loop.
// CHECK-LABEL: func.func @per_iteration
// CHECK-NEXT: %[[SLOT:.*]] = memref.alloca() : memref<2xindex>
// CHECK: scf.for
// CHECK-NOT: memref.alloc(
// CHECK: memref.store %{{.*}}, %[[SLOT]]
// CHECK-NOT: memref.dealloc
// CHECK: return
// 16 bytes are more than 8: left alone.
// SMALL-LABEL: func.func @per_iteration
// SMALL: scf.for
// SMALL: memref.alloc() : memref<2xindex>
// SMALL: memref.dealloc
func.func @per_iteration(%n: index, %v: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.alloc() : memref<2xindex>
    memref.store %v, %a[%c0] : memref<2xindex>
    memref.dealloc %a : memref<2xindex>
  }
  return
}

// -----

// Freed only on one path, of a size known when running, or not freed
// here at all: each stays a heap allocation.
// CHECK-LABEL: func.func @kept
// CHECK-NOT: memref.alloca
// CHECK: memref.alloc() : memref<4xf64>
// CHECK: memref.dealloc
// CHECK: memref.alloc(%{{.*}}) : memref<?xf64>
// CHECK: memref.alloc() : memref<8xi1>
// CHECK: return
func.func @kept(%n: index, %c: i1) -> memref<8xi1> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.alloc() : memref<4xf64>
    scf.if %c {
      memref.dealloc %a : memref<4xf64>
    }
    %d = memref.alloc(%n) : memref<?xf64>
    memref.dealloc %d : memref<?xf64>
  }
  %r = memref.alloc() : memref<8xi1>
  return %r : memref<8xi1>
}
