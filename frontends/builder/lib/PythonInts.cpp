//===- PythonInts.cpp - Python int arithmetic, exactly or not at all ------===//
//
// Python ints are unbounded; here they are int64. Wherever Python's exact
// result would not fit, the program stops with an OverflowError naming the
// line (a compile-time error when the operands are known) instead of
// wrapping around: no wrong number is ever printed.
//
//===----------------------------------------------------------------------===//

#include "dac/Builder/Emitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace dac::builder;

/// True if Python's exact `op` of known operands fits in int64.
static bool fitsInt64(StringRef op, int64_t a, int64_t b) {
  int64_t r;
  if (op == "+")
    return !__builtin_add_overflow(a, b, &r);
  if (op == "-")
    return !__builtin_sub_overflow(a, b, &r);
  if (op == "*")
    return !__builtin_mul_overflow(a, b, &r);
  if (op == "//")
    return !(a == std::numeric_limits<int64_t>::min() && b == -1);
  if (op == "neg" || op == "abs")
    return a != std::numeric_limits<int64_t>::min();
  if (op == "<<") {
    if (b < 0 || a == 0)
      return true;
    if (b >= 64)
      return false;
    // Shifted as unsigned: a signed shift that overflows is undefined
    // (found by dac-fuzz-script under UBSan).
    auto shifted = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
    return (shifted >> b) == a;
  }
  if (op == "**" && (a < -1 || a > 1)) {
    // At most 63 steps before |a|^e leaves int64.
    r = 1;
    for (int64_t e = 0; e < b; ++e)
      if (__builtin_mul_overflow(r, a, &r))
        return false;
  }
  return true;
}

ValueRef Emitter::checkedInt(StringRef op, const ValueRef &lhs,
                             const ValueRef &rhs, const ValueRef &result) {
  if (!lhs->isPython || lhs->dtype != DType::Int64 ||
      (rhs && (!rhs->isPython || rhs->dtype != DType::Int64)) ||
      !result->is(PyValue::Kind::Scalar))
    return result;
  std::optional<int64_t> a = getConstInt(lhs),
                         c = rhs ? getConstInt(rhs) : std::optional<int64_t>(0);
  bool shift = op == "<<" || op == ">>";
  if (shift && c && *c < 0)
    compileError("ValueError: negative shift count");
  if (a && c) {
    if (!fitsInt64(op, *a, *c))
      compileError(kIntOverflow);
    return result;
  }
  Type i64 = b.getI64Type();
  auto constant = [&](int64_t v) {
    return arith::ConstantIntOp::create(b, loc, i64, v).getResult();
  };
  auto negative = [&](Value v) {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, v,
                                 constant(0))
        .getResult();
  };
  auto equal = [&](Value x, int64_t v) {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, x,
                                 constant(v))
        .getResult();
  };
  Value x = lhs->value, y = rhs ? rhs->value : Value(), r = result->value;
  Value overflow;
  if (op == "+") {
    // Both operands' signs differ from the result's.
    overflow = negative(
        arith::AndIOp::create(b, loc, arith::XOrIOp::create(b, loc, x, r),
                              arith::XOrIOp::create(b, loc, y, r)));
  } else if (op == "-") {
    overflow = negative(
        arith::AndIOp::create(b, loc, arith::XOrIOp::create(b, loc, x, y),
                              arith::XOrIOp::create(b, loc, x, r)));
  } else if (op == "*") {
    auto wide = arith::MulSIExtendedOp::create(b, loc, x, y);
    Value sign = arith::ShRSIOp::create(b, loc, wide.getLow(), constant(63));
    overflow = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                     wide.getHigh(), sign);
  } else if (op == "//") {
    overflow = arith::AndIOp::create(b, loc, equal(x, INT64_MIN), equal(y, -1));
  } else if (op == "**") {
    // The wrapped result is exact if it fits; then the double estimate is
    // within a few ulps of it. Past int64 it lands 2^64 or more away (or
    // the estimate itself is out of range).
    auto toF64 = [&](Value v) {
      return arith::SIToFPOp::create(b, loc, b.getF64Type(), v).getResult();
    };
    Value estimate = math::PowFOp::create(b, loc, toF64(x), toF64(y));
    Value size = math::AbsFOp::create(b, loc, estimate);
    Value off = math::AbsFOp::create(
        b, loc, arith::SubFOp::create(b, loc, toF64(r), estimate));
    auto f64 = [&](double v) {
      return arith::ConstantOp::create(b, loc, b.getF64FloatAttr(v));
    };
    Value huge = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UGE, size,
                                       f64(0x1p64));
    Value far =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UGT, off,
                              arith::MulFOp::create(b, loc, size, f64(1e-9)));
    overflow = arith::OrIOp::create(b, loc, huge, far);
    // Bases -1, 0 and 1 never leave int64 (and a huge exponent's double
    // may have lost the parity the estimate needs).
    Value small = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::ule,
        arith::AddIOp::create(b, loc, x, constant(1)), constant(2));
    overflow = arith::AndIOp::create(
        b, loc, overflow,
        arith::XOrIOp::create(
            b, loc, small,
            arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1)));
  } else if (op == "neg" || op == "abs") {
    overflow = equal(x, INT64_MIN);
  } else if (shift) {
    emitAssert(arith::XOrIOp::create(
                   b, loc, negative(y),
                   arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1)),
               "ValueError: negative shift count");
    // x >> y is exact for every count (NumPy's rule for 64 or more is
    // Python's: 0, or -1 for a negative x).
    if (op == ">>")
      return result;
    // A shift of 64 or more keeps only 0; below, shifting back must give
    // the operand (the shift amount is clamped: a wider one is undefined).
    Value wide = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, y,
                                       constant(64));
    Value s = arith::SelectOp::create(b, loc, wide, constant(0), y);
    Value back =
        arith::ShRSIOp::create(b, loc, arith::ShLIOp::create(b, loc, x, s), s);
    Value lost =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, back, x);
    Value nonZero =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x, constant(0));
    overflow = arith::OrIOp::create(
        b, loc, lost, arith::AndIOp::create(b, loc, wide, nonZero));
  } else {
    return result;
  }
  emitAssert(arith::XOrIOp::create(
                 b, loc, overflow,
                 arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1)),
             kIntOverflow);
  return result;
}

