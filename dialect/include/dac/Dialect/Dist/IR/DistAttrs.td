//===- DistAttrs.td - dist dialect attributes ---------------*- tablegen -*-===//

#ifndef DAC_DIALECT_DIST_IR_DISTATTRS_TD
#define DAC_DIALECT_DIST_IR_DISTATTRS_TD

include "dac/Dialect/Dist/IR/DistDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

class Dist_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Dist_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

// How one dimension is split over its axis of the process grid. The codes
// are DistArray's ('b', 'c', 'u', 'n') so that scripts, IR and the
// Distributed Array Protocol all use one name.
def Dist_DimKind : I32EnumAttr<"DimKind", "distribution of one dimension", [
  I32EnumAttrCase<"None", 0, "n">,
  I32EnumAttrCase<"Block", 1, "b">,
  I32EnumAttrCase<"Cyclic", 2, "c">,
  I32EnumAttrCase<"Unstructured", 3, "u">
]> {
  let cppNamespace = "::dac::dist";
  let genSpecializedAttr = 0;
}

def Dist_ReduceKind : I32EnumAttr<"ReduceKind", "reduction combiner", [
  I32EnumAttrCase<"Sum", 0, "sum">,
  I32EnumAttrCase<"Prod", 1, "prod">,
  I32EnumAttrCase<"Min", 2, "min">,
  I32EnumAttrCase<"Max", 3, "max">,
  I32EnumAttrCase<"All", 4, "all">,
  I32EnumAttrCase<"Any", 5, "any">
]> {
  let cppNamespace = "::dac::dist";
  let genSpecializedAttr = 0;
}

def Dist_ReduceKindAttr : EnumAttr<Dist_Dialect, Dist_ReduceKind, "reduce"> {
  let assemblyFormat = "`<` $value `>`";
}

def Dist_Sampling : I32EnumAttr<"Sampling", "a random distribution that dist.sample draws", [
  I32EnumAttrCase<"Integers", 0, "integers">,
  I32EnumAttrCase<"StandardNormal", 1, "standard_normal">,
  I32EnumAttrCase<"Uniform", 2, "uniform">,
  I32EnumAttrCase<"LegacyUniform", 3, "legacy_uniform">,
  I32EnumAttrCase<"LegacyGauss", 4, "legacy_gauss">,
  I32EnumAttrCase<"LegacyIntegers", 5, "legacy_integers">
]> {
  let cppNamespace = "::dac::dist";
  let genSpecializedAttr = 0;
}

def Dist_SamplingAttr : EnumAttr<Dist_Dialect, Dist_Sampling, "sampling"> {
  let assemblyFormat = "`<` $value `>`";
}

def Dist_DimAttr : Dist_Attr<"Dim", "dim"> {
  let summary = "distribution of one array dimension";
  let description = [{
    One dimension of a layout:

    * `n` — not distributed (every rank holds the whole extent);
    * `b` — balanced blocks (rank r of p holds floor(n/p) or ceil(n/p)
      elements, the first n mod p ranks one more); `b{bounds = [...]}` gives
      explicit block boundaries instead; `b{halo = [lo, hi]}` adds ghost
      cells holding the neighbouring global indices, `periodic` wraps them;
    * `c` — cyclic, `c{k = 4}` block-cyclic with block size k (ScaLAPACK
      rules);
    * `u{indices = [[...], ...]}` — unstructured: one list of global indices
      per grid position.
  }];
  let parameters = (ins
    "DimKind":$kind,
    DefaultValuedParameter<"int64_t", "1">:$blockSize,
    DefaultValuedParameter<"int64_t", "0">:$haloLo,
    DefaultValuedParameter<"int64_t", "0">:$haloHi,
    DefaultValuedParameter<"bool", "false">:$periodic,
    OptionalArrayRefParameter<"int64_t">:$bounds,
    DefaultValuedParameter<"::mlir::ArrayAttr", "nullptr">:$indices
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// True when the dimension is split over ranks at all.
    bool isDistributed() const { return getKind() != DimKind::None; }
    /// The default block distribution.
    static DimAttr getBlock(::mlir::MLIRContext *ctx);
    /// The undistributed dimension.
    static DimAttr getNone(::mlir::MLIRContext *ctx);
  }];
}

def Dist_LayoutAttr : Dist_Attr<"Layout", "layout"> {
  let summary = "per-dimension distribution of an array over a process grid";
  let description = [{
    `#dist.layout<[b, n]>` distributes dimension 0 in blocks and replicates
    dimension 1. `grid = [...]` fixes the C-ordered process grid, one extent
    per distributed dimension; without it the grid is chosen at run time from
    the number of ranks.
  }];
  let parameters = (ins
    ArrayRefParameter<"DimAttr">:$dims,
    OptionalArrayRefParameter<"int64_t">:$grid
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The number of dimensions that are split over ranks.
    unsigned getNumDistributedDims() const;
    /// The default layout of a rank-`rank` array: block on dimension 0,
    /// nothing else distributed (DistArray's default). Rank 0: replicated.
    static LayoutAttr getDefault(::mlir::MLIRContext *ctx, unsigned rank);
    /// True for `b` (no bounds, halo or explicit grid) on dimension 0 and `n`
    /// elsewhere: the layout whose local chunk is one contiguous slab.
    bool isLeadingBlock() const;
  }];
}

def Dist_AccessAttr : Dist_Attr<"Access", "access"> {
  let summary = "the positions of an array a kernel reads at each iteration";
  let description = [{
    `#dist.access<[1, ?] steps [1, 2] dims [0, -1]>`: at iteration point
    `k` the kernel reads element `i` of the input with `i[d] = starts[d] +
    steps[d] * k[dims[d]]`, or the fixed index `starts[d]` when `dims[d]` is
    -1 (the step is then ignored). `?` marks a start known only when
    running; the kernel's `access_starts` operands supply them in order.
    Iteration dimensions no input dimension names broadcast the input along
    them. This is `dist.gather`'s map, kept on the reading kernel so that
    partitioning sees how each operand is read: aligned reads stay local, a
    broadcast operand is replicated at its own size, any other read is
    gathered for the kernel's layout. `wrap [d, ...]` (printed when
    present): along those input dimensions the index is taken modulo the
    input's extent (`np.roll`, `np.pad(mode='wrap')`); reads a few
    positions across the edge then become periodic ghost cells.
  }];
  let parameters = (ins
    ArrayRefParameter<"int64_t">:$starts,
    ArrayRefParameter<"int64_t">:$steps,
    ArrayRefParameter<"int64_t">:$dims,
    OptionalArrayRefParameter<"int64_t">:$wrap
  );
  let builders = [
    AttrBuilder<(ins "::llvm::ArrayRef<int64_t>":$starts,
                     "::llvm::ArrayRef<int64_t>":$steps,
                     "::llvm::ArrayRef<int64_t>":$dims), [{
      return $_get($_ctxt, starts, steps, dims, ::llvm::ArrayRef<int64_t>{});
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    unsigned getRank() const { return getDims().size(); }
    /// The number of starts given by operands.
    unsigned getNumDynamicStarts() const;
    /// True if the index along input dimension `d` wraps around.
    bool wraps(unsigned d) const { return llvm::is_contained(getWrap(), d); }
  }];
}

#endif // DAC_DIALECT_DIST_IR_DISTATTRS_TD
