//===- Scans.cpp - np.cumsum, np.cumprod and ufunc.accumulate -------------===//
//
// Running sums, products, minima and maxima along one axis: one dist.scan,
// in NumPy's result type (sums and products of booleans and integers
// narrower than int64 are int64, as NumPy's are on Linux; minima and
// maxima keep the dtype). Without an axis, cumsum and cumprod run over the
// flattened array.
//
//===----------------------------------------------------------------------===//

#include "dac/Builder/Emitter.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;
using namespace dac::builder;

using Kind = PyValue::Kind;

ValueRef Emitter::accumulate(StringRef name, const ValueRef &input,
                             std::optional<int64_t> axis,
                             std::optional<DType> dtype) {
  ReduceKind kind = llvm::StringSwitch<ReduceKind>(name)
                        .Cases({"cumsum", "add"}, ReduceKind::Sum)
                        .Cases({"cumprod", "multiply"}, ReduceKind::Prod)
                        .Case("minimum", ReduceKind::Min)
                        .Default(ReduceKind::Max);
  bool product = kind == ReduceKind::Sum || kind == ReduceKind::Prod;
  ValueRef array = input;
  if (array->is(Kind::Scalar))
    array = full({}, array, array->dtype);
  if (!array->is(Kind::Array))
    compileError(name + " expects an array, not " + array->describe());
  // No axis: the flattened array (a 0-d array becomes one element).
  if (!axis || array->shape.empty()) {
    if (!axis || (product && array->shape.empty())) {
      if (array->shape.size() != 1)
        array = reshape(array, ArrayRef<int64_t>{-1});
    } else
      compileError("cannot accumulate on a scalar");
    axis = 0;
  }
  int64_t d = normalizeAxis(*axis, array->shape.size());
  DType type = dtype                               ? *dtype
               : product && !isFloat(array->dtype) ? DType::Int64
                                                   : array->dtype;
  if (type == DType::Bool)
    type = DType::Int64; // NumPy's sums of booleans count
  ValueRef cast = castArray(array, type);
  Value scanned = ScanOp::create(b, loc, arrayType(cast->shape, type, {}),
                                 ReduceKindAttr::get(b.getContext(), kind),
                                 cast->value, b.getI64IntegerAttr(d));
  return PyValue::array(scanned, type, cast->shape);
}
