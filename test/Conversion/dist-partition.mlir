// RUN: dac-opt %s --dist-partition -split-input-file | FileCheck %s

#b = #dist.layout<[b]>

// Tests that a fused reduction with a draw becomes a loop over the local
// chunk: the runtime gives the chunk and jumped-ahead stream states for
// sixteen lanes (independent parts of the chunk); a body of element-wise
// ops runs the lanes as vectors (PCG64 state in vector<16xi64> halves), a
// scalar loop does the tail, and the partial sums end in one allreduce.
// CHECK-LABEL: func @reduce_draws
func.func @reduce_draws(%seed: i64, %n: index, %off: i64) -> i64 {
  // CHECK: %[[RNG:.*]] = call @dac_rt_rng_create
  %rng = dist.rng_create %seed
  // CHECK: call @dac_rt_comm_size()
  // CHECK: call @dac_rt_comm_rank()
  // CHECK: call @dac_rt_layout_block_range
  // CHECK-COUNT-16: call @dac_rt_rng_state_at(%[[RNG]]
  // CHECK: %[[HI:.*]] = vector.from_elements {{.*}} : vector<16xi64>
  // CHECK: %[[LO:.*]] = vector.from_elements {{.*}} : vector<16xi64>
  // CHECK: %[[LANES:.*]]:3 = scf.for {{.*}} iter_args({{.*}} = %{{.*}}, {{.*}} = %[[HI]], {{.*}} = %[[LO]]) -> (vector<16xi64>, vector<16xi64>, vector<16xi64>)
  // CHECK: arith.cmpf olt, %{{.*}}, %{{.*}} : vector<16xf64>
  // CHECK: %[[PART:.*]] = vector.reduction <add>, %[[LANES]]#0 : vector<16xi64> into i64
  // CHECK: call @dac_rt_rng_state_at(%[[RNG]]
  // CHECK: %[[TAIL:.*]]:2 = scf.for {{.*}} -> (i64, i128)
  // CHECK: arith.muli {{.*}} : i128
  // CHECK: %[[SUM:.*]] = arith.addi %[[PART]], %[[TAIL]]#0
  // CHECK: %[[ALL:.*]] = call @dac_rt_allreduce_i64(%[[SUM]], %{{.*}})
  // CHECK: return %[[ALL]]
  %s = dist.kernel [%n] <[b]> draws(%rng at %off) reductions [#dist.reduce<sum>] -> i64 {
  ^bb0(%i: index, %d: f64):
    %half = arith.constant 0.5 : f64
    %c = arith.cmpf olt, %d, %half : f64
    %e = arith.extui %c : i1 to i64
    dist.yield %e : i64
  }
  return %s : i64
}

// -----

func.func private @hypotf(f32, f32) -> f32

// Tests that a body that calls a function keeps scalar lanes: sixteen
// copies of the body, each with its own 128-bit stream state, the float32
// sum accumulating in float64 (rounded once, after the ranks' partial sums
// are combined).
// CHECK-LABEL: func @scalar_lanes
func.func @scalar_lanes(%seed: i64, %n: index, %off: i64) -> f32 {
  %rng = dist.rng_create %seed
  // CHECK: %[[LANES:.*]]:32 = scf.for {{.*}} -> (f64, f64, f64, f64, f64, f64, f64, f64, f64, f64, f64, f64, f64, f64, f64, f64, i128, i128, i128, i128, i128, i128, i128, i128, i128, i128, i128, i128, i128, i128, i128, i128)
  // CHECK-COUNT-16: call @hypotf
  // CHECK: %[[SUM:.*]] = call @dac_rt_allreduce_f64
  // CHECK: arith.truncf %[[SUM]] : f64 to f32
  %s = dist.kernel [%n] <[b]> draws(%rng at %off) reductions [#dist.reduce<sum>] -> f32 {
  ^bb0(%i: index, %d: f64):
    %f = arith.truncf %d : f64 to f32
    %h = func.call @hypotf(%f, %f) : (f32, f32) -> f32
    dist.yield %h : f32
  }
  return %s : f32
}

// -----

#b = #dist.layout<[b, n]>

// Tests that an array result is allocated with the local extents and stored
// in a 2-D loop nest over the local chunk (the deallocation pipeline that
// follows frees it).
// CHECK-LABEL: func @materialise
func.func @materialise(%v: f64) {
  // CHECK: %[[RANGE:.*]] = llvm.getelementptr %{{.*}}[1]
  // CHECK: %[[C64:.*]] = llvm.load %[[RANGE]]
  // CHECK: %[[COUNT:.*]] = arith.index_cast %[[C64]] : i64 to index
  // CHECK: %[[BUF:.*]] = memref.alloc(%[[COUNT]], %{{.*}}) : memref<?x?xf64>
  // CHECK: scf.for
  // CHECK: scf.for
  // CHECK: memref.store %{{.*}}, %[[BUF]]
  // CHECK-NOT: memref.dealloc
  %a = dist.kernel [6, 3] <[b, n]> reductions [unit] -> !dist.array<6x3xf64, #b> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  return
}

// -----

