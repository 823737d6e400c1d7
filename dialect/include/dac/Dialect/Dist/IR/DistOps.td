//===- DistOps.td - dist dialect operations -----------------*- tablegen -*-===//

#ifndef DAC_DIALECT_DIST_IR_DISTOPS_TD
#define DAC_DIALECT_DIST_IR_DISTOPS_TD

include "dac/Dialect/Dist/IR/DistTypes.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Creation
//===----------------------------------------------------------------------===//

def Dist_RngCreateOp : Dist_Op<"rng_create", [Pure]> {
  let summary = "seed a random stream as np.random.default_rng(seed) does";
  let arguments = (ins I64:$seed);
  let results = (outs Dist_RngType:$rng);
  let assemblyFormat = "$seed attr-dict";
}

def Dist_LegacyRngOp : Dist_Op<"legacy_rng", [Pure]> {
  let summary = "NumPy's global RandomState (np.random.seed, rand, randn)";
  let description = [{
    A handle to an MT19937 stream. Its seed and position are not part of
    the handle: `dist.sample` ops of the legacy distributions take them as
    values, so loops, branches and calls carry them like any other value.
  }];
  let results = (outs Dist_RngType:$rng);
  let assemblyFormat = "attr-dict";
}

def Dist_RandomOp : Dist_Op<"random", [Pure]> {
  let summary = "uniform doubles in [0, 1) taken from a random stream";
  let description = [{
    Element with C-order linear index i is draw number `offset + i` of the
    stream, converted as NumPy's `Generator.random` does:
    `(next_uint64 >> 11) * 2^-53`. `sizes` gives the dynamic extents.

        %x = dist.random %rng[%off] (%n) : !dist.array<?xf64>
  }];
  let arguments = (ins Dist_RngType:$rng, I64:$offset,
                       Variadic<Index>:$sizes);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $rng `[` $offset `]` (`(` $sizes^ `)`)? attr-dict `:` type($result)
  }];
  let hasVerifier = 1;
}

def Dist_SampleOp : Dist_Op<"sample", [Pure, AttrSizedOperandSegments]> {
  let summary = "random draws that are not one 64-bit draw per element";
  let description = [{
    NumPy's `Generator.integers` (i64 or i32 elements: `low + [0, range]`,
    `params` = low and the inclusive range as 64-bit patterns),
    `standard_normal` (f64, the ziggurat) and `random(dtype=float32)`
    (`uniform`, f32): elements in C order, drawn from the stream state
    (`offset` 64-bit draws taken, `pending` the kept upper half of a split
    draw or -1) exactly as NumPy draws them. Where an element starts
    depends on the values before it, so the results include the state
    after the whole array.

    The legacy distributions of np.random's RandomState draw from a
    `dist.legacy_rng` stream: `legacy_uniform` (random_sample, f64),
    `legacy_gauss` (randn, f64) and `legacy_integers` (randint, i64,
    params low and range). Their state is (`offset` MT19937 words since
    seeding, `pending` the bits of the kept second normal or -1), and their
    last parameter is the seed.

        %x, %off2, %pend2 = dist.sample <standard_normal> %rng[%off, %pend]
            (%n) : !dist.array<?xf64>
  }];
  let arguments = (ins Dist_SamplingAttr:$distribution, Dist_RngType:$rng,
                       I64:$offset, I64:$pending, Variadic<I64>:$params,
                       Variadic<Index>:$sizes);
  let results = (outs Dist_AnyArray:$result, I64:$next_offset,
                      I64:$next_pending);
  let assemblyFormat = [{
    $distribution $rng `[` $offset `,` $pending `]`
    (`params` `(` $params^ `)`)? (`(` $sizes^ `)`)? attr-dict `:`
    type($result)
  }];
  let hasVerifier = 1;
}

