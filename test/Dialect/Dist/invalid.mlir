// RUN: dac-opt %s -split-input-file -verify-diagnostics

// expected-error @below {{block size must be at least 1, got 0}}
func.func @f(%a: !dist.array<8xf64, #dist.layout<[c{k = 0}]>>)

// -----

// expected-error @below {{halo widths must be non-negative, got [-1, 1]}}
func.func @f(%a: !dist.array<8xf64, #dist.layout<[b{halo = [-1, 1]}]>>)

// -----

// expected-error @below {{halo of dimension 0 is wider than the dimension (8)}}
func.func @f(%a: !dist.array<8xf64, #dist.layout<[b{halo = [9, 1]}]>>)

// -----

// expected-error @below {{layout has 1 dimensions but the array has rank 2}}
func.func @f(%a: !dist.array<8x3xf64, #dist.layout<[b]>>)

// -----

// expected-error @below {{an unstructured ('u') dimension needs indices}}
func.func @f(%a: !dist.array<8xf64, #dist.layout<[u]>>)

// -----

// expected-error @below {{grid has 1 extents but the layout distributes 2 dimensions}}
func.func @f(%a: !dist.array<8x8xf64, #dist.layout<[b, b], grid = [4]>>)

// -----

// expected-error @below {{grid extents must be at least 1, got 0}}
func.func @f(%a: !dist.array<8xf64, #dist.layout<[b], grid = [0]>>)

// -----

// expected-error @below {{bounds of dimension 0 end at 8 but the dimension has size 9}}
func.func @f(%a: !dist.array<9xf64, #dist.layout<[b{bounds = [0, 4, 8]}]>>)

// -----

// expected-error @below {{bounds must be non-decreasing}}
func.func @f(%a: !dist.array<9xf64, #dist.layout<[b{bounds = [0, 5, 4, 9]}]>>)

// -----

// expected-error @below {{a block size needs a cyclic ('c') dimension}}
func.func @f(%a: !dist.array<9xf64, #dist.layout<[b{k = 2}]>>)

// -----

// expected-error @below {{index 9 of dimension 0 is out of range for size 9}}
func.func @f(%a: !dist.array<9xf64, #dist.layout<[u{indices = [[9]]}]>>)

// -----

// expected-error @below {{unknown distribution 'x' (expected one of n, b, c, u)}}
func.func @f(%a: !dist.array<9xf64, #dist.layout<[x]>>)

// -----

// expected-error @below {{array elements must be integers or floats}}
func.func @f(%a: !dist.array<9xindex>)

// -----

func.func @f(%rng: !dist.rng, %o: i64) {
  // expected-error @below {{'dist.random' op produces f64 elements, not 'f32'}}
  %x = dist.random %rng[%o] : !dist.array<4xf32>
  return
}

// -----

func.func @f(%rng: !dist.rng, %o: i64) {
  // expected-error @below {{'dist.random' op expects 1 dynamic sizes for '!dist.array<?xf64>', got 0}}
  %x = dist.random %rng[%o] : !dist.array<?xf64>
  return
}

// -----

func.func @f(%v: f32) {
  // expected-error @below {{fill value of type 'f32' does not match element type 'f64'}}
  %x = dist.full %v : f32 -> !dist.array<4xf64>
  return
}

// -----

func.func @f(%a: !dist.array<4xf64>, %b: !dist.array<5xf64>) {
  // expected-error @below {{'dist.map' op input 1 has shape of '!dist.array<5xf64>' but the result is '!dist.array<4xf64>'}}
  %m = dist.map %a, %b : !dist.array<4xf64>, !dist.array<5xf64> -> !dist.array<4xf64> {
  ^bb0(%p: f64, %q: f64):
    dist.yield %p : f64
  }
  return
}

// -----

func.func @f(%a: !dist.array<4xf64>) {
  // expected-error @below {{'dist.map' op body must yield one 'i1'}}
  %m = dist.map %a : !dist.array<4xf64> -> !dist.array<4xi1> {
  ^bb0(%p: f64):
    dist.yield %p : f64
  }
  return
}

// -----

func.func @f(%a: !dist.array<4xf64>) {
  // expected-error @below {{'dist.reduce' op result type 'i64' must be the element type 'f64'}}
  %r = dist.reduce <sum> %a : !dist.array<4xf64> -> i64
  return
}

// -----

func.func @f(%x: f64) {
  // expected-error @below {{'dist.print' op format has more fields than the 1 arguments given}}
  dist.print "{} {}" %x : f64
  return
}

// -----

func.func @f(%x: f64) {
  // expected-error @below {{'dist.print' op stray '}' in format}}
  dist.print "a } b {}" %x : f64
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @below {{'dist.kernel' op scalar result 0 needs a #dist.reduce}}
  %s = dist.kernel [%n] <[b]> reductions [unit] -> i64 {
  ^bb0(%i: index):
    %k = arith.index_cast %i : index to i64
    dist.yield %k : i64
  }
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @below {{'dist.kernel' op body takes 0 arguments, expected 1 (indices, input elements, draws)}}
  %s = dist.kernel [%n] <[b]> reductions [#dist.reduce<sum>] -> i64 {
    %k = arith.constant 1 : i64
    dist.yield %k : i64
  }
  return
}

// -----

func.func @f(%a: !dist.array<4xf64>) {
  // expected-error @below {{'dist.print' op field 0 '{}' needs a scalar}}
  dist.print "{}" %a : !dist.array<4xf64>
  return
}

// -----

func.func @f(%x: f64) {
  // expected-error @below {{'dist.print' op field 0 '{localshapes}' needs an array}}
  dist.print "{localshapes}" %x : f64
  return
}

// -----

func.func @f(%a: !dist.array<4xf64>) {
  // expected-error @below {{'dist.print' op unknown field '{shape}'}}
  dist.print "{shape}" %a : !dist.array<4xf64>
  return
}

// -----

func.func @gather_steps(%a: !dist.array<10xf64>) {
  // expected-error @+1 {{needs one step and one dim per dimension of the indexed array (1)}}
  %v = dist.gather %a [0] steps [1, 1] dims [0] : !dist.array<10xf64> -> !dist.array<5xf64>
  return
}

// -----

func.func @gather_dim(%a: !dist.array<10xf64>) {
  // expected-error @+1 {{dim 1 is out of range for 1 iteration dimensions}}
  %v = dist.gather %a [0] steps [1] dims [1] : !dist.array<10xf64> -> !dist.array<5xf64>
  return
}

// -----

func.func @gather_type(%a: !dist.array<10xf64>) {
  // expected-error @+1 {{result element type must be the source's}}
  %v = dist.gather %a [0] steps [1] dims [0] : !dist.array<10xf64> -> !dist.array<5xf32>
  return
}

// -----

func.func @insert_cover(%a: !dist.array<10x4xf64>, %s: !dist.array<4xf64>) {
  // expected-error @+1 {{every source dimension must be named exactly once}}
  %v = dist.insert %s into %a [0, 0] steps [1, 1] dims [-1, -1] : !dist.array<4xf64> into !dist.array<10x4xf64> -> !dist.array<10x4xf64>
  return
}

// -----

func.func @insert_step(%a: !dist.array<10xf64>, %s: !dist.array<4xf64>) {
  // expected-error @+1 {{an inserted dimension needs a non-zero step}}
  %v = dist.insert %s into %a [0] steps [0] dims [0] : !dist.array<4xf64> into !dist.array<10xf64> -> !dist.array<10xf64>
  return
}

// -----

func.func @insert_result(%a: !dist.array<10xf64>, %s: !dist.array<4xf64>) {
  // expected-error @+1 {{result must have the dest's shape and element type}}
  %v = dist.insert %s into %a [0] steps [1] dims [0] : !dist.array<4xf64> into !dist.array<10xf64> -> !dist.array<9xf64>
  return
}

// -----

func.func @extract_indices(%a: !dist.array<10x4xf64>, %i: index) {
  // expected-error @+1 {{needs one index per dimension (2)}}
  %x = dist.extract %a [%i] : !dist.array<10x4xf64> -> f64
  return
}

// -----

func.func @extract_type(%a: !dist.array<10xf64>, %i: index) {
  // expected-error @+1 {{result must be the element type 'f64'}}
  %x = dist.extract %a [%i] : !dist.array<10xf64> -> f32
  return
}

// -----

func.func @kernel_access_rank(%v: !dist.array<4xf64>) {
  // expected-error @+1 {{access of input 0 has 2 dims for an array of 1}}
  %k = dist.kernel [4] <[b]> ins(%v : !dist.array<4xf64>) at [#dist.access<[0, 0] steps [1, 1] dims [0, -1]>] reductions [unit] -> !dist.array<4xf64, #dist.layout<[b]>> {
  ^bb0(%c: index, %x: f64):
    dist.yield %x : f64
  }
  return
}

// -----

func.func @kernel_access_dim(%v: !dist.array<4xf64>) {
  // expected-error @+1 {{access of input 0 names iteration dimension 1 of 1}}
  %k = dist.kernel [4] <[b]> ins(%v : !dist.array<4xf64>) at [#dist.access<[0] steps [1] dims [1]>] reductions [unit] -> !dist.array<4xf64, #dist.layout<[b]>> {
  ^bb0(%c: index, %x: f64):
    dist.yield %x : f64
  }
  return
}

// -----

func.func @kernel_access_starts(%v: !dist.array<4xf64>) {
  // expected-error @+1 {{has 0 access starts, its accesses need 1}}
  %k = dist.kernel [4] <[b]> ins(%v : !dist.array<4xf64>) at [#dist.access<[?] steps [1] dims [0]>] reductions [unit] -> !dist.array<4xf64, #dist.layout<[b]>> {
  ^bb0(%c: index, %x: f64):
    dist.yield %x : f64
  }
  return
}

// -----

func.func @kernel_access_count(%v: !dist.array<4xf64>) {
  // expected-error @+1 {{needs one access entry per input}}
  %k = dist.kernel [4] <[b]> ins(%v : !dist.array<4xf64>) at [unit, unit] reductions [unit] -> !dist.array<4xf64, #dist.layout<[b]>> {
  ^bb0(%c: index, %x: f64):
    dist.yield %x : f64
  }
  return
}

// -----

// expected-error @+1 {{an access needs one start, step and dim per dimension}}
func.func @access_attr() attributes {a = #dist.access<[0] steps [1, 1] dims [0]>} {
  return
}

// -----

func.func @kernel_window_fit(%u: !dist.array<6xf64>) {
  // expected-error @+1 {{window does not fit the updated array}}
  %k = dist.kernel [4] <[b]> into %u : !dist.array<6xf64> window [3] reductions [unit] -> !dist.array<6xf64> {
  ^bb0(%i: index):
    %c = arith.constant 1.0 : f64
    dist.yield %c : f64
  }
  return
}

// -----

func.func @kernel_window_result(%u: !dist.array<6xf64>) {
  // expected-error @+1 {{the result must have the type of the array it updates}}
  %k = dist.kernel [4] <[b]> into %u : !dist.array<6xf64> window [1] reductions [unit] -> !dist.array<6xf32> {
  ^bb0(%i: index):
    %c = arith.constant 1.0 : f32
    dist.yield %c : f32
  }
  return
}

// -----

func.func @kernel_window_rank(%u: !dist.array<6x2xf64>) {
  // expected-error @+1 {{updates one array of the iteration space's rank}}
  %k = dist.kernel [4] <[b]> into %u : !dist.array<6x2xf64> window [1] reductions [unit] -> !dist.array<6x2xf64> {
  ^bb0(%i: index):
    %c = arith.constant 1.0 : f64
    dist.yield %c : f64
  }
  return
}

// -----

func.func @assert_values(%c: i1, %n: index) {
  // expected-error @+1 {{message has 2 '{}' for 1 values}}
  dist.assert %c, "shapes ({},) ({},)" (%n)
  return
}

// -----

func.func @gather_wrap_fixed(%a: !dist.array<10x4xf64>) {
  // expected-error @+1 {{wrap names source dimensions read along a result dimension, got 0}}
  %v = dist.gather %a [9, 0] steps [1, 1] dims [-1, 0] wrap [0] : !dist.array<10x4xf64> -> !dist.array<4xf64>
  return
}

// -----

func.func @access_wrap(%v: !dist.array<4xf64>) {
  // expected-error @+1 {{wrap names input dimensions read along an iteration dimension, got 1}}
  %k = dist.kernel [4] <[b]> ins(%v : !dist.array<4xf64>) at [#dist.access<[3] steps [1] dims [0] wrap [1]>] reductions [unit] -> !dist.array<4xf64, #dist.layout<[b]>> {
  ^bb0(%c: index, %x: f64):
    dist.yield %x : f64
  }
  return
}

// -----

func.func @matmul_vectors(%v: !dist.array<4xf64>) {
  // expected-error @+1 {{multiplies arrays of 1 to 3 dimensions, at least one a matrix or a stack of them, not 1-D by 1-D}}
  %c = dist.matmul %v, %v : !dist.array<4xf64>, !dist.array<4xf64> -> !dist.array<f64>
  return
}

// -----

func.func @matmul_types(%a: !dist.array<4x4xf64>, %b: !dist.array<4x4xf32>) {
  // expected-error @+1 {{operands and result must have one element type}}
  %c = dist.matmul %a, %b : !dist.array<4x4xf64>, !dist.array<4x4xf32> -> !dist.array<4x4xf64>
  return
}

// -----

func.func @matmul_extents(%a: !dist.array<4x3xf64>, %b: !dist.array<4x4xf64>) {
  // expected-error @+1 {{contracted extents differ: 3 and 4}}
  %c = dist.matmul %a, %b : !dist.array<4x3xf64>, !dist.array<4x4xf64> -> !dist.array<4x4xf64>
  return
}

// -----

func.func @matmul_shape(%a: !dist.array<4x3xf64>, %b: !dist.array<3xf64>) {
  // expected-error @+1 {{result shape must be the stack's length and the operands' outer extents}}
  %c = dist.matmul %a, %b : !dist.array<4x3xf64>, !dist.array<3xf64> -> !dist.array<4x1xf64>
  return
}

// -----

func.func @matmul_stacks(%a: !dist.array<2x4x3xf64>, %b: !dist.array<3x3x5xf64>) {
  // expected-error @+1 {{stacks of different lengths: 2 and 3}}
  %c = dist.matmul %a, %b : !dist.array<2x4x3xf64>, !dist.array<3x3x5xf64> -> !dist.array<2x4x5xf64>
  return
}

// -----

func.func @matmul_stack_shape(%a: !dist.array<2x4x3xf64>, %b: !dist.array<3x5xf64>) {
  // expected-error @+1 {{result shape must be the stack's length and the operands' outer extents}}
  %c = dist.matmul %a, %b : !dist.array<2x4x3xf64>, !dist.array<3x5xf64> -> !dist.array<4x5xf64>
  return
}

// -----

func.func @matmul_rank(%a: !dist.array<2x2x4x3xf64>, %b: !dist.array<3x5xf64>) {
  // expected-error @+1 {{multiplies arrays of 1 to 3 dimensions, at least one a matrix or a stack of them, not 4-D by 2-D}}
  %c = dist.matmul %a, %b : !dist.array<2x2x4x3xf64>, !dist.array<3x5xf64> -> !dist.array<2x2x4x5xf64>
  return
}

// -----

func.func @reshape_count(%a: !dist.array<6x4xf64>) {
  // expected-error @+1 {{cannot reshape 24 elements into 25}}
  %r = dist.reshape %a : !dist.array<6x4xf64> -> !dist.array<5x5xf64>
  return
}

// -----

func.func @reshape_type(%a: !dist.array<6x4xf64>) {
  // expected-error @+1 {{result element type must be the input's}}
  %r = dist.reshape %a : !dist.array<6x4xf64> -> !dist.array<24xf32>
  return
}

// -----

func.func @reshape_sizes(%a: !dist.array<?xf64>, %n: index) {
  // expected-error @+1 {{needs one size for each '?' extent of the result}}
  %r = dist.reshape %a [%n, %n] : !dist.array<?xf64> -> !dist.array<?x4xf64>
  return
}

// -----

func.func @cast_extent(%a: !dist.array<6x4xf64>) {
  // expected-error @+1 {{extent 1 of the result must be the source's or '?'}}
  %r = dist.cast %a [] : !dist.array<6x4xf64> -> !dist.array<6x5xf64>
  return
}

// -----

func.func @cast_sizes(%a: !dist.array<6x4xf64>, %n: index) {
  // expected-error @+1 {{needs one size for each '?' extent of the result}}
  %r = dist.cast %a [%n, %n] : !dist.array<6x4xf64> -> !dist.array<?x4xf64>
  return
}

// -----

func.func @cast_rank(%a: !dist.array<6x4xf64>) {
  // expected-error @+1 {{result must have the source's element type and rank}}
  %r = dist.cast %a [] : !dist.array<6x4xf64> -> !dist.array<24xf64>
  return
}

// -----

func.func @cast_layout(%a: !dist.array<6xf64, #dist.layout<[b]>>) {
  // expected-error @+1 {{result must have the source's layout}}
  %r = dist.cast %a [] : !dist.array<6xf64, #dist.layout<[b]>> -> !dist.array<6xf64, #dist.layout<[c]>>
  return
}

// -----

func.func @take_float(%a: !dist.array<10xf64>, %i: !dist.array<3xf64>) {
  // expected-error @+1 {{indices must be 32- or 64-bit integers}}
  %r = dist.take %a[%i] : !dist.array<10xf64>, !dist.array<3xf64> -> !dist.array<3xf64>
  return
}

// -----

func.func @take_2d(%a: !dist.array<10x2xf64>, %i: !dist.array<3xi64>) {
  // expected-error @+1 {{result must have the source's element type and the indices' shape followed by the source's other extents}}
  %r = dist.take %a[%i] : !dist.array<10x2xf64>, !dist.array<3xi64> -> !dist.array<3xf64>
  return
}

// -----

func.func @compress_mask(%a: !dist.array<4x6xf64>, %m: !dist.array<4x6xi64>, %n: index) {
  // expected-error @+1 {{needs a mask of booleans (i1)}}
  %s = dist.compress %a[%m] count %n : !dist.array<4x6xf64>, !dist.array<4x6xi64> -> !dist.array<?xf64>
  return
}

// -----

func.func @compress_shape(%a: !dist.array<4x6xf64>, %m: !dist.array<4x5xi1>, %n: index) {
  // expected-error @+1 {{needs a mask of the source's shape}}
  %s = dist.compress %a[%m] count %n : !dist.array<4x6xf64>, !dist.array<4x5xi1> -> !dist.array<?xf64>
  return
}

// -----

func.func @compress_result(%a: !dist.array<4x6xf64>, %m: !dist.array<4x6xi1>, %n: index) {
  // expected-error @+1 {{extent 1 of the result must be the source's 6}}
  %s = dist.compress %a[%m] count %n : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<?x1xf64>
  return
}

// -----

func.func @compress_rank(%a: !dist.array<4x6xf64>, %m: !dist.array<4x6xi1>, %n: index) {
  // expected-error @+1 {{gives an array of the source's element type and of 1 to the source's number of dimensions}}
  %s = dist.compress %a[%m] count %n : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<?x4x6xf64>
  return
}

// -----

func.func @compress_dim(%a: !dist.array<4x6xf64>, %m: !dist.array<4x6xi1>, %n: index) {
  // expected-error @+1 {{selects along a dimension of the result, not 2}}
  %s = dist.compress %a[%m] count %n along 2 : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<4x?xf64>
  return
}

// -----

// A body that does not end with dist.yield (found by the IR fuzzer: the
// verifier read the last op as a yield).
func.func @kernel_without_yield(%v: f64) {
  // expected-error @below {{'dist.kernel' op body must end with dist.yield}}
  %m = dist.kernel [4] <[b]> reductions [unit] -> !dist.array<4xf64, #dist.layout<[b]>> {
  ^bb0(%i: index):
    %w = arith.addf %v, %v : f64
  }
  return
}

// -----

func.func @map_without_yield(%a: !dist.array<4xf64>) {
  // expected-error @below {{'dist.map' op body must end with dist.yield}}
  %m = dist.map %a : !dist.array<4xf64> -> !dist.array<4xf64> {
  ^bb0(%x: f64):
    %y = arith.addf %x, %x : f64
  }
  return
}

// -----

func.func @sample_integer_type(%seed: i64, %off: i64) {
  %rng = dist.rng_create %seed
  // expected-error @+1 {{draws integers as i64 or i32, not 'f64'}}
  %x, %o, %p = dist.sample <integers> %rng[%off, %off] params(%off, %off) : !dist.array<4xf64>
  return
}

// -----

func.func @sample_params(%seed: i64, %off: i64) {
  %rng = dist.rng_create %seed
  // expected-error @+1 {{expects 2 parameters for integers, got 1}}
  %x, %o, %p = dist.sample <integers> %rng[%off, %off] params(%off) : !dist.array<4xi64>
  return
}

// -----

func.func @sample_normal_type(%seed: i64, %off: i64) {
  %rng = dist.rng_create %seed
  // expected-error @+1 {{draws standard_normal values as f64, not 'f32'}}
  %x, %o, %p = dist.sample <standard_normal> %rng[%off, %off] : !dist.array<4xf32>
  return
}

// -----

func.func @sample_uniform_type(%seed: i64, %off: i64) {
  %rng = dist.rng_create %seed
  // expected-error @+1 {{draws f32 uniforms (f64 ones are dist.random), not 'f64'}}
  %x, %o, %p = dist.sample <uniform> %rng[%off, %off] : !dist.array<4xf64>
  return
}

// -----

func.func @sample_legacy_seed(%off: i64) {
  %rng = dist.legacy_rng
  // expected-error @+1 {{expects 1 parameters for legacy_uniform, got 0}}
  %x, %o, %p = dist.sample <legacy_uniform> %rng[%off, %off] : !dist.array<4xf64>
  return
}

// -----

func.func @sample_legacy_integers(%off: i64) {
  %rng = dist.legacy_rng
  // expected-error @+1 {{draws integers as i64, not 'i32'}}
  %x, %o, %p = dist.sample <legacy_integers> %rng[%off, %off] params(%off, %off, %off) : !dist.array<4xi32>
  return
}

// -----

func.func @expand_mask(%v: !dist.array<?xf64>, %a: !dist.array<4x6xf64>, %m: !dist.array<4x6xi64>) {
  // expected-error @+1 {{needs a mask of booleans (i1)}}
  %e = dist.expand %v into %a[%m] : !dist.array<?xf64>, !dist.array<4x6xf64>, !dist.array<4x6xi64> -> !dist.array<4x6xf64>
  return
}

// -----

func.func @expand_values(%v: !dist.array<?xi64>, %a: !dist.array<4x6xf64>, %m: !dist.array<4x6xi1>) {
  // expected-error @+1 {{takes a 1-D array of the destination's element type}}
  %e = dist.expand %v into %a[%m] : !dist.array<?xi64>, !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<4x6xf64>
  return
}

// -----

func.func @expand_result(%v: !dist.array<?xf64>, %a: !dist.array<4x6xf64>, %m: !dist.array<4x6xi1>) {
  // expected-error @+1 {{gives an array of the destination's shape and type}}
  %e = dist.expand %v into %a[%m] : !dist.array<?xf64>, !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<6x4xf64>
  return
}

// -----

func.func @scatter_values(%a: !dist.array<10x2xf64>, %i: !dist.array<3xi64>, %v: !dist.array<3xf64>) {
  // expected-error @+1 {{values must have the destination's element type and the indices' shape followed by the destination's other extents}}
  %r = dist.scatter %v into %a [%i] : !dist.array<3xf64>, !dist.array<10x2xf64>, !dist.array<3xi64> -> !dist.array<10x2xf64>
  return
}

// -----

func.func @scatter_indices(%a: !dist.array<10xf64>, %i: !dist.array<3xf64>, %v: !dist.array<3xf64>) {
  // expected-error @+1 {{indices must be 32- or 64-bit integers}}
  %r = dist.scatter %v into %a [%i] : !dist.array<3xf64>, !dist.array<10xf64>, !dist.array<3xf64> -> !dist.array<10xf64>
  return
}

// -----

func.func @scatter_result(%a: !dist.array<10xf64>, %i: !dist.array<3xi64>, %v: !dist.array<3xf64>) {
  // expected-error @+1 {{gives an array of the destination's type}}
  %r = dist.scatter %v into %a [%i] : !dist.array<3xf64>, !dist.array<10xf64>, !dist.array<3xi64> -> !dist.array<9xf64>
  return
}

// -----

func.func @scan_dim(%a: !dist.array<4x6xf64>) {
  // expected-error @+1 {{scans along a dimension of the input, not 2}}
  %r = dist.scan <sum> %a along 2 : !dist.array<4x6xf64> -> !dist.array<4x6xf64>
  return
}

// -----

func.func @scan_kind(%a: !dist.array<4xi1>) {
  // expected-error @+1 {{combines by sum, prod, min or max}}
  %r = dist.scan <any> %a along 0 : !dist.array<4xi1> -> !dist.array<4xi1>
  return
}

// -----

func.func @scan_type(%a: !dist.array<4xf64>) {
  // expected-error @+1 {{result must have the input's shape and element type}}
  %r = dist.scan <sum> %a along 0 : !dist.array<4xf64> -> !dist.array<4xf32>
  return
}