// Tests that a reduction over a replicated array needs no communication.
// CHECK-LABEL: func @replicated
func.func @replicated(%v: f64) -> f64 {
  // CHECK-NOT: call @dac_rt_allreduce
  // CHECK-NOT: call @dac_rt_layout_block_range
  %s = dist.kernel [4] <[n]> reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index):
    dist.yield %v : f64
  }
  return %s : f64
}

// -----

// Tests that min/max stop all ranks on an empty array, as NumPy refuses.
// CHECK-LABEL: func @empty_min
func.func @empty_min(%n: index, %v: f64) -> f64 {
  // CHECK: scf.if
  // CHECK: call @dac_rt_fail
  // CHECK: call @dac_rt_allreduce_f64
  %s = dist.kernel [%n] <[b]> reductions [#dist.reduce<min>] -> f64 {
  ^bb0(%i: index):
    dist.yield %v : f64
  }
  return %s : f64
}

// -----

// Tests that print becomes runtime calls and main gets start-up/shut-down.
// CHECK-LABEL: func @main(%{{.*}}: i32, %{{.*}}: !llvm.ptr) -> i32
func.func @main() {
  // CHECK: call @dac_rt_init
  // CHECK: call @dac_rt_print_str
  // CHECK: call @dac_rt_print_f64
  // CHECK: call @dac_rt_print_flush
  // CHECK: call @dac_rt_finalize
  // CHECK: return %{{.*}} : i32
  %x = arith.constant 2.5 : f64
  dist.print "x = {}" %x : f64
  return
}

// -----

#c = #dist.layout<[c{k = 2}, n]>

// Tests that a layout other than block-on-dimension-0 asks the runtime for
// the local extents and the global index of each local position.
// The descriptor (a constant after the functions): 2 dims, no explicit
// grid; c{k=2}; n (RuntimeABI.def).
// CHECK-LABEL: func @cyclic
func.func @cyclic(%v: f64) -> f64 {
  // CHECK: %[[L:.*]] = call @dac_rt_layout_create
  // CHECK: %[[N:.*]] = call @dac_rt_layout_local_size(%[[L]], %{{.*}})
  // CHECK: %[[T:.*]] = memref.alloc(%{{.*}}) : memref<?xi64>
  // CHECK: call @dac_rt_layout_global_indices(%[[L]]
  // CHECK: scf.for
  // CHECK: memref.load %[[T]]
  // CHECK: call @dac_rt_allreduce_f64
  %s = dist.kernel [6, 3] <[c{k = 2}, n]> reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index):
    %f = arith.index_cast %i : index to i64
    %g = arith.sitofp %f : i64 to f64
    dist.yield %g : f64
  }
  return %s : f64
}

// CHECK: llvm.mlir.global private constant @{{__dac_i64_[0-9A-F]+}}(dense<[2, 0, 2, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]> : tensor<16xi64>)

// -----

#b = #dist.layout<[b]>

// Tests that an array carried by a loop becomes the local chunk (a memref)
// in the loop's iter_args, block arguments, yield and results; the kernel
// in the body reads the carried chunk and, as nothing else needs the
// previous iteration's values, writes its result into the same buffer.
// CHECK-LABEL: func @carried
func.func @carried(%v: f64, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  // CHECK: %[[INIT:.*]] = memref.alloc({{.*}}) : memref<?xf64>
  %a = dist.kernel [8] <[b]> reductions [unit] -> !dist.array<8xf64, #b> {
  ^bb0(%j: index):
    dist.yield %v : f64
  }
  // CHECK: %[[R:.*]] = scf.for {{.*}} iter_args(%[[X:.*]] = %[[INIT]]) -> (memref<?xf64>)
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> (!dist.array<8xf64, #b>) : i64 {
    // CHECK-NOT: memref.alloc
    // CHECK: memref.load %[[X]]
    // CHECK: memref.store %{{.*}}, %[[X]]
    // CHECK: scf.yield %[[X]] : memref<?xf64>
    %y = dist.kernel [8] <[b]> ins(%x : !dist.array<8xf64, #b>) reductions [unit] -> !dist.array<8xf64, #b> {
    ^bb0(%j: index, %e: f64):
      %t = arith.addf %e, %v : f64
      dist.yield %t : f64
    }
    scf.yield %y : !dist.array<8xf64, #b>
  }
  // CHECK: memref.load %[[R]]
  %s = dist.kernel [8] <[b]> ins(%r : !dist.array<8xf64, #b>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%j: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}

// -----

#b = #dist.layout<[b]>
#c = #dist.layout<[c]>

// Tests that a gather becomes a fresh local buffer filled by one planned
// exchange (the access map describes a reversed slice), and that an insert
// whose destination has another reader writes into a copy.
// CHECK-LABEL: func @views
func.func @views(%v: f64) -> f64 {
  %a = dist.kernel [10] <[b]> reductions [unit] -> !dist.array<10xf64, #b> {
  ^bb0(%j: index):
    dist.yield %v : f64
  }
  // CHECK: %[[G:.*]] = memref.alloc({{.*}}) : memref<?xf64>
  // CHECK: %[[PLAN:.*]] = call @dac_rt_exchange_plan
  // CHECK: %[[TICKET:.*]] = call @dac_rt_exchange_start(%[[PLAN]], %{{.*}}, %{{.*}}, %{{.*}})
  // CHECK: call @dac_rt_exchange_wait(%[[TICKET]])
  %g = dist.gather %a [8] steps [-2] dims [0] : !dist.array<10xf64, #b> -> !dist.array<5xf64, #c>
  // CHECK: %[[COPY:.*]] = memref.alloc({{.*}}) : memref<?xf64>
  // CHECK: memref.copy %{{.*}}, %[[COPY]]
  // CHECK: call @dac_rt_exchange_plan
  %i = dist.insert %g into %a [0] steps [2] dims [0] : !dist.array<5xf64, #c> into !dist.array<10xf64, #b> -> !dist.array<10xf64, #b>
  %s = dist.kernel [10] <[b]> ins(%i, %a : !dist.array<10xf64, #b>, !dist.array<10xf64, #b>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%j: index, %x: f64, %y: f64):
    %t = arith.addf %x, %y : f64
    dist.yield %t : f64
  }
  return %s : f64
}

