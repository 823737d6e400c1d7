//===- Reshape.cpp - a.reshape(shape): NumPy checks, recompute or move -===//
//
// The new extents are checked against the size as NumPy checks them (one
// -1 inferred), when compiling where they are known and on every rank
// otherwise; an array computed from its positions is then recomputed in
// the new shape, any other moved by dist.reshape.
//
//===----------------------------------------------------------------------===//

#include "dac/Builder/Emitter.h"
#include "dac/Dialect/Dist/IR/DistOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace dac;
using namespace dac::builder;
using namespace dac::dist;

ValueRef Emitter::reshape(const ValueRef &array, ArrayRef<int64_t> wanted) {
  SmallVector<Value> dims;
  for (int64_t d : wanted)
    dims.push_back(index(d));
  return reshape(array, dims);
}

ValueRef Emitter::reshape(const ValueRef &array, ArrayRef<Value> wanted) {
  if (!array->is(PyValue::Kind::Array))
    compileError("reshape expects an array");
  Value total = fold(numElements(array->shape));
  // The product of the given extents; the place of the -1, if any.
  Value known = index(1);
  int64_t unknownAt = -1;
  for (auto [i, d] : llvm::enumerate(wanted)) {
    std::optional<int64_t> c = getConstantIntValue(d);
    if (c == -1) {
      if (unknownAt >= 0)
        compileError("can only specify one unknown dimension");
      unknownAt = static_cast<int64_t>(i);
      continue;
    }
    if (c && *c < 0)
      compileError("negative dimensions not allowed");
    if (!c)
      require(
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, d, index(0)),
          "ValueError: a reshape extent known only at run time must not "
          "be negative (dac infers -1 only when it is written as a "
          "constant)");
    known = fold(arith::MulIOp::create(b, loc, known, d));
  }
  // NumPy's message names the inferred extent `newaxis`.
  SmallVector<Value> values;
  std::string size = getConstantIntValue(total)
                         ? std::to_string(*getConstantIntValue(total))
                         : (values.push_back(total), std::string("{}"));
  std::string target = "(";
  for (auto [i, d] : llvm::enumerate(wanted)) {
    target += i ? "," : "";
    if (static_cast<int64_t>(i) == unknownAt)
      target += "newaxis";
    else if (std::optional<int64_t> c = getConstantIntValue(d))
      target += std::to_string(*c);
    else
      target += "{}", values.push_back(d);
  }
  target += wanted.size() == 1 ? ",)" : ")";
  std::string message =
      "cannot reshape array of size " + size + " into shape " + target;
  std::vector<Value> shape(wanted.begin(), wanted.end());
  std::optional<int64_t> totalC = getConstantIntValue(total),
                         knownC = getConstantIntValue(known);
  if (totalC && knownC) {
    // Everything known: checked and inferred when compiling.
    bool fits = unknownAt >= 0 ? *knownC != 0 && *totalC % *knownC == 0
                               : *knownC == *totalC;
    if (!fits)
      compileError(message);
    if (unknownAt >= 0)
      shape[unknownAt] = index(*totalC / *knownC);
    else
      checkSize(shape, array->dtype);
  } else if (unknownAt >= 0) {
    // -1 takes what is left: the others must divide the size (and not be
    // zero, which would leave it undetermined).
    Value nonzero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                          known, index(0));
    Value safe = arith::SelectOp::create(b, loc, nonzero, known, index(1));
    Value rest = arith::RemUIOp::create(b, loc, total, safe);
    emitAssert(arith::AndIOp::create(
                   b, loc, nonzero,
                   arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rest,
                                         index(0))),
               "ValueError: " + message, values);
    shape[unknownAt] = arith::DivUIOp::create(b, loc, total, safe);
  } else {
    checkSize(shape, array->dtype);
    emitAssert(
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, known, total),
        "ValueError: " + message, values);
  }
  for (Value &d : shape)
    if (std::optional<int64_t> c = getConstantIntValue(d))
      d = index(*c);
  // Arrays computed from their positions are recomputed in the new shape
  // (nothing moves); others are moved by the runtime.
  if (isRecomputable(array, ArrayRef<Value>(shape)))
    return recompute(array, shape, LayoutAttr(), "reshape");
  Value moved = ReshapeOp::create(b, loc, arrayType(shape, array->dtype),
                                  array->value, dynamicSizes(shape));
  return PyValue::array(moved, array->dtype, shape);
}
