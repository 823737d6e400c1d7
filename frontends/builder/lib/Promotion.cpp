//===- Promotion.cpp - The dtype NumPy 1.24 computes in -------------------===//
//
// np.result_type of a ufunc's operands, with NumPy 1.24's value-based
// casting of scalars next to arrays.
//
//===----------------------------------------------------------------------===//

#include "dac/Builder/Emitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace dac::builder;

/// NumPy's kind order: bool 0, integers 1, floats 2.
static int category(DType t) {
  return isFloat(t) ? 2 : t == DType::Bool ? 0 : 1;
}

DType Emitter::commonType(ArrayRef<ValueRef> operands) {
  // NumPy 1.24: without an array of one or more dimensions every operand's
  // dtype counts (a Python int is int64, a float float64). Next to such
  // arrays a scalar (a Python number or a NumPy scalar) of a higher kind
  // counts with its dtype; one of the arrays' kind or lower counts with
  // the smallest dtype that holds its value (value-based casting).
  std::optional<DType> arrays, all;
  SmallVector<ValueRef> scalars;
  bool anyArray = llvm::any_of(operands, [](const ValueRef &v) {
    return v->is(PyValue::Kind::Array) && !v->shape.empty();
  });
  for (const ValueRef &v : operands) {
    if (!v->is(PyValue::Kind::Scalar) && !v->is(PyValue::Kind::Array))
      compileError("expected a number or an array, got " + v->describe());
    all = all ? promoteTypes(*all, v->dtype) : v->dtype;
    if (anyArray && v->is(PyValue::Kind::Scalar))
      scalars.push_back(v);
    else
      arrays = arrays ? promoteTypes(*arrays, v->dtype) : v->dtype;
  }
  if (!anyArray)
    return *all;
  int kind = category(*arrays);
  if (llvm::any_of(scalars, [&](const ValueRef &v) {
        return category(v->dtype) > kind;
      }))
    return *all;
  DType result = *arrays;
  for (const ValueRef &v : scalars)
    result = promoteTypes(result, valueType(v, result));
  return result;
}

DType Emitter::valueType(const ValueRef &scalar, DType arrays) {
  // Only int32 and float32 arrays can widen: the smallest dtype of an int
  // outside int32 is uint32 or int64 (int64 next to int32); next to
  // float32, an int outside int16/uint16 (float64) or a float outside
  // +-3.4e38 (NumPy's float32 bound for this, infinities excepted).
  bool intIntoInt32 = arrays == DType::Int32 && isInteger(scalar->dtype);
  bool intIntoFloat32 = arrays == DType::Float32 && isInteger(scalar->dtype);
  bool floatIntoFloat32 = arrays == DType::Float32 && isFloat(scalar->dtype);
  if (!intIntoInt32 && !intIntoFloat32 && !floatIntoFloat32)
    return arrays;
  int64_t lo = intIntoInt32 ? INT32_MIN : -32768,
          hi = intIntoInt32 ? INT32_MAX : 65535;
  DType wide = intIntoInt32 ? DType::Int64 : DType::Float64;
  if (floatIntoFloat32) {
    if (std::optional<double> x = getConstFloat(scalar))
      return std::isfinite(*x) && std::abs(*x) >= 3.4e38 ? wide : arrays;
  } else if (std::optional<int64_t> x = getConstInt(scalar)) {
    return *x < lo || *x > hi ? wide : arrays;
  }
  // Known only when running: the dtype is decided now, so a value that
  // would widen NumPy's result stops every rank instead.
  Value fits;
  if (floatIntoFloat32) {
    Value x = convert(b, loc, scalar->value, scalar->dtype, DType::Float64);
    Value bound = arith::ConstantOp::create(b, loc, b.getF64FloatAttr(3.4e38));
    Value inf = arith::ConstantOp::create(
        b, loc, b.getF64FloatAttr(std::numeric_limits<double>::infinity()));
    Value mag = math::AbsFOp::create(b, loc, x);
    // Below the bound, infinite or NaN.
    fits = arith::OrIOp::create(
        b, loc,
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ULT, mag, bound),
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, mag, inf));
  } else {
    Value x = convert(b, loc, scalar->value, scalar->dtype, DType::Int64);
    auto i64 = [&](int64_t v) {
      return arith::ConstantIntOp::create(b, loc, b.getI64Type(), v);
    };
    fits = arith::AndIOp::create(
        b, loc,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, x, i64(lo)),
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle, x, i64(hi)));
  }
  emitAssert(fits, std::string("this number's value would make NumPy compute "
                               "in ") +
                       getDTypeName(wide) + " instead of " +
                       getDTypeName(arrays) +
                       " (value-based casting), and dac decides dtypes when "
                       "compiling: convert the number or the array "
                       "explicitly (np." +
                       getDTypeName(wide) + "(x) or .astype(np." +
                       getDTypeName(wide) + "))");
  return arrays;
}