// -----

#b = #dist.layout<[b]>

// Tests that a loop whose initial array is read again after the loop does
// not overwrite it: the body writes a new buffer every iteration.
// CHECK-LABEL: func @carried_shared
func.func @carried_shared(%v: f64, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %a = dist.kernel [8] <[b]> reductions [unit] -> !dist.array<8xf64, #b> {
  ^bb0(%j: index):
    dist.yield %v : f64
  }
  // CHECK: scf.for {{.*}} iter_args(%[[X:.*]] = %{{.*}}) -> (memref<?xf64>)
  // CHECK: %[[NEW:.*]] = memref.alloc({{.*}}) : memref<?xf64>
  // CHECK: memref.load %[[X]]
  // CHECK: memref.store %{{.*}}, %[[NEW]]
  // CHECK: scf.yield %[[NEW]] : memref<?xf64>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> (!dist.array<8xf64, #b>) : i64 {
    %y = dist.kernel [8] <[b]> ins(%x : !dist.array<8xf64, #b>) reductions [unit] -> !dist.array<8xf64, #b> {
    ^bb0(%j: index, %e: f64):
      %t = arith.addf %e, %v : f64
      dist.yield %t : f64
    }
    scf.yield %y : !dist.array<8xf64, #b>
  }
  %s = dist.kernel [8] <[b]> ins(%r, %a : !dist.array<8xf64, #b>, !dist.array<8xf64, #b>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%j: index, %e: f64, %f: f64):
    %t = arith.addf %e, %f : f64
    dist.yield %t : f64
  }
  return %s : f64
}

// -----

#b = #dist.layout<[b]>

// Tests that a reduction reading an array runs on vectors of sixteen
// elements with sixteen accumulators (a float32 sum in float64), then a
// scalar tail, then one allreduce.
// CHECK-LABEL: func @vector_reduction
func.func @vector_reduction(%v: f32) -> f32 {
  %a = dist.kernel [1000] <[b]> reductions [unit] -> !dist.array<1000xf32, #b> {
  ^bb0(%j: index):
    dist.yield %v : f32
  }
  // CHECK: scf.for {{.*}} iter_args({{.*}}) -> (vector<16xf64>)
  // CHECK: vector.load {{.*}} : memref<?xf32>, vector<16xf32>
  // CHECK: arith.mulf {{.*}} : vector<16xf32>
  // CHECK: arith.extf {{.*}} : vector<16xf32> to vector<16xf64>
  // CHECK: vector.reduction <add>
  // CHECK: scf.for
  // CHECK: %[[TOTAL:.*]] = call @dac_rt_allreduce_f64
  // CHECK: arith.truncf %[[TOTAL]] : f64 to f32
  %s = dist.kernel [1000] <[b]> ins(%a : !dist.array<1000xf32, #b>) reductions [#dist.reduce<sum>] -> f32 {
  ^bb0(%j: index, %x: f32):
    %t = arith.mulf %x, %x : f32
    dist.yield %t : f32
  }
  return %s : f32
}

// -----

#b = #dist.layout<[b]>
#n = #dist.layout<[n]>

// Tests that reading one element of a distributed array asks the runtime
// (the owner broadcasts it: no scan of the array, no allreduce), and that a
// replicated array is read locally.
// CHECK-LABEL: func @element
func.func @element(%v: f64, %i: index) -> f64 {
  %a = dist.kernel [10] <[b]> reductions [unit] -> !dist.array<10xf64, #b> {
  ^bb0(%j: index):
    dist.yield %v : f64
  }
  %r = dist.kernel [10] <[n]> reductions [unit] -> !dist.array<10xf64, #n> {
  ^bb0(%j: index):
    dist.yield %v : f64
  }
  // CHECK: call @dac_rt_read_element
  // CHECK-NOT: call @dac_rt_allreduce
  // CHECK: llvm.load %{{.*}} : !llvm.ptr -> f64
  %x = dist.extract %a [%i] : !dist.array<10xf64, #b> -> f64
  // CHECK: memref.load %{{.*}}[%{{.*}}] : memref<?xf64>
  %y = dist.extract %r [%i] : !dist.array<10xf64, #n> -> f64
  %s = arith.addf %x, %y : f64
  return %s : f64
}

// -----