def Dist_FullOp : Dist_Op<"full", [Pure]> {
  let summary = "an array with every element equal to a scalar";
  let arguments = (ins AnyTypeOf<[AnyInteger, AnyFloat]>:$value,
                       Variadic<Index>:$sizes);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $value (`(` $sizes^ `)`)? attr-dict `:` type($value) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Dist_ArangeOp : Dist_Op<"arange", [Pure]> {
  let summary = "evenly spaced values, filled exactly as np.arange fills";
  let description = [{
    A 1-D array: element 0 is `start`, element 1 is `start + step`, and
    element i >= 2 is `start + i * delta` with `delta = (start + step) -
    start`, all computed in the element type. This is NumPy's fill rule,
    reproduced so that floating-point ranges agree bit for bit.
  }];
  let arguments = (ins AnyTypeOf<[AnyInteger, AnyFloat]>:$start,
                       AnyTypeOf<[AnyInteger, AnyFloat]>:$step,
                       Variadic<Index>:$sizes);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $start `,` $step (` ` `(` $sizes^ `)`)? attr-dict `:` type($start) `,`
    type($step) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Element-wise computation and reductions
//===----------------------------------------------------------------------===//

def Dist_MapOp : Dist_Op<"map", [RecursiveMemoryEffects]> {
  let summary = "apply a scalar computation to every element";
  let description = [{
    All inputs have the result's shape and layout. The body receives one
    element of each input and yields the result element. Scalars defined
    outside may be used inside (they are the same on every rank).

        %z = dist.map %x, %y : !dist.array<?xf64>, !dist.array<?xf64>
               -> !dist.array<?xi1> {
        ^bb0(%a: f64, %b: f64):
          %c = arith.cmpf ole, %a, %b : f64
          dist.yield %c : i1
        }
  }];
  let arguments = (ins Variadic<Dist_AnyArray>:$inputs);
  let results = (outs Dist_AnyArray:$result);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $inputs `:` type($inputs) `->` type($result) attr-dict-with-keyword $body
  }];
  let hasVerifier = 1;
}

