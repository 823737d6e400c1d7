//===- DistTypes.td - dist dialect types --------------------*- tablegen -*-===//

#ifndef DAC_DIALECT_DIST_IR_DISTTYPES_TD
#define DAC_DIALECT_DIST_IR_DISTTYPES_TD

include "dac/Dialect/Dist/IR/DistAttrs.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

class Dist_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<Dist_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def Dist_ArrayType : Dist_Type<"Array", "array", [

    DeclareTypeInterfaceMethods<ShapedTypeInterface>]> {
  let summary = "a global array distributed over ranks";
  let description = [{
    `!dist.array<1000x?xf64, #dist.layout<[b, n]>>`: global shape (`?` for
    sizes known only at run time), element type, and the layout. A missing
    layout means "not assigned yet"; `dist-assign-layout` fills it in.
  }];
  let parameters = (ins
    ArrayRefParameter<"int64_t">:$shape,
    "::mlir::Type":$elementType,
    DefaultValuedParameter<"LayoutAttr", "nullptr">:$layout
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let builders = [
    TypeBuilderWithInferredContext<(ins
        "::llvm::ArrayRef<int64_t>":$shape, "::mlir::Type":$elementType,
        CArg<"LayoutAttr", "{}">:$layout), [{
      return $_get(elementType.getContext(), shape, elementType, layout);
    }]>
  ];
  let extraClassDeclaration = [{
    /// The same array type with another layout.
    ArrayType withLayout(LayoutAttr layout) const;
    /// Bytes per element in a rank's chunk (a bool takes one).
    int64_t getElementBytes() const;
    /// The layout of an element-wise result: of the layouts of its
    /// operands of the result's shape (`operands`, whose null layouts are
    /// the default), the one the others move the fewest bytes into. A
    /// replicated operand moves nothing (each rank reads its part in
    /// place); into a replicated layout every rank receives a whole
    /// operand. The first wins a tie. Returned as the operand has it (null
    /// for the default); null without operands. The reference package's
    /// `_cheapest` mirrors it.
    static LayoutAttr cheapestLayout(::llvm::ArrayRef<ArrayType> operands);
  }];
}

def Dist_RngType : Dist_Type<"Rng", "rng"> {
  let summary = "a seeded random stream (NumPy's default_rng: PCG64)";
  let description = [{
    The generator's seeded state. Draws are addressed by their position in
    the stream, so generating any part of it on any rank needs no
    communication.
  }];
}

// Kept as a plain ::mlir::Type so that op assembly prints the full
// `!dist.array<...>` rather than a stripped `<...>`.
def Dist_AnyArray : Type<CPred<"::llvm::isa<::dac::dist::ArrayType>($_self)">,
                         "distributed array">;

#endif // DAC_DIALECT_DIST_IR_DISTTYPES_TD
