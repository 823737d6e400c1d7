//===- PythonFloats.cpp - Python float rules: domain errors, comparisons ===//
//
// Where Python's float arithmetic differs from C's: the math module raises
// instead of returning NaN or infinity, float powers overflow with an
// error, and a Python int compares with a float exactly (not through a
// rounded conversion).
//
//===----------------------------------------------------------------------===//

#include "dac/Builder/Emitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace dac;
using namespace dac::builder;
using namespace dac::dist;

/// Python's math module raises where C's libm returns NaN or infinity
/// from finite arguments (CPython's math_1 and math_pow): a NaN from
/// non-NaN arguments and an infinity from finite ones are ValueError "math
/// domain error" (log(0.0), sqrt(-1.0), pow(0.0, -1.0)), except the
/// infinities of exp, expm1, cosh, sinh and pow, which are OverflowError
/// "math range error". atan2, hypot and copysign never raise.
void Emitter::checkMathResult(StringRef name, ArrayRef<ValueRef> xs, Value r) {
  if (name == "atan2" || name == "hypot" || name == "copysign")
    return;
  auto isNan = [&](Value v) {
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, v, v)
        .getResult();
  };
  // |v| against infinity: equal (an infinity) or below (finite).
  auto magnitude = [&](arith::CmpFPredicate p, Value v) {
    Value inf = arith::ConstantOp::create(
        b, loc, b.getF64FloatAttr(std::numeric_limits<double>::infinity()));
    return arith::CmpFOp::create(b, loc, p, math::AbsFOp::create(b, loc, v),
                                 inf)
        .getResult();
  };
  auto isInf = [&](Value v) { return magnitude(arith::CmpFPredicate::OEQ, v); };
  auto isFinite = [&](Value v) {
    return magnitude(arith::CmpFPredicate::OLT, v);
  };
  auto both = [&](Value x, Value y) {
    return arith::AndIOp::create(b, loc, x, y).getResult();
  };
  auto no = [&](Value x) {
    Value one = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
    return arith::XOrIOp::create(b, loc, x, one).getResult();
  };
  // The arguments: none NaN, all finite.
  Value noNan = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
  Value finite = noNan;
  for (const ValueRef &x : xs) {
    noNan = both(noNan, no(isNan(x->value)));
    finite = both(finite, isFinite(x->value));
  }
  Value infinite = both(isInf(r), finite);
  bool overflows = name == "exp" || name == "expm1" || name == "cosh" ||
                   name == "sinh" || name == "pow";
  Value domain = both(isNan(r), noNan);
  if (name == "pow") {
    // Only finite arguments raise; an infinity then is a domain error
    // from 0.0 ** negative, else an overflow.
    domain = both(domain, finite);
    Value zero = arith::ConstantOp::create(b, loc, b.getF64FloatAttr(0.0));
    Value fromZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ,
                                           xs[0]->value, zero);
    domain = arith::OrIOp::create(b, loc, domain, both(infinite, fromZero));
    infinite = both(infinite, no(fromZero));
  } else if (!overflows) {
    domain = arith::OrIOp::create(b, loc, domain, infinite);
  }
  emitAssert(no(domain), "ValueError: math domain error", {});
  if (overflows)
    emitAssert(no(infinite), "OverflowError: math range error", {});
}

