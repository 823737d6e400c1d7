//===- DistDialect.td - The dist dialect --------------------*- tablegen -*-===//
//
// The `dist` dialect models NumPy-style arrays distributed over MPI ranks.
// Array values have value semantics (like tensors); their type carries the
// global shape, the element type and (once assigned) the layout that says
// which rank owns which elements.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_DIALECT_DIST_IR_DISTDIALECT_TD
#define DAC_DIALECT_DIST_IR_DISTDIALECT_TD

include "mlir/IR/OpBase.td"

def Dist_Dialect : Dialect {
  let name = "dist";
  let cppNamespace = "::dac::dist";
  let summary = "Distributed arrays: layouts, element-wise kernels, "
                "reductions and random streams";
  let description = [{
    Global arrays of type `!dist.array` are partitioned onto ranks by a
    per-dimension layout (`#dist.layout`). Programs are written globally;
    the `dist-partition` pass turns them into per-rank loops over local
    chunks plus calls into the dac runtime.
  }];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let extraClassDeclaration = [{
    void registerTypes();
    void registerAttributes();
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
    "::mlir::func::FuncDialect"
  ];
}

class Dist_Op<string mnemonic, list<Trait> traits = []>
    : Op<Dist_Dialect, mnemonic, traits>;

#endif // DAC_DIALECT_DIST_IR_DISTDIALECT_TD