def Dist_ReduceOp : Dist_Op<"reduce", [Pure]> {
  let summary = "combine all elements of an array into one scalar";
  let description = [{
    The result has the element type and is the same on every rank. `min`
    and `max` propagate NaN; they are errors on empty arrays (no identity).
  }];
  let arguments = (ins Dist_ReduceKindAttr:$kind, Dist_AnyArray:$input);
  let results = (outs AnyTypeOf<[AnyInteger, AnyFloat]>:$result);
  let assemblyFormat = [{
    $kind $input attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Dist_ReduceDimsOp : Dist_Op<"reduce_dims", [Pure]> {
  let summary = "combine the elements along some dimensions";
  let description = [{
    `a.sum(axis=...)`: the result has the input's shape without `dims`
    (sorted, distinct) and its element type. When every reduced dimension
    is undistributed the work is local and the result keeps the other
    dimensions' distribution; when one is distributed, the partial results
    of all ranks are combined and the result is replicated.
  }];
  let arguments = (ins Dist_ReduceKindAttr:$kind, Dist_AnyArray:$input,
                       DenseI64ArrayAttr:$dims);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $kind $input `dims` $dims attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Dist_ScanOp : Dist_Op<"scan", [Pure]> {
  let summary = "running combination of the elements along one dimension";
  let description = [{
    `np.cumsum(a, axis=d)`, `np.cumprod`, `np.maximum.accumulate`: element
    `k` along `dim` of the result combines (`sum`, `prod`, `min`, `max`)
    elements `0..k` of the input there. The result has the input's shape
    and element type. Partitioning scans each rank's chunk and, along a
    distributed dimension, combines into it the totals of the chunks before
    it (the dimension in blocks; other distributions are moved to blocks
    first and back after).

        %c = dist.scan <sum> %a along 1 : !dist.array<4x6xf64> -> !dist.array<4x6xf64>
  }];
  let arguments = (ins Dist_ReduceKindAttr:$kind, Dist_AnyArray:$input,
                       I64Attr:$dim);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $kind $input `along` $dim attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Dist_TakeOp : Dist_Op<"take", [Pure]> {
  let summary = "an array read at the positions an integer array holds";
  let description = [{
    `a[idx]` (NumPy's fancy indexing, `np.take(a, idx, axis=0)`): the
    result's shape is `indices`' followed by the source's extents after the
    first, and `result[k, ...] = source[indices[k], ...]`, negative indices
    counting from the end; an index out of range is NumPy's IndexError on
    every rank. The result is laid out as `indices` is, its other
    dimensions whole: each rank fetches the elements (rows) its own indices
    name from their owners.
  }];
  let arguments = (ins Dist_AnyArray:$source, Dist_AnyArray:$indices);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $source `[` $indices `]` attr-dict `:` type($source) `,` type($indices)
    `->` type($result)
  }];
  let hasVerifier = 1;
}

def Dist_CompressOp : Dist_Op<"compress", [Pure]> {
  let summary = "the elements of an array where a mask is true";
  let description = [{
    `a[mask]` with a boolean mask of `a`'s shape: the elements whose mask
    is true, in C order, laid out in the result's shape. A 1-D result is
    `a[mask]`; `count` is its extent (the mask's count_nonzero). A result
    of more dimensions is a mask along some of the source's dimensions
    (`x[m]` on the rows of a matrix, `x[:, m]`): extent `dim` of the result
    is `count`, the selected positions, and stands for the source's
    dimensions `dim` to `dim + k - 1` (k = source rank - result rank + 1);
    its other extents are the source's others, along which the mask (read
    at the source's shape) does not change. Either way the selected
    elements in C order are the result's in C order. Partitioning reads
    the mask where the source lives; the runtime ranks the selected
    elements by their global position and sends each to the owner of its
    place in the result.

        %r = dist.compress %a[%m] count %n along 1
               : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<4x?xf64>
  }];
  let arguments = (ins Dist_AnyArray:$source, Dist_AnyArray:$mask,
                       Index:$count, DefaultValuedOptionalAttr<I64Attr, "0">:$dim);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $source `[` $mask `]` `count` $count (`along` $dim^)? attr-dict `:`
    type($source) `,` type($mask) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Dist_ExpandOp : Dist_Op<"expand", [Pure]> {
  let summary = "an array whose masked elements come from a 1-D array";
  let description = [{
    `a[mask] = values` with a boolean mask of `a`'s shape: `dest` with its
    k-th element where the mask is true (C order) replaced by `values[k]`;
    `values` has the mask's count of elements (the inverse of
    dist.compress). Partitioning reads the mask where `dest` lives; the
    runtime ranks the selected elements by their global position and asks
    the owners of those places in `values` for them.
  }];
  let arguments = (ins Dist_AnyArray:$values, Dist_AnyArray:$dest,
                       Dist_AnyArray:$mask);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $values `into` $dest `[` $mask `]` attr-dict `:` type($values) `,`
    type($dest) `,` type($mask) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Dist_ScatterOp : Dist_Op<"scatter", [Pure]> {
  let summary = "an array written at the positions an integer array holds";
  let description = [{
    `a[idx] = values` (and `np.add.at(a, idx, values)` with `accumulate`):
    `dest` with `dest[indices[k], ...]` replaced by `values[k, ...]`, or
    with `values[k, ...]` added to it, in C order of `indices`: where an
    index repeats, the last write wins, and additions are made in that
    order. `values` has the indices' shape followed by the destination's
    extents after the first (the inverse of dist.take); negative indices
    count from the end, and one out of range is NumPy's IndexError on every
    rank. Partitioning moves `values` to where the indices live; the
    runtime sends each element to the owner of its place.

        %b = dist.scatter %v into %a [%i] accumulate
               : !dist.array<4xf64>, !dist.array<10xf64>, !dist.array<4xi64>
               -> !dist.array<10xf64>
  }];
  let arguments = (ins Dist_AnyArray:$values, Dist_AnyArray:$dest,
                       Dist_AnyArray:$indices, UnitAttr:$accumulate);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $values `into` $dest `[` $indices `]` (`accumulate` $accumulate^)?
    attr-dict `:` type($values) `,` type($dest) `,` type($indices) `->`
    type($result)
  }];
  let hasVerifier = 1;
}

def Dist_ReshapeOp : Dist_Op<"reshape", [Pure]> {
  let summary = "the elements of an array in another shape";
  let description = [{
    `a.reshape(shape)`: element i in C order of the result is element i in
    C order of the input (as many elements, one element type). `sizes`
    gives each `?` extent of the result (whoever builds the op has checked
    that the element counts agree). Partitioning moves each element from
    its owner under the input's layout to its owner under the result's (a
    plan the runtime computes once).

        %b = dist.reshape %a [%n] : !dist.array<?xf64> -> !dist.array<?x2xf64>
  }];
  let arguments = (ins Dist_AnyArray:$input, Variadic<Index>:$sizes);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $input (`[` $sizes^ `]`)? attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Dist_CastOp : Dist_Op<"cast", [Pure]> {
  let summary = "the same array, with extents known only at run time";
  let description = [{
    The same elements in the same layout; the result's type may have `?`
    where the source's has a known extent, and `sizes` gives each `?`
    extent of the result. An array a loop carries whose shape changes from
    one iteration to the next (`while a.size > 1: a = a[::2] + a[1::2]`)
    has `?` extents carried as `index` values next to it: every use of the
    carried array goes through a cast naming them, and what the loop
    yields is a cast too (which tells dist::getDynamicSizes that the
    carried array's extents are not those it entered with). Partitioning
    passes the local chunk on unchanged.

        %b = dist.cast %a [%n] : !dist.array<8xf64> -> !dist.array<?xf64>
  }];
  let arguments = (ins Dist_AnyArray:$source, Variadic<Index>:$sizes);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $source `[` $sizes `]` attr-dict `:` type($source) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Dist_MatmulOp : Dist_Op<"matmul", [Pure]> {
  let summary = "matrix product of 1-D, 2-D and 3-D arrays";
  let description = [{
    NumPy's `lhs @ rhs` for (m, k) @ (k, n) -> (m, n), (m, k) @ (k) -> (m)
    and (k) @ (k, n) -> (n) (a product of two vectors is a reduction), and
    for stacks of matrices: a 3-D operand (s, m, k) or (s, k, n) is s
    matrices, multiplied one by one with the other operand's matrix of the
    same index (3-D, of the same length s) or its only one (1-D or 2-D);
    the result has s first. Both operands and the result have one element
    type.

    Partitioning picks the algorithm from the layouts. When the contracted
    dimension is split on its own (`[n, Y] @ [Y, n]`, one of the two sides
    may be anything the other is moved to) and the result is replicated,
    each rank multiplies its slices and the partial products are summed
    over all ranks. Otherwise the rank owning result rows (or columns)
    computes them from the matching rows of `lhs` (columns of `rhs`) and
    the whole other operand, each moved there when it lies elsewhere.
    `inferResultLayout` gives the layout under which the least moves.
    Stacks are split along the stack only: each rank multiplies the
    matrices it holds, the other operand replicated when it is one matrix.
  }];
  let arguments = (ins Dist_AnyArray:$lhs, Dist_AnyArray:$rhs);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The distribution of the contracted dimension when the product is a
    /// sum of per-rank partial products: it is the only distributed
    /// dimension of either operand (null otherwise). Layouts may be null
    /// (the default).
    static DimAttr getContractedSplit(ArrayType lhs, ArrayType rhs);
    /// The result's layout: replicated for a contracted split, else rows
    /// (columns for a vector times a matrix) distributed as the operand
    /// they come from.
    static LayoutAttr inferResultLayout(ArrayType lhs, ArrayType rhs);
  }];
}

def Dist_KernelOp : Dist_Op<"kernel", [RecursiveMemoryEffects,
                                       AttrSizedOperandSegments]> {
  let summary = "a fused loop nest over a global iteration space";
  let description = [{
    The result of `dist-fuse`. The iteration space has the global shape
    `shape` (dynamic extents in `sizes`) and the layout `layout`. The body
    runs once per element and receives, in order: one `index` per dimension
    (the global position), one element of each input array, and one draw of
    each random stream (`streams[k]` at position `offsets[k]` plus the
    linear index). It yields one value per result: an array result stores
    it (the entry of `reductions` is `unit`), a scalar result combines all
    of them with the given `#dist.reduce` kind.

    An input is read at the iteration point itself (it has the iteration
    space's shape) unless `accesses` gives it a `#dist.access` (a unit entry
    means the iteration point): shifted, strided or fixed positions and
    broadcasts, as `dist.gather` reads them (`dist-fuse` moves a gather that
    feeds a kernel into it). The dynamic starts of all accesses are
    `access_starts`, in input order.

    With `into %dest window [w...]`, the kernel updates part of an array:
    its one result is `dest` with `result[w + k] = yield(k)` for every
    iteration point `k` (a slice assignment `u[1:-1] = f(...)` whose
    right-hand side is computed in place), and the iteration follows
    `dest`'s layout: each rank computes the elements it owns.

    After partitioning, each rank runs the body over its local chunk only,
    materialises nothing but the array results and allreduces the scalars;
    an input read elsewhere than where the rank iterates is first brought
    to it (see dist-partition).
  }];
  let arguments = (ins
    Variadic<Index>:$sizes,
    DenseI64ArrayAttr:$shape,
    Dist_LayoutAttr:$layout,
    Variadic<Dist_AnyArray>:$inputs,
    Variadic<Dist_RngType>:$streams,
    Variadic<I64>:$offsets,
    ArrayAttr:$reductions,
    Variadic<Index>:$access_starts,
    OptionalAttr<ArrayAttr>:$accesses,
    Optional<Dist_AnyArray>:$dest,
    OptionalAttr<DenseI64ArrayAttr>:$window
  );
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    custom<DynamicIndexList>($sizes, $shape) $layout
    (`ins` `(` $inputs^ `:` type($inputs) `)`)?
    (`at` $accesses^)? (`starts` `(` $access_starts^ `)`)?
    (`into` $dest^ `:` type($dest) `window` $window)?
    (`draws` `(` $streams^ `at` $offsets `)`)?
    `reductions` $reductions attr-dict-with-keyword
    (`->` type($results)^)? $body
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    unsigned getRank() { return getShape().size(); }
    /// Block arguments of the body, by role.
    ::mlir::Block::BlockArgListType getIndexArgs();
    ::mlir::Block::BlockArgListType getInputArgs();
    ::mlir::Block::BlockArgListType getDrawArgs();
    /// The reduction kind of result `i`, or none for an array result.
    std::optional<ReduceKind> getReductionKind(unsigned i);
    /// How input `i` is read; null when at the iteration point.
    AccessAttr getInputAccess(unsigned i);
    /// The dynamic starts of input `i`'s access.
    ::mlir::OperandRange getInputAccessStarts(unsigned i);
  }];
}

def Dist_YieldOp : Dist_Op<"yield", [Pure, Terminator, ReturnLike,
    ParentOneOf<["MapOp", "KernelOp"]>]> {
  let summary = "yield the element computed by a map or kernel body";
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

//===----------------------------------------------------------------------===//
// Data movement: views read and written
//===----------------------------------------------------------------------===//

def Dist_GatherOp : Dist_Op<"gather", [Pure, AttrSizedOperandSegments]> {
  let summary = "the elements of an array at affine positions, as a new array";
  let description = [{
    `result[k] = source[i]` for every position `k` of the result, where
    source index `i[d] = starts[d] + steps[d] * k[dims[d]]`, or the fixed
    index `starts[d]` when `dims[d]` is -1. Result dimensions no source
    dimension names broadcast the source along them. Reading a NumPy view
    is a gather: slices with any step (`a[5:1:-2]`), integer indices
    (`a[3, :]`), `np.newaxis`, broadcasting and transposes. The source and
    the result may have different layouts: after partitioning each rank
    receives the elements it owns from whichever ranks own them. Along the
    source dimensions listed in `wrap` the index is taken modulo the
    source's extent: `np.roll(a, 1, 0)` reads `a[(n - 1 + k) % n]`.

        %v = dist.gather %a [1] steps [1] dims [0]
               : !dist.array<10xf64> -> !dist.array<9xf64>
        %r = dist.gather %a [9] steps [1] dims [0] wrap [0]
               : !dist.array<10xf64> -> !dist.array<10xf64>
  }];
  let arguments = (ins Dist_AnyArray:$source, Variadic<Index>:$starts,
                       DenseI64ArrayAttr:$static_starts,
                       DenseI64ArrayAttr:$steps, DenseI64ArrayAttr:$dims,
                       Variadic<Index>:$sizes,
                       OptionalAttr<DenseI64ArrayAttr>:$wrap);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $source custom<DynamicIndexList>($starts, $static_starts) `steps` $steps
    `dims` $dims (`wrap` $wrap^)? (`sizes` `(` $sizes^ `)`)? attr-dict `:`
    type($source) `->` type($result)
  }];
  let hasVerifier = 1;
  // A gather of a gather reads the first one's source directly.
  let hasCanonicalizeMethod = 1;
  let extraClassDeclaration = [{
    /// The layout of a gather's result when nothing asks for another: a box
    /// (unit steps, every dimension along itself) of an array whose
    /// distributed dimensions are plain blocks keeps the source's layout,
    /// so computing with it reads the source in place (plus ghost cells);
    /// anything else gets the default layout. A dimension with ghost cells
    /// loses them where the view may be shorter than they are wide.
    static LayoutAttr inferResultLayout(ArrayType source,
                                        ::llvm::ArrayRef<int64_t> resultShape,
                                        ::llvm::ArrayRef<int64_t> steps,
                                        ::llvm::ArrayRef<int64_t> dims);
  }];
}

def Dist_ExtractOp : Dist_Op<"extract", [Pure]> {
  let summary = "one element of an array, the same on every rank";
  let description = [{
    `a[i, j]` with one in-range index per dimension (the frontend checks
    them). After partitioning the rank that owns the element sends it to
    all others (nothing moves for a replicated array).

        %x = dist.extract %a [%i, %j] : !dist.array<10x4xf64> -> f64
  }];
  let arguments = (ins Dist_AnyArray:$array, Variadic<Index>:$indices);
  let results = (outs AnyTypeOf<[AnyInteger, AnyFloat]>:$result);
  let assemblyFormat = [{
    $array `[` $indices `]` attr-dict `:` type($array) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Dist_InsertOp : Dist_Op<"insert", [Pure]> {
  let summary = "an array with a region replaced by another array";
  let description = [{
    The result is `dest` except that `result[i] = source[k]` for every
    position `k` of `source`, where dest index `i[e] = starts[e] + steps[e] *
    k[dims[e]]`, or the fixed index `starts[e]` when `dims[e]` is -1; every
    source dimension is named exactly once. Assigning to a NumPy view
    (`a[1:-1] = b`, `a[i, j] = v`, `v += 1` on a slice) is an insert into
    the view's base. All of `source` is read before anything is written, as
    NumPy does for overlapping assignments (`a[1:] = a[:-1]`).

        %b = dist.insert %s into %a [1] steps [1] dims [0]
               : !dist.array<9xf64> into !dist.array<10xf64>
  }];
  let arguments = (ins Dist_AnyArray:$source, Dist_AnyArray:$dest,
                       Variadic<Index>:$starts,
                       DenseI64ArrayAttr:$static_starts,
                       DenseI64ArrayAttr:$steps, DenseI64ArrayAttr:$dims);
  let results = (outs Dist_AnyArray:$result);
  let assemblyFormat = [{
    $source `into` $dest custom<DynamicIndexList>($starts, $static_starts)
    `steps` $steps `dims` $dims attr-dict `:` type($source) `into`
    type($dest) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Output and checks
//===----------------------------------------------------------------------===//

def Dist_PrintOp : Dist_Op<"print"> {
  let summary = "print a line on rank 0, as Python's print does";
  let description = [{
    `format` is the line to print; each `{}` is replaced by the next
    argument (a scalar) formatted as Python prints it, `{:spec}` by the next
    scalar formatted as Python's `format(x, spec)`, `{array}` by the next
    argument (an array) as NumPy prints arrays, `{localshapes}` and
    `{grid}` by the local shapes (a list of tuples, one per rank) and the
    process grid of the next argument (an array), as `dac.localshapes` and
    `dac.grid_shape` return them. `{{` and `}}` are literal braces. The
    line is written once, by rank 0.
  }];
  let arguments = (ins StrAttr:$format,
                       Variadic<AnyTypeOf<[AnyInteger, AnyFloat,
                                           Dist_AnyArray]>>:$args);
  let assemblyFormat = [{
    $format ($args^ `:` type($args))? attr-dict
  }];
  let hasVerifier = 1;
}

def Dist_TimeOp : Dist_Op<"time"> {
  let summary = "seconds on a clock that every rank reads alike";
  let description = [{
    `time.perf_counter()` in scripts: all ranks first finish the work before
    it (a barrier), then get the same reading (rank 0's), so differences of
    two readings time the whole program's phase, not one rank's part.
  }];
  let results = (outs F64:$seconds);
  let assemblyFormat = "attr-dict";
}

def Dist_AssertOp : Dist_Op<"assert"> {
  let summary = "stop all ranks with a message unless the condition holds";
  let description = [{
    With `values`, each `{}` of the message is replaced by the next value,
    in decimal: a shape known only when running is reported as NumPy
    reports it.
  }];
  let arguments = (ins I1:$condition, StrAttr:$message,
                       Variadic<Index>:$values);
  let assemblyFormat = [{
    $condition `,` $message (`(` $values^ `)`)? attr-dict
  }];
  let hasVerifier = 1;
}

def Dist_CheckSizeOp : Dist_Op<"check_size"> {
  let summary = "stop all ranks if NumPy could not allocate this array";
  let description = [{
    An array of extents `sizes` and elements of `element_bytes` bytes named
    `dtype` (NumPy's name) is about to exist: NumPy would allocate it whole,
    in one process. If its element count or byte count overflows int64, all
    ranks stop with NumPy's ValueError ("array is too big; ..."); if it is
    larger than the node's memory (RAM and swap), with NumPy's MemoryError
    ("Unable to allocate 72.8 TiB for an array with shape (...) and data
    type float64"). Lazily fused code may never allocate it; the program
    still stops where NumPy's would.

        dist.check_size %n, %m : 8 "float64"
  }];
  let arguments = (ins Variadic<Index>:$sizes, I64Attr:$element_bytes,
                       StrAttr:$dtype);
  let assemblyFormat = [{
    $sizes `:` $element_bytes $dtype attr-dict
  }];
}

#endif // DAC_DIALECT_DIST_IR_DISTOPS_TD