/// Python's float ** float (CPython's float_pow) raises where C's pow
/// returns an infinity or NaN from ordinary arguments: 0.0 to a finite
/// negative power, an overflow, and a negative base to a fractional power
/// (a complex number in Python). Infinite and NaN arguments never raise.
void Emitter::checkFloatPower(Value x, Value y, Value r) {
  auto fconst = [&](double v) {
    return arith::ConstantOp::create(b, loc, b.getF64FloatAttr(v)).getResult();
  };
  auto cmp = [&](arith::CmpFPredicate p, Value l, Value r) {
    return arith::CmpFOp::create(b, loc, p, l, r).getResult();
  };
  auto both = [&](Value l, Value r) {
    return arith::AndIOp::create(b, loc, l, r).getResult();
  };
  auto no = [&](Value v) {
    Value one = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
    return arith::XOrIOp::create(b, loc, v, one).getResult();
  };
  Value inf = fconst(std::numeric_limits<double>::infinity());
  auto finite = [&](Value v) {
    return cmp(arith::CmpFPredicate::OLT, math::AbsFOp::create(b, loc, v), inf);
  };
  Value zero = fconst(0.0);
  Value yFinite = finite(y), xFinite = finite(x);
  Value xZero = cmp(arith::CmpFPredicate::OEQ, x, zero);
  emitAssert(
      no(both(both(xZero, yFinite), cmp(arith::CmpFPredicate::OLT, y, zero))),
      "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  Value fractional = cmp(arith::CmpFPredicate::ONE, y,
                         math::FloorOp::create(b, loc, y).getResult());
  emitAssert(no(both(both(both(xFinite, yFinite), fractional),
                     cmp(arith::CmpFPredicate::OLT, x, zero))),
             "a negative number to a fractional power is a complex number "
             "in Python; complex numbers are not supported yet");
  Value overflow =
      both(both(xFinite, yFinite), cmp(arith::CmpFPredicate::OEQ,
                                       math::AbsFOp::create(b, loc, r), inf));
  emitAssert(no(overflow),
             "OverflowError: (34, 'Numerical result out of range')");
}

ValueRef Emitter::exactCompare(StringRef op, const ValueRef &integer,
                               const ValueRef &real, bool swapped) {
  // With f = fl + frac (fl = floor(f), 0 <= frac < 1) inside int64's range,
  // i == f iff frac == 0 and i == fl; i < f iff i < fl, or i == fl and
  // frac > 0. Outside it (infinities too) every int64 is below a positive
  // f and above a negative one; NaN compares false but for !=.
  Value i = integer->value, f = real->value;
  auto fconst = [&](double v) {
    return arith::ConstantOp::create(b, loc, b.getF64FloatAttr(v)).getResult();
  };
  auto fcmp = [&](arith::CmpFPredicate p, Value x, Value y) {
    return arith::CmpFOp::create(b, loc, p, x, y).getResult();
  };
  Value inRange = arith::AndIOp::create(
      b, loc, fcmp(arith::CmpFPredicate::OGE, f, fconst(-0x1p63)),
      fcmp(arith::CmpFPredicate::OLT, f, fconst(0x1p63)));
  Value fl = math::FloorOp::create(b, loc, f);
  Value frac = arith::SubFOp::create(b, loc, f, fl);
  // fl as an int only where it fits (else 0, unused).
  Value safe = arith::SelectOp::create(b, loc, inRange, fl, fconst(0.0));
  Value fi = arith::FPToSIOp::create(b, loc, b.getI64Type(), safe);
  auto icmp = [&](arith::CmpIPredicate p) {
    return arith::CmpIOp::create(b, loc, p, i, fi).getResult();
  };
  Value fracZero = fcmp(arith::CmpFPredicate::OEQ, frac, fconst(0.0));
  Value fracPos = fcmp(arith::CmpFPredicate::OGT, frac, fconst(0.0));
  auto both = [&](Value x, Value y) {
    return arith::AndIOp::create(b, loc, x, y).getResult();
  };
  auto either = [&](Value x, Value y) {
    return arith::OrIOp::create(b, loc, x, y).getResult();
  };
  Value positive = fcmp(arith::CmpFPredicate::OGT, f, fconst(0.0));
  Value negative = fcmp(arith::CmpFPredicate::OLT, f, fconst(0.0));
  // integer < real, integer == real, integer > real (all false for NaN).
  Value less = arith::SelectOp::create(
      b, loc, inRange,
      either(icmp(arith::CmpIPredicate::slt),
             both(icmp(arith::CmpIPredicate::eq), fracPos)),
      positive);
  Value equal = both(inRange, both(fracZero, icmp(arith::CmpIPredicate::eq)));
  Value greater = arith::SelectOp::create(
      b, loc, inRange, icmp(arith::CmpIPredicate::sgt), negative);
  if (swapped)
    std::swap(less, greater);
  Value r;
  if (op == "<")
    r = less;
  else if (op == ">")
    r = greater;
  else if (op == "<=")
    r = either(less, equal);
  else if (op == ">=")
    r = either(greater, equal);
  else if (op == "==")
    r = equal;
  else
    r = arith::XOrIOp::create(
        b, loc, equal, arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1));
  return PyValue::scalar(r, DType::Bool, true);
}