#bn = #dist.layout<[b, n]>
#b = #dist.layout<[b]>

// Tests how a kernel reads inputs through accesses: a shifted read along
// an undistributed dimension stays local (index arithmetic, no exchange), a
// broadcast operand is replicated at its own size (one exchange into a
// buffer of 4 elements), a read one row down of an array of another extent
// takes ghost rows of widths known when running (dac_rt_ghost_plan with
// the kernel's layout).
// CHECK-LABEL: func @accesses
func.func @accesses(%v: f64) -> (f64, f64) {
  %m = dist.kernel [6, 4] <[b, n]> reductions [unit] -> !dist.array<6x4xf64, #bn> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %w = dist.kernel [4] <[b]> reductions [unit] -> !dist.array<4xf64, #b> {
  ^bb0(%j: index):
    dist.yield %v : f64
  }
  // CHECK-NOT: dac_rt_exchange_plan
  // CHECK: scf.for %[[I:[a-z0-9_]+]] = {{.*}} iter_args
  // CHECK: scf.for %[[J:[a-z0-9_]+]] =
  // CHECK: %[[K:.*]] = arith.addi %{{.*}}, %[[J]] : index
  // CHECK: memref.load %{{.*}}[%[[I]], %[[K]]]
  %s = dist.kernel [6, 3] <[b, n]> ins(%m : !dist.array<6x4xf64, #bn>) at [#dist.access<[0, 1] steps [1, 1] dims [0, 1]>] reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %x: f64):
    dist.yield %x : f64
  }
  // CHECK: %[[VIEW:.*]] = memref.alloc(%{{.*}}) : memref<?xf64>
  // CHECK: call @dac_rt_exchange_plan
  // CHECK: call @dac_rt_exchange_wait(%{{.*}})
  // CHECK-NOT: dac_rt_exchange_plan
  // CHECK: scf.for
  // CHECK: scf.for %[[J2:[a-z0-9_]+]] =
  // CHECK: memref.load %[[VIEW]][%[[J2]]]
  %t = dist.kernel [6, 4] <[b, n]> ins(%m, %w : !dist.array<6x4xf64, #bn>, !dist.array<4xf64, #b>) at [unit, #dist.access<[0] steps [1] dims [1]>] reductions [unit] -> !dist.array<6x4xf64, #bn> {
  ^bb0(%i: index, %j: index, %x: f64, %y: f64):
    %p = arith.mulf %x, %y : f64
    dist.yield %p : f64
  }
  // CHECK: %[[ARRAY:.*]] = call @dac_rt_layout_create
  // CHECK: %[[ITER:.*]] = call @dac_rt_layout_create
  // CHECK: call @dac_rt_ghost_plan(%[[ARRAY]], %[[ITER]], %{{.*}}, %c0_i64{{.*}}, %{{.*}})
  // CHECK: call @dac_rt_exchange_start
  // CHECK: scf.for
  // CHECK: call @dac_rt_exchange_wait
  // CHECK: scf.if
  %u = dist.kernel [5, 4] <[b, n]> ins(%t : !dist.array<6x4xf64, #bn>) at [#dist.access<[1, 0] steps [1, 1] dims [0, 1]>] reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %x: f64):
    dist.yield %x : f64
  }
  return %s, %u : f64, f64
}

// -----

#bn = #dist.layout<[b, n]>

// Tests a kernel updating a window of an array it reads one row up and one
// row down: rows of the array are read in place, the two rows next to the
// rank's chunk come from one halo exchange started before the rows that
// need none and waited for before the border rows; the kernel writes into
// a new buffer that gets the elements outside the window (it reads the
// array it overwrites), a second update of the result, read only at the
// written points, writes in place.
// CHECK-LABEL: func @halo
func.func @halo(%v: f64) -> f64 {
  %u = dist.kernel [6, 5] <[b, n]> reductions [unit] -> !dist.array<6x5xf64, #bn> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  // CHECK: %[[NEW:.*]] = memref.alloc(%{{.*}}, %{{.*}}) : memref<?x?xf64>
  // CHECK-NOT: memref.copy
  // CHECK: memref.store %{{.*}}, %[[NEW]]
  // CHECK: %[[SAME:.*]] = llvm.mlir.zero : !llvm.ptr
  // CHECK: %[[PLAN:.*]] = call @dac_rt_ghost_plan(%{{.*}}, %[[SAME]], %{{.*}}, %c0_i64{{.*}}, %{{.*}})
  // CHECK: %[[GHOSTS:.*]] = memref.alloc(%{{.*}}) : memref<?xf64>
  // CHECK: %[[TICKET:.*]] = call @dac_rt_exchange_start(%[[PLAN]]
  // CHECK: scf.for
  // CHECK: scf.for
  // CHECK-NOT: scf.if
  // CHECK: memref.store %{{.*}}, %[[NEW]]
  // CHECK: call @dac_rt_exchange_wait(%[[TICKET]])
  // CHECK: scf.for
  // CHECK: scf.for
  // CHECK: scf.if
  // CHECK: memref.load %[[GHOSTS]]
  %w = dist.kernel [4, 3] <[b, n]> ins(%u, %u : !dist.array<6x5xf64, #bn>, !dist.array<6x5xf64, #bn>) at [#dist.access<[0, 1] steps [1, 1] dims [0, 1]>, #dist.access<[2, 1] steps [1, 1] dims [0, 1]>] into %u : !dist.array<6x5xf64, #bn> window [1, 1] reductions [unit] -> !dist.array<6x5xf64, #bn> {
  ^bb0(%i: index, %j: index, %a: f64, %b: f64):
    %t = arith.addf %a, %b : f64
    dist.yield %t : f64
  }
  // CHECK-NOT: memref.copy
  // CHECK-NOT: call @dac_rt_ghost_plan
  %x = dist.kernel [2, 5] <[b, n]> ins(%w : !dist.array<6x5xf64, #bn>) at [#dist.access<[4, 0] steps [1, 1] dims [0, 1]>] into %w : !dist.array<6x5xf64, #bn> window [4, 0] reductions [unit] -> !dist.array<6x5xf64, #bn> {
  ^bb0(%i: index, %j: index, %a: f64):
    %t = arith.mulf %a, %a : f64
    dist.yield %t : f64
  }
  %s = dist.kernel [6, 5] <[b, n]> ins(%x : !dist.array<6x5xf64, #bn>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %a: f64):
    dist.yield %a : f64
  }
  return %s : f64
}

