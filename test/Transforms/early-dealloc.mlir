// RUN: dac-opt %s --pass-pipeline='builtin.module(func.func(early-dealloc))' | FileCheck %s

// Tests that each memref.dealloc moves up to just after the last operation
// of its block that can still reach the buffer: through a view, through its
// address passed to a call whose returned ticket a later call takes, and
// through a loop that uses it. Loaded elements and extents are data: a
// value computed from them, used later, does not keep the buffer alive.

func.func private @start(!llvm.ptr) -> !llvm.ptr
func.func private @wait(!llvm.ptr)
func.func private @use(f64)

// CHECK-LABEL: func.func @view_and_load
// CHECK: %[[A:.*]] = memref.alloc
// CHECK: %[[V:.*]] = memref.subview %[[A]]
// CHECK: %[[X:.*]] = memref.load %[[V]]
// CHECK-NEXT: memref.dim %[[A]]
// CHECK-NEXT: memref.dealloc %[[A]]
// CHECK: call @use(%[[X]])
// CHECK: call @use(%[[X]])
// CHECK-NEXT: return
func.func @view_and_load(%n: index) {
  %c0 = arith.constant 0 : index
  %a = memref.alloc(%n) : memref<?xf64>
  %v = memref.subview %a[1] [2] [1] : memref<?xf64> to memref<2xf64, strided<[1], offset: 1>>
  %x = memref.load %v[%c0] : memref<2xf64, strided<[1], offset: 1>>
  %d = memref.dim %a, %c0 : memref<?xf64>
  call @use(%x) : (f64) -> ()
  %y = arith.index_cast %d : index to i64
  %z = arith.sitofp %y : i64 to f64
  call @use(%x) : (f64) -> ()
  memref.dealloc %a : memref<?xf64>
  return
}

// CHECK-LABEL: func.func @ticket
// CHECK: %[[T:.*]] = call @start
// CHECK: call @use
// CHECK-NEXT: call @wait(%[[T]])
// CHECK-NEXT: memref.dealloc
// CHECK-NEXT: call @use
func.func @ticket(%n: index, %x: f64) {
  %a = memref.alloc(%n) : memref<?xf64>
  %i = memref.extract_aligned_pointer_as_index %a : memref<?xf64> -> index
  %w = arith.index_cast %i : index to i64
  %p = llvm.inttoptr %w : i64 to !llvm.ptr
  %t = call @start(%p) : (!llvm.ptr) -> !llvm.ptr
  call @use(%x) : (f64) -> ()
  call @wait(%t) : (!llvm.ptr) -> ()
  call @use(%x) : (f64) -> ()
  memref.dealloc %a : memref<?xf64>
  return
}

// CHECK-LABEL: func.func @loop
// CHECK: %[[S:.*]] = scf.for
// CHECK: memref.load
// CHECK: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: memref.dealloc
// CHECK-NEXT: call @use(%[[S]])
func.func @loop(%n: index, %x: f64) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = memref.alloc(%n) : memref<?xf64>
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> f64 {
    %e = memref.load %a[%i] : memref<?xf64>
    %t = arith.addf %acc, %e : f64
    scf.yield %t : f64
  }
  call @use(%s) : (f64) -> ()
  memref.dealloc %a : memref<?xf64>
  return
}

// An address stored to an argument block: the call reading the block
// keeps the buffer alive.
// CHECK-LABEL: func.func @stored
// CHECK: llvm.store
// CHECK: call @wait(%[[BLOCK:.*]])
// CHECK-NEXT: memref.dealloc
func.func @stored(%n: index, %block: !llvm.ptr, %x: f64) {
  %a = memref.alloc(%n) : memref<?xf64>
  %i = memref.extract_aligned_pointer_as_index %a : memref<?xf64> -> index
  %w = arith.index_cast %i : index to i64
  llvm.store %w, %block : i64, !llvm.ptr
  call @use(%x) : (f64) -> ()
  call @wait(%block) : (!llvm.ptr) -> ()
  call @use(%x) : (f64) -> ()
  memref.dealloc %a : memref<?xf64>
  return
}