ValueRef Emitter::checkedFloatToInt(const ValueRef &x) {
  if (!isFloat(x->dtype))
    return castScalar(x, DType::Int64, true);
  if (std::optional<double> v = getConstFloat(x)) {
    if (std::isnan(*v))
      compileError("ValueError: cannot convert float NaN to integer");
    if (std::isinf(*v))
      compileError("OverflowError: cannot convert float infinity to integer");
    if (!(std::trunc(*v) >= -0x1p63 && std::trunc(*v) < 0x1p63))
      compileError(kIntOverflow);
    return castScalar(x, DType::Int64, true);
  }
  Value f = convert(b, loc, x->value, x->dtype, DType::Float64);
  auto cmp = [&](arith::CmpFPredicate p, Value l, double r) {
    return arith::CmpFOp::create(
               b, loc, p, l,
               arith::ConstantOp::create(b, loc, b.getF64FloatAttr(r)))
        .getResult();
  };
  Value magnitude =
      arith::SelectOp::create(b, loc, cmp(arith::CmpFPredicate::OLT, f, 0.0),
                              arith::NegFOp::create(b, loc, f), f);
  emitAssert(cmp(arith::CmpFPredicate::ORD, f, 0.0),
             "ValueError: cannot convert float NaN to integer");
  emitAssert(cmp(arith::CmpFPredicate::ONE, magnitude, INFINITY),
             "OverflowError: cannot convert float infinity to integer");
  // Truncation toward zero lands in [-2^63, 2^63).
  emitAssert(arith::AndIOp::create(b, loc,
                                   cmp(arith::CmpFPredicate::OGE, f, -0x1p63),
                                   cmp(arith::CmpFPredicate::OLT, f, 0x1p63)),
             kIntOverflow);
  return castScalar(x, DType::Int64, true);
}
