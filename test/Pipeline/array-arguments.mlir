// RUN: dac-opt %s --dist-assign-layout --dist-fuse --dist-partition | FileCheck %s
// RUN: dac-opt %s --dac-pipeline | FileCheck %s --check-prefix=LLVM

// Tests that arrays cross a function's boundary as the rank's chunks: the
// arguments and results become memrefs of the local extents, the results
// take the layouts the function computes them in, and the argument's
// buffer is never written in place (the caller still owns it).

// CHECK-LABEL: func.func @axpy
// CHECK-SAME: (%[[X:.*]]: memref<?xf64>, %[[Y:.*]]: memref<?x?xf64>, %{{.*}}: f64) -> (memref<?xf64>, f64)
// LLVM-LABEL: llvm.func @axpy
func.func @axpy(%x: !dist.array<10xf64>,
                %y: !dist.array<10x3xf64, #dist.layout<[c, n]>>,
                %s: f64) -> (!dist.array<10xf64>, f64) {
  // CHECK: %[[R:.*]] = memref.alloc
  // CHECK: scf.for
  // CHECK: memref.load %[[X]]
  // CHECK: memref.store {{.*}}, %[[R]]
  %r = dist.map %x : !dist.array<10xf64> -> !dist.array<10xf64> {
  ^bb0(%a: f64):
    %t = arith.mulf %a, %s : f64
    dist.yield %t : f64
  }
  // CHECK-NOT: memref.store {{.*}}, %[[X]]
  // CHECK: dac_rt_allreduce
  %sum = dist.reduce <sum> %y : !dist.array<10x3xf64, #dist.layout<[c, n]>> -> f64
  // CHECK: return %[[R]], %{{.*}} : memref<?xf64>, f64
  return %r, %sum : !dist.array<10xf64>, f64
}
