//===- Literals.cpp - np.array of numbers written in the script -----------===//
//
// A literal array is a kernel whose element at C-order position k is the
// k-th number: many known numbers are a constant table it reads, a few (or
// numbers known only at run time) a chain of selects.
//
//===----------------------------------------------------------------------===//

#include "PositionKernel.h"
#include "dac/Builder/Emitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;
using namespace dac::builder;

/// A private constant memref.global holding `values` (constants), its name
/// made unique in the module.
static memref::GlobalOp literalTable(OpBuilder &b, Location loc,
                                     ArrayRef<Attribute> values,
                                     Type elementType) {
  auto module =
      b.getInsertionBlock()->getParentOp()->getParentOfType<ModuleOp>();
  int64_t n = static_cast<int64_t>(values.size());
  auto data =
      DenseElementsAttr::get(RankedTensorType::get({n}, elementType), values);
  OpBuilder detached(b.getContext()); // inserted below, renamed if taken
  auto global = memref::GlobalOp::create(
      detached, loc, "dac_literal", detached.getStringAttr("private"),
      MemRefType::get({n}, elementType), data, /*constant=*/true,
      /*alignment=*/nullptr);
  SymbolTable(module).insert(global, module.getBody()->begin());
  return global;
}

ValueRef Emitter::literalArray(std::vector<Value> shape,
                               ArrayRef<ValueRef> elements, DType type,
                               LayoutAttr layout) {
  SmallVector<Value> values;
  SmallVector<Attribute> constants;
  for (const ValueRef &e : elements) {
    // (Python floats into integers as NumPy stores them: int(), checked.)
    values.push_back(fold(castScalar(e, type, false)->value));
    Attribute c;
    if (matchPattern(values.back(), m_Constant(&c)))
      constants.push_back(c);
  }
  auto arrayTy = cast<ArrayType>(arrayType(shape, type, layout));
  Value zero = convert(b, loc, intConst(0)->value, DType::Int64, type);
  // Many known elements (data written into the script): a constant table
  // the kernel reads at the element's position; compile time stays linear
  // in its length. A few, or elements known only at run time: a chain of
  // selects.
  Type elementType = getMLIRType(b, type);
  if (constants.size() == values.size() && values.size() > 16 &&
      type != DType::Bool) {
    memref::GlobalOp table = literalTable(b, loc, constants, elementType);
    Value array = buildPositionKernel(
        b, loc, arrayTy, {}, layout, [&](OpBuilder &b, ValueRange, Value at) {
          Value data = memref::GetGlobalOp::create(b, loc, table.getType(),
                                                   table.getSymName());
          return memref::LoadOp::create(b, loc, data, at).getResult();
        });
    return PyValue::array(array, type, std::move(shape));
  }
  Value array = buildPositionKernel(
      b, loc, arrayTy, {}, layout, [&](OpBuilder &b, ValueRange, Value linear) {
        Value result = values.empty() ? zero : values.back();
        for (int64_t k = static_cast<int64_t>(values.size()) - 2; k >= 0; --k) {
          Value here =
              arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, linear,
                                    arith::ConstantIndexOp::create(b, loc, k));
          result = arith::SelectOp::create(b, loc, here, values[k], result);
        }
        return result;
      });
  return PyValue::array(array, type, std::move(shape));
}