// -----

#bn = #dist.layout<[b, n]>

// Tests that a sweep in a time-step loop exchanges every iteration into
// ghost cells whose plan and buffer are made once, before the loop.
// CHECK-LABEL: func @halo_loop
// CHECK: %[[PLAN:.*]] = call @dac_rt_ghost_plan
// CHECK: %[[GHOSTS:.*]] = memref.alloc(%{{.*}}) : memref<?xf64>
// CHECK: scf.for
// CHECK-NOT: memref.alloc({{.*}}) : memref<?xf64>
// CHECK-NOT: call @dac_rt_ghost_plan
// CHECK: call @dac_rt_exchange_start(%[[PLAN]], %{{.*}}, %{{.*}}, %c8_i64)
// CHECK: call @dac_rt_exchange_wait
// CHECK: memref.load %[[GHOSTS]]
// CHECK: scf.yield
func.func @halo_loop(%v: f64, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %u = dist.kernel [6, 5] <[b, n]> reductions [unit] -> !dist.array<6x5xf64, #bn> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %r = scf.for %it = %c0 to %n step %c1 iter_args(%a = %u) -> (!dist.array<6x5xf64, #bn>) : i64 {
    %w = dist.kernel [4, 5] <[b, n]> ins(%a, %a : !dist.array<6x5xf64, #bn>, !dist.array<6x5xf64, #bn>) at [#dist.access<[0, 0] steps [1, 1] dims [0, 1]>, #dist.access<[2, 0] steps [1, 1] dims [0, 1]>] into %a : !dist.array<6x5xf64, #bn> window [1, 0] reductions [unit] -> !dist.array<6x5xf64, #bn> {
    ^bb0(%i: index, %j: index, %x: f64, %y: f64):
      %t = arith.addf %x, %y : f64
      dist.yield %t : f64
    }
    scf.yield %w : !dist.array<6x5xf64, #bn>
  }
  %s = dist.kernel [6, 5] <[b, n]> ins(%r : !dist.array<6x5xf64, #bn>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %x: f64):
    dist.yield %x : f64
  }
  return %s : f64
}

// -----

#bb = #dist.layout<[b, b]>

// Tests ghost cells on a 2-D process grid: a kernel updating a window of
// an array it reads one position up-left and one down-right finds its box
// from the owned ranges of both block dimensions, starts one exchange for
// the cells around it (corners included), runs the inner box, waits, and
// then runs the border strips, one loop nest per dimension over both strips
// around the inner box: along dimension 0 over all columns, along
// dimension 1 over the inner rows, reading the ghost buffer where a
// position falls outside the chunk.
// CHECK-LABEL: func @grid
func.func @grid(%v: f64) -> f64 {
  %u = dist.kernel [6, 5] <[b, b]> reductions [unit] -> !dist.array<6x5xf64, #bb> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  // CHECK: call @dac_rt_layout_owned_range(%{{.*}}, %c0_i64
  // CHECK: call @dac_rt_layout_owned_range(%{{.*}}, %c1_i64
  // CHECK: %[[PLAN:.*]] = call @dac_rt_ghost_plan(
  // CHECK: %[[GHOSTS:.*]] = memref.alloc(%{{.*}}) : memref<?xf64>
  // CHECK: %[[TICKET:.*]] = call @dac_rt_exchange_start(%[[PLAN]]
  // CHECK: scf.for %{{.*}} = %[[ILO:[a-z0-9_]+]] to %[[IHI:[a-z0-9_]+]] step
  // CHECK: scf.for %{{.*}} = %[[JLO:[a-z0-9_]+]] to %[[JHI:[a-z0-9_]+]] step
  // CHECK-NOT: scf.if
  // CHECK: call @dac_rt_exchange_wait(%[[TICKET]]
  // CHECK: scf.for %[[K:[a-z0-9_]+]] = %c0{{.*}} to %{{.*}} step
  // CHECK: %[[BEFORE:.*]] = arith.cmpi slt, %[[K]]
  // CHECK: arith.select %[[BEFORE]]
  // CHECK: scf.for
  // CHECK: memref.load %[[GHOSTS]]
  // CHECK: scf.for %{{.*}} = %[[ILO]] to %[[IHI]] step
  // CHECK: scf.for %[[K2:[a-z0-9_]+]] = %c0{{.*}} to %{{.*}} step
  // CHECK: %[[BEFORE2:.*]] = arith.cmpi slt, %[[K2]]
  // CHECK: arith.select %[[BEFORE2]]
  %w = dist.kernel [4, 3] <[b, b]> ins(%u, %u : !dist.array<6x5xf64, #bb>, !dist.array<6x5xf64, #bb>) at [#dist.access<[0, 0] steps [1, 1] dims [0, 1]>, #dist.access<[2, 2] steps [1, 1] dims [0, 1]>] into %u : !dist.array<6x5xf64, #bb> window [1, 1] reductions [unit] -> !dist.array<6x5xf64, #bb> {
  ^bb0(%i: index, %j: index, %a: f64, %b: f64):
    %t = arith.addf %a, %b : f64
    dist.yield %t : f64
  }
  %s = dist.kernel [6, 5] <[b, b]> ins(%w : !dist.array<6x5xf64, #bb>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %a: f64):
    dist.yield %a : f64
  }
  return %s : f64
}

