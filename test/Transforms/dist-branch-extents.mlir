// RUN: dac-opt %s --dist-branch-extents | FileCheck %s
// RUN: dac-opt %s --dist-assign-layout --dist-branch-extents --dist-fuse --canonicalize --dist-branch-extents --dist-partition | FileCheck %s --check-prefix=PART

// Tests that an scf.if yielding arrays whose run-time extents its branches
// compute gets an index result per such extent (the value each branch
// computes), that an extent made before the `if` or already carried needs
// none, and that partitioning then finds the extents after the `if` (the
// result both branches yield unchanged is folded away first).

// CHECK-LABEL: func.func @branch
// CHECK: %[[R:.*]]:4 = scf.if %{{.*}} -> (!dist.array<?xf64>, !dist.array<?xf64>, index, index)
// CHECK: %[[N1:.*]] = arith.addi
// CHECK: scf.yield %{{.*}}, %{{.*}}, %{{.*}}, %[[N1]] : !dist.array<?xf64>, !dist.array<?xf64>, index, index
// CHECK: } else {
// CHECK: %[[N2:.*]] = arith.addi
// CHECK: scf.yield %{{.*}}, %{{.*}}, %{{.*}}, %[[N2]]
// CHECK: dist.reduce <sum> %[[R]]#0
// PART-LABEL: func.func @branch
// PART: scf.if %arg0 -> (memref<?xf64>, index)
// PART-NOT: dist.
// PART: return
func.func @branch(%c: i1, %n: index) -> (f64, f64) {
  %one = arith.constant 1.0 : f64
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %before = dist.full %one(%n) : f64 -> !dist.array<?xf64>
  %r:3 = scf.if %c -> (!dist.array<?xf64>, !dist.array<?xf64>, index) {
    %k = arith.addi %n, %c1 : index
    %a = dist.full %one(%k) : f64 -> !dist.array<?xf64>
    scf.yield %a, %before, %n : !dist.array<?xf64>, !dist.array<?xf64>, index
  } else {
    %k = arith.addi %n, %c2 : index
    %a = dist.full %one(%k) : f64 -> !dist.array<?xf64>
    scf.yield %a, %before, %n : !dist.array<?xf64>, !dist.array<?xf64>, index
  }
  %s = dist.reduce <sum> %r#0 : !dist.array<?xf64> -> f64
  %t = dist.reduce <sum> %r#1 : !dist.array<?xf64> -> f64
  return %s, %t : f64, f64
}