// -----

#b = #dist.layout<[b]>

// Tests that a read one position across the edge of a block dimension
// (np.roll(a, 1)) becomes periodic ghost cells: the ghost plan is asked
// to wrap dimension 0 (periodic = 1), and no general exchange is planned.
// CHECK-LABEL: func @periodic
func.func @periodic(%v: f64) -> f64 {
  %a = dist.kernel [10] <[b]> reductions [unit] -> !dist.array<10xf64, #b> {
  ^bb0(%i: index):
    dist.yield %v : f64
  }
  // CHECK-NOT: dac_rt_exchange_plan
  // CHECK: call @dac_rt_ghost_plan(%{{.*}}, %{{.*}}, %{{.*}}, %c1_i64{{.*}}, %{{.*}})
  // CHECK-NOT: call @dac_rt_exchange_plan
  %s = dist.kernel [10] <[b]> ins(%a, %a : !dist.array<10xf64, #b>, !dist.array<10xf64, #b>) at [unit, #dist.access<[9] steps [1] dims [0] wrap [0]>] reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %x: f64, %y: f64):
    %t = arith.mulf %x, %y : f64
    dist.yield %t : f64
  }
  return %s : f64
}

// -----

// Tests a matrix product whose rows stay where the left operand's are: the
// right operand is gathered whole on every rank (one exchange), then the
// local product runs on the rank's rows; nothing is combined afterwards.
// CHECK-LABEL: func @matmul_rows
func.func @matmul_rows(%v: f64) -> f64 {
  %a = dist.kernel [6, 4] <[b, n]> reductions [unit] -> !dist.array<6x4xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %b = dist.kernel [4, 5] <[b, n]> reductions [unit] -> !dist.array<4x5xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  // CHECK: %[[A:.*]] = memref.alloc({{.*}}) : memref<?x?xf64>
  // CHECK: %[[B:.*]] = memref.alloc({{.*}}) : memref<?x?xf64>
  // CHECK: %[[WHOLE:.*]] = memref.alloc({{.*}}) : memref<?x?xf64>
  // CHECK: call @dac_rt_exchange_plan
  // CHECK: call @dac_rt_exchange_start
  // CHECK: call @dac_rt_exchange_wait
  // CHECK: %[[C:.*]] = memref.alloc({{.*}}) : memref<?x?xf64>
  // CHECK: %[[ROWS:.*]] = memref.dim %[[A]], %c0
  // CHECK: call @dac_rt_matmul(%c0_i32, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}})
  // CHECK-NOT: call @dac_rt_allreduce_array
  %c = dist.matmul %a, %b : !dist.array<6x4xf64, #dist.layout<[b, n]>>, !dist.array<4x5xf64, #dist.layout<[b, n]>> -> !dist.array<6x5xf64, #dist.layout<[b, n]>>
  %s = dist.kernel [6, 5] <[b, n]> ins(%c : !dist.array<6x5xf64, #dist.layout<[b, n]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}

// -----

// Tests a vector times a row-block matrix: the contracted dimension is
// split alike on both sides, so each rank multiplies its slices (nothing
// moves before) and one allreduce sums the partial products.
// CHECK-LABEL: func @matmul_split
func.func @matmul_split(%v: f64) -> f64 {
  %x = dist.kernel [4] <[b]> reductions [unit] -> !dist.array<4xf64, #dist.layout<[b]>> {
  ^bb0(%i: index):
    dist.yield %v : f64
  }
  %b = dist.kernel [4, 5] <[b, n]> reductions [unit] -> !dist.array<4x5xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  // CHECK-NOT: call @dac_rt_exchange_plan
  // CHECK: call @dac_rt_matmul
  // CHECK: call @dac_rt_allreduce_array
  // CHECK-NOT: call @dac_rt_exchange_plan
  %c = dist.matmul %x, %b : !dist.array<4xf64, #dist.layout<[b]>>, !dist.array<4x5xf64, #dist.layout<[b, n]>> -> !dist.array<5xf64, #dist.layout<[n]>>
  %s = dist.kernel [5] <[n]> ins(%c : !dist.array<5xf64, #dist.layout<[n]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}

// -----

// Tests a stack of matrices times one matrix: the stack stays split along
// its first dimension, the matrix is replicated (one exchange), and one
// runtime call multiplies the rank's matrices by the same one.
// CHECK-LABEL: func @matmul_stack
func.func @matmul_stack(%v: f64) -> f64 {
  %a = dist.kernel [5, 3, 4] <[b, n, n]> reductions [unit] -> !dist.array<5x3x4xf64, #dist.layout<[b, n, n]>> {
  ^bb0(%i: index, %j: index, %k: index):
    dist.yield %v : f64
  }
  %b = dist.kernel [4, 2] <[b, n]> reductions [unit] -> !dist.array<4x2xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  // CHECK: call @dac_rt_exchange_plan
  // CHECK: %[[C:.*]] = memref.alloc({{.*}}) : memref<?x?x?xf64>
  // CHECK: %[[COUNT:.*]] = memref.dim %[[C]], %c0
  // CHECK: %[[N:.*]] = arith.index_cast %[[COUNT]] : index to i64
  // CHECK: call @dac_rt_matmul(%c0_i32, %[[N]], %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}}, %{{[0-9a-z_]+}})
  %c = dist.matmul %a, %b : !dist.array<5x3x4xf64, #dist.layout<[b, n, n]>>, !dist.array<4x2xf64, #dist.layout<[b, n]>> -> !dist.array<5x3x2xf64, #dist.layout<[b, n, n]>>
  %s = dist.kernel [5, 3, 2] <[b, n, n]> ins(%c : !dist.array<5x3x2xf64, #dist.layout<[b, n, n]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %k: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}

// -----

// Tests a product whose result is in blocks on a 2-D grid: one runtime call
// (SUMMA) given the three layouts and chunks; no exchange is planned here.
// CHECK-LABEL: func @matmul_grid
func.func @matmul_grid(%v: f64) -> f64 {
  %a = dist.kernel [6, 4] <[b, b]> reductions [unit] -> !dist.array<6x4xf64, #dist.layout<[b, b]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %b = dist.kernel [4, 5] <[c, n]> reductions [unit] -> !dist.array<4x5xf64, #dist.layout<[c, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  // CHECK-NOT: call @dac_rt_exchange_plan
  // CHECK: call @dac_rt_summa(%{{c0_i32[_0-9]*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (i32, !llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> ()
  // CHECK-NOT: call @dac_rt_exchange_plan
  %c = dist.matmul %a, %b : !dist.array<6x4xf64, #dist.layout<[b, b]>>, !dist.array<4x5xf64, #dist.layout<[c, n]>> -> !dist.array<6x5xf64, #dist.layout<[b, b]>>
  %s = dist.kernel [6, 5] <[b, b]> ins(%c : !dist.array<6x5xf64, #dist.layout<[b, b]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}

// -----

// Tests a read through a mask: the mask of another layout is moved to the
// source's (an exchange), then one runtime call sends the selected
// elements to their places in a result of the mask's count.
// CHECK-LABEL: func @compress
func.func @compress(%v: f64, %n: index) -> f64 {
  %a = dist.kernel [6, 4] <[b, n]> reductions [unit] -> !dist.array<6x4xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %m = dist.kernel [6, 4] <[c, n]> reductions [unit] -> !dist.array<6x4xi1, #dist.layout<[c, n]>> {
  ^bb0(%i: index, %j: index):
    %t = arith.constant true
    dist.yield %t : i1
  }
  // CHECK: call @dac_rt_exchange_plan
  // CHECK: %[[R:.*]] = memref.alloc(%{{.*}}) : memref<?xf64>
  // CHECK: call @dac_rt_compress(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %c8_i64)
  %s = dist.compress %a[%m] count %n : !dist.array<6x4xf64, #dist.layout<[b, n]>>, !dist.array<6x4xi1, #dist.layout<[c, n]>> -> !dist.array<?xf64, #dist.layout<[b]>>
  %t = dist.kernel [%n] <[b]> ins(%s : !dist.array<?xf64, #dist.layout<[b]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %e: f64):
    dist.yield %e : f64
  }
  return %t : f64
}

// -----

// Tests that a reshape moves the elements by the runtime's reshape plan
// between the two layouts into a new buffer.
// CHECK-LABEL: func @reshape
func.func @reshape(%v: f64) -> f64 {
  %a = dist.kernel [6, 4] <[b, n]> reductions [unit] -> !dist.array<6x4xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  // CHECK: %[[PLAN:.*]] = call @dac_rt_reshape_plan(%{{.*}}, %{{.*}})
  // CHECK: %[[TICKET:.*]] = call @dac_rt_exchange_start(%[[PLAN]]
  // CHECK: call @dac_rt_exchange_wait(%[[TICKET]]
  %r = dist.reshape %a : !dist.array<6x4xf64, #dist.layout<[b, n]>> -> !dist.array<3x8xf64, #dist.layout<[c, n]>>
  %s = dist.kernel [3, 8] <[c, n]> ins(%r : !dist.array<3x8xf64, #dist.layout<[c, n]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}

// -----

// Tests that reading at an index array is one collective runtime call into
// a buffer laid out as the indices are.
// CHECK-LABEL: func @take
func.func @take(%v: f64, %k: i64) -> f64 {
  %a = dist.kernel [10] <[c]> reductions [unit] -> !dist.array<10xf64, #dist.layout<[c]>> {
  ^bb0(%i: index):
    dist.yield %v : f64
  }
  %idx = dist.kernel [4] <[b]> reductions [unit] -> !dist.array<4xi64, #dist.layout<[b]>> {
  ^bb0(%i: index):
    dist.yield %k : i64
  }
  // CHECK: %[[OUT:.*]] = memref.alloc({{.*}}) : memref<?xf64>
  // CHECK: call @dac_rt_take(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %c8_i64{{.*}}, %{{.*}}, %c8_i64{{.*}}, %{{.*}})
  %r = dist.take %a[%idx] : !dist.array<10xf64, #dist.layout<[c]>>, !dist.array<4xi64, #dist.layout<[b]>> -> !dist.array<4xf64, #dist.layout<[b]>>
  %s = dist.kernel [4] <[b]> ins(%r : !dist.array<4xf64, #dist.layout<[b]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}

// -----

// Tests that dist.sample fills the rank's part by one runtime call that
// takes the stream state in a two-word buffer and leaves the state after
// the whole array there, which later draws read.
// CHECK-LABEL: func @sample
func.func @sample(%seed: i64, %off: i64, %n: index) -> i64 {
  %rng = dist.rng_create %seed
  %lo = arith.constant -3 : i64
  %range = arith.constant 9 : i64
  // CHECK: %[[RNG:.*]] = call @dac_rt_rng_create
  // CHECK: memref.alloc(%{{.*}}) : memref<?xi32>
  // CHECK: llvm.store %{{.*}}, %{{.*}} : i64, !llvm.ptr
  // CHECK: call @dac_rt_sample(%[[RNG]], %{{.*}}, %c-3_i64, %c9_i64, %{{.*}}, %{{.*}}, %[[STATE:[0-9]+]])
  // CHECK: %[[AT:.*]] = llvm.getelementptr %[[STATE]][0]
  // CHECK: %[[NEXT:.*]] = llvm.load %[[AT]] : !llvm.ptr -> i64
  %x, %o, %p = dist.sample <integers> %rng[%off, %off] params(%lo, %range) (%n) : !dist.array<?xi32, #dist.layout<[b]>>
  // CHECK: return %[[NEXT]] : i64
  return %o : i64
}

// -----

// Tests that the legacy stream is a runtime handle and that its seed, the
// last parameter, becomes the state's third word.
// CHECK-LABEL: func @sample_legacy
func.func @sample_legacy(%off: i64, %seed: i64) -> i64 {
  // CHECK: %[[RNG:.*]] = call @dac_rt_legacy_create()
  %rng = dist.legacy_rng
  // CHECK: %[[AT:.*]] = llvm.getelementptr %[[STATE:[0-9]+]][2]
  // CHECK-NEXT: llvm.store %arg1, %[[AT]]
  // CHECK: call @dac_rt_sample(%[[RNG]], %c5_i64, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[STATE]])
  %x, %o, %p = dist.sample <legacy_gauss> %rng[%off, %off] params(%seed) : !dist.array<5xf64, #dist.layout<[b]>>
  return %p : i64
}

// -----

// Tests a write through a mask: the mask of another layout is moved to
// the destination's (an exchange), the destination is copied (it is read
// afterwards), then one runtime call fetches each masked element's value
// from the owner of its place.
// CHECK-LABEL: func @expand
func.func @expand(%v: f64, %n: index) -> f64 {
  %a = dist.kernel [6, 4] <[b, n]> reductions [unit] -> !dist.array<6x4xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %m = dist.kernel [6, 4] <[c, n]> reductions [unit] -> !dist.array<6x4xi1, #dist.layout<[c, n]>> {
  ^bb0(%i: index, %j: index):
    %t = arith.constant true
    dist.yield %t : i1
  }
  %s = dist.kernel [%n] <[c]> reductions [unit] -> !dist.array<?xf64, #dist.layout<[c]>> {
  ^bb0(%i: index):
    dist.yield %v : f64
  }
  // CHECK: call @dac_rt_exchange_plan
  // CHECK: memref.copy
  // CHECK: call @dac_rt_expand(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %c8_i64)
  %e = dist.expand %s into %a[%m] : !dist.array<?xf64, #dist.layout<[c]>>, !dist.array<6x4xf64, #dist.layout<[b, n]>>, !dist.array<6x4xi1, #dist.layout<[c, n]>> -> !dist.array<6x4xf64, #dist.layout<[b, n]>>
  %t = dist.kernel [6, 4] <[b, n]> ins(%e, %a : !dist.array<6x4xf64, #dist.layout<[b, n]>>, !dist.array<6x4xf64, #dist.layout<[b, n]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %x: f64, %y: f64):
    %z = arith.addf %x, %y : f64
    dist.yield %z : f64
  }
  return %t : f64
}
