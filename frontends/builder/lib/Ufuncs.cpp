//===- Ufuncs.cpp - Element-wise operations with NumPy's rules ------------===//
//
// Every element-wise operation, on scalars or arrays, goes through
// `Emitter::elementwise`: the operands are converted to the computation
// type (NumPy's promotion, Promotion.cpp), then one scalar
// computation builds the result element. On arrays it becomes the body of
// a dist.map, so fusion later sees a plain scalar computation.
//
//===----------------------------------------------------------------------===//

#include "dac/Builder/Emitter.h"
#include "dac/Compiler/RuntimeCalls.h"
#include "dac/Runtime/TrueDivide.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/StringSwitch.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace dac;
using namespace dac::builder;
using namespace dac::dist;

ValueRef Emitter::elementwise(ArrayRef<ValueRef> operands, DType computeType,
                              DType resultType, const ElementFn &fn) {
  SmallVector<ValueRef> arrays;
  bool allPython = true;
  for (const ValueRef &v : operands) {
    if (v->is(PyValue::Kind::Array))
      arrays.push_back(v);
    else if (!v->is(PyValue::Kind::Scalar))
      compileError("expected a number or an array, got " + v->describe());
    allPython &= v->is(PyValue::Kind::Scalar) && v->isPython;
  }
  if (arrays.empty()) {
    SmallVector<Value> args;
    for (const ValueRef &v : operands)
      args.push_back(convert(b, loc, v->value, v->dtype, computeType));
    return PyValue::scalar(fn(b, loc, args), resultType, allPython);
  }

  // NumPy's broadcasting; the result takes the layout of an operand of the
  // result's shape, the one the others move the fewest bytes into (the
  // default if none has the shape). Other operands are read in that shape
  // and layout (broadcast or moved by a gather).
  std::vector<Value> shape = broadcastShape(arrays);
  checkSize(shape, resultType);
  SmallVector<ArrayType> full;
  for (const ValueRef &v : arrays)
    if (v->shape.size() == shape.size() &&
        llvm::all_of(llvm::zip(v->shape, shape), [](auto pair) {
          return getConstantIntValue(std::get<0>(pair)) ==
                     getConstantIntValue(std::get<1>(pair)) &&
                 (getConstantIntValue(std::get<0>(pair)) ||
                  std::get<0>(pair) == std::get<1>(pair));
        }))
      full.push_back(cast<ArrayType>(v->value.getType()));
  LayoutAttr layout = ArrayType::cheapestLayout(full);
  LayoutAttr effective =
      layout ? layout : LayoutAttr::getDefault(b.getContext(), shape.size());

  // Scalars are converted once, outside the map, and captured.
  SmallVector<Value> inputs;
  SmallVector<DType> inputTypes;
  SmallVector<std::pair<size_t, Value>> captured;
  for (auto [i, v] : llvm::enumerate(operands)) {
    if (v->is(PyValue::Kind::Array)) {
      inputs.push_back(broadcastTo(v, shape, effective)->value);
      inputTypes.push_back(v->dtype);
    } else {
      captured.push_back({i, convert(b, loc, v->value, v->dtype, computeType)});
    }
  }
  Type resultArray = arrayType(shape, resultType, layout);
  auto map = MapOp::create(b, loc, resultArray, inputs);
  Block *body = b.createBlock(&map.getBody());
  SmallVector<Value> args(operands.size());
  for (auto [i, t] : llvm::enumerate(inputTypes))
    body->addArgument(getMLIRType(b, t), loc);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(body);
    size_t nextInput = 0;
    for (auto [i, v] : llvm::enumerate(operands)) {
      if (!v->is(PyValue::Kind::Array))
        continue;
      args[i] =
          convert(b, loc, body->getArgument(nextInput), v->dtype, computeType);
      ++nextInput;
    }
    for (auto &[i, v] : captured)
      args[i] = v;
    Value result = fn(b, loc, args);
    YieldOp::create(b, loc, result);
  }
  b.setInsertionPointAfter(map);
  return PyValue::array(map.getResult(), resultType, shape);
}

namespace {

/// How a ufunc chooses its computation and result types.
enum class Signature {
  Arith,     // common type -> common type (bool: logical for add/mul)
  FloatMath, // ints promote to float64; float32 stays
  Divide,    // true division: like FloatMath
  Compare,   // common type -> bool
  Logical,   // bool -> bool
  Bitwise,   // integer/bool only
  Classify,  // float -> bool (isnan, ...)
};

struct Ufunc {
  Signature signature;
  unsigned arity;
};

std::optional<Ufunc> lookupUfunc(StringRef name) {
  using S = Signature;
  return llvm::StringSwitch<std::optional<Ufunc>>(name)
      .Cases({"add", "subtract", "multiply", "maximum", "minimum", "fmax",
              "fmin", "floor_divide", "remainder", "mod", "fmod", "power"},
             Ufunc{S::Arith, 2})
      .Cases({"negative", "positive", "absolute", "abs", "fabs", "square",
              "sign", "conjugate", "conj"},
             Ufunc{S::Arith, 1})
      .Cases({"divide", "true_divide"}, Ufunc{S::Divide, 2})
      .Cases({"sqrt",       "exp",     "exp2",  "expm1", "log",   "log2",
              "log10",      "log1p",   "sin",   "cos",   "tan",   "arcsin",
              "arccos",     "arctan",  "sinh",  "cosh",  "tanh",  "arcsinh",
              "arccosh",    "arctanh", "floor", "ceil",  "trunc", "rint",
              "reciprocal", "cbrt"},
             Ufunc{S::FloatMath, 1})
      .Cases({"arctan2", "hypot", "copysign"}, Ufunc{S::FloatMath, 2})
      .Cases({"less", "less_equal", "greater", "greater_equal", "equal",
              "not_equal"},
             Ufunc{S::Compare, 2})
      .Cases({"logical_and", "logical_or", "logical_xor"}, Ufunc{S::Logical, 2})
      .Case("logical_not", Ufunc{S::Logical, 1})
      .Cases({"bitwise_and", "bitwise_or", "bitwise_xor", "left_shift",
              "right_shift"},
             Ufunc{S::Bitwise, 2})
      .Cases({"invert", "bitwise_not"}, Ufunc{S::Bitwise, 1})
      .Cases({"isnan", "isinf", "isfinite"}, Ufunc{S::Classify, 1})
      .Default(std::nullopt);
}

/// NumPy's float divmod (npy_divmod): Python's floor division and modulo.
std::pair<Value, Value> floatDivmod(OpBuilder &b, Location loc, Value a,
                                    Value d) {
  Type t = a.getType();
  auto c = [&](double v) {
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(t, v));
  };
  auto cmp = [&](arith::CmpFPredicate p, Value x, Value y) {
    return arith::CmpFOp::create(b, loc, p, x, y);
  };
  Value mod = arith::RemFOp::create(b, loc, a, d);
  Value div =
      arith::DivFOp::create(b, loc, arith::SubFOp::create(b, loc, a, mod), d);
  // If mod is non-zero and its sign differs from d's, shift by one.
  Value modNonZero = cmp(arith::CmpFPredicate::UNE, mod, c(0));
  Value signsDiffer =
      arith::XOrIOp::create(b, loc, cmp(arith::CmpFPredicate::OLT, d, c(0)),
                            cmp(arith::CmpFPredicate::OLT, mod, c(0)));
  Value adjust = arith::AndIOp::create(b, loc, modNonZero, signsDiffer);
  Value modAdj = arith::SelectOp::create(
      b, loc, adjust, arith::AddFOp::create(b, loc, mod, d), mod);
  Value divAdj = arith::SelectOp::create(
      b, loc, adjust, arith::SubFOp::create(b, loc, div, c(1)), div);
  // A zero modulo takes the sign of the divisor.
  Value modZero = math::CopySignOp::create(b, loc, c(0), d);
  mod = arith::SelectOp::create(b, loc, modNonZero, modAdj, modZero);
  // Round the quotient to the nearest integral value below.
  Value fl = math::FloorOp::create(b, loc, divAdj);
  Value bump = cmp(arith::CmpFPredicate::OGT,
                   arith::SubFOp::create(b, loc, divAdj, fl), c(0.5));
  fl = arith::SelectOp::create(b, loc, bump,
                               arith::AddFOp::create(b, loc, fl, c(1)), fl);
  Value divNonZero = cmp(arith::CmpFPredicate::UNE, divAdj, c(0));
  Value zeroQuot = math::CopySignOp::create(
      b, loc, c(0), arith::DivFOp::create(b, loc, a, d));
  Value floordiv = arith::SelectOp::create(b, loc, divNonZero, fl, zeroQuot);
  // Division by zero: NumPy gives a / d for the quotient and nan modulo.
  Value dZero = cmp(arith::CmpFPredicate::OEQ, d, c(0));
  floordiv = arith::SelectOp::create(
      b, loc, dZero, arith::DivFOp::create(b, loc, a, d), floordiv);
  mod = arith::SelectOp::create(b, loc, dZero,
                                arith::RemFOp::create(b, loc, a, d), mod);
  return {floordiv, mod};
}

/// A divisor the hardware divides by without trapping: 1 where `d` is 0
/// or -1 (the smallest integer divided by -1 traps too); the callers give
/// those divisors NumPy's results.
Value safeDivisor(OpBuilder &b, Location loc, Value d, Value &isZero,
                  Value &isMinusOne) {
  Type t = d.getType();
  Value one = arith::ConstantIntOp::create(b, loc, t, 1);
  isZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, d,
                                 arith::ConstantIntOp::create(b, loc, t, 0));
  isMinusOne =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, d,
                            arith::ConstantIntOp::create(b, loc, t, -1));
  Value trap = arith::OrIOp::create(b, loc, isZero, isMinusOne);
  return arith::SelectOp::create(b, loc, trap, one, d);
}

/// Integer floor division and modulo with Python's signs; a zero divisor
/// gives 0 and -1 gives -a and 0 (NumPy's results for arrays: the smallest
/// integer wraps), without the hardware's traps.
std::pair<Value, Value> intDivmod(OpBuilder &b, Location loc, Value a,
                                  Value d) {
  Type t = a.getType();
  Value zero = arith::ConstantIntOp::create(b, loc, t, 0);
  Value isZero, isMinusOne;
  Value safe = safeDivisor(b, loc, d, isZero, isMinusOne);
  Value q = arith::FloorDivSIOp::create(b, loc, a, safe);
  Value r = arith::RemSIOp::create(b, loc, a, safe);
  Value rNonZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, r, zero);
  Value signsDiffer = arith::XOrIOp::create(
      b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, r, zero),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, safe, zero));
  Value fix = arith::AndIOp::create(b, loc, rNonZero, signsDiffer);
  r = arith::SelectOp::create(b, loc, fix,
                              arith::AddIOp::create(b, loc, r, safe), r);
  q = arith::SelectOp::create(b, loc, isMinusOne,
                              arith::SubIOp::create(b, loc, zero, a), q);
  q = arith::SelectOp::create(b, loc, isZero, zero, q);
  r = arith::SelectOp::create(
      b, loc, arith::OrIOp::create(b, loc, isZero, isMinusOne), zero, r);
  return {q, r};
}

/// x ** n for integers by repeated squaring (NumPy's integer power).
Value intPower(OpBuilder &b, Location loc, Value x, Value n) {
  return math::IPowIOp::create(b, loc, x, n);
}

Value makeFloat(OpBuilder &b, Location loc, Type t, double v) {
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(t, v));
}

/// hypot(x, y) for f64, computed exactly as the C library (glibc 2.35+)
/// computes it, but without branches: the same operations in the same order
/// (so the same rounding, bit for bit), with every case selected instead of
/// branched to. NumPy calls that library function; matching it matters
/// because thresholds such as `hypot(x, y) <= 1` must count the same points.
Value buildHypot(OpBuilder &b, Location loc, Value x, Value y) {
  Type t = x.getType();
  auto c = [&](double v) { return makeFloat(b, loc, t, v); };
  auto mul = [&](Value p, Value q) -> Value {
    return arith::MulFOp::create(b, loc, p, q);
  };
  auto add = [&](Value p, Value q) -> Value {
    return arith::AddFOp::create(b, loc, p, q);
  };
  auto sub = [&](Value p, Value q) -> Value {
    return arith::SubFOp::create(b, loc, p, q);
  };
  auto cmp = [&](arith::CmpFPredicate p, Value l, Value r) -> Value {
    return arith::CmpFOp::create(b, loc, p, l, r);
  };
  auto sel = [&](Value cond, Value l, Value r) -> Value {
    return arith::SelectOp::create(b, loc, cond, l, r);
  };
  const double scale = 0x1p-600, large = 0x1p+511, tiny = 0x1p-511,
               eps = 0x1p-54;
  Value fx = math::AbsFOp::create(b, loc, x);
  Value fy = math::AbsFOp::create(b, loc, y);
  Value xLess = cmp(arith::CmpFPredicate::OLT, fx, fy);
  Value ax = sel(xLess, fy, fx);
  Value ay = sel(xLess, fx, fy);
  Value isLarge = cmp(arith::CmpFPredicate::OGT, ax, c(large));
  Value isTiny = arith::AndIOp::create(
      b, loc,
      arith::XOrIOp::create(
          b, loc, isLarge,
          arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1)),
      cmp(arith::CmpFPredicate::OLT, ay, c(tiny)));
  // The scaled kernel: large inputs by 2^-600, tiny ones by 2^600.
  Value scaleIn = sel(isLarge, c(scale), sel(isTiny, c(1.0 / scale), c(1.0)));
  Value scaleOut = sel(isLarge, c(1.0 / scale), sel(isTiny, c(scale), c(1.0)));
  Value kx = mul(ax, scaleIn), ky = mul(ay, scaleIn);
  Value h = math::SqrtOp::create(b, loc, add(mul(kx, kx), mul(ky, ky)));
  Value two = c(2.0);
  // h <= 2 ay: delta = h - ay; t1 = ax (2 delta - ax);
  //            t2 = (delta - 2 (ax - ay)) delta
  Value d1 = sub(h, ky);
  Value t1a = mul(kx, sub(mul(two, d1), kx));
  Value t2a = mul(sub(d1, mul(two, sub(kx, ky))), d1);
  // otherwise: delta = h - ax; t1 = 2 delta (ax - 2 ay);
  //            t2 = (4 delta - ay) ay + delta delta
  Value d2 = sub(h, kx);
  Value t1b = mul(mul(two, d2), sub(kx, mul(two, ky)));
  Value t2b = add(mul(sub(mul(c(4.0), d2), ky), ky), mul(d2, d2));
  Value first = cmp(arith::CmpFPredicate::OLE, h, mul(two, ky));
  Value sum = sel(first, add(t1a, t2a), add(t1b, t2b));
  Value corrected = sub(h, arith::DivFOp::create(b, loc, sum, mul(two, h)));
  Value kernel = mul(corrected, scaleOut);
  // One input negligible next to the other: ax + ay (tested the way each
  // of the library's cases tests it).
  Value negligible =
      sel(isTiny, cmp(arith::CmpFPredicate::OGE, ax, mul(ay, c(1.0 / eps))),
          cmp(arith::CmpFPredicate::OLE, ay, mul(ax, c(eps))));
  Value finite = sel(negligible, add(ax, ay), kernel);
  // Infinities win over NaN; otherwise NaN propagates.
  Value inf = c(INFINITY);
  Value anyInf =
      arith::OrIOp::create(b, loc, cmp(arith::CmpFPredicate::OEQ, fx, inf),
                           cmp(arith::CmpFPredicate::OEQ, fy, inf));
  Value anyNaN = cmp(arith::CmpFPredicate::UNO, x, y);
  return sel(anyInf, inf, sel(anyNaN, add(x, y), finite));
}

} // namespace

std::optional<unsigned> Emitter::ufuncArity(StringRef name) {
  if (std::optional<Ufunc> ufunc = lookupUfunc(name))
    return ufunc->arity;
  return std::nullopt;
}

void Emitter::checkNonNegativeExponent(const ValueRef &exponent) {
  const char *message =
      "ValueError: Integers to negative integer powers are not allowed.";
  if (std::optional<int64_t> e = getConstInt(exponent)) {
    if (*e < 0)
      compileError(message);
    return;
  }
  if (exponent->dtype == DType::Bool)
    return;
  // Whether any exponent is negative, on every rank (a reduction for an
  // array, empty ones included), so that all ranks stop together.
  ValueRef negative = binaryOp("<", exponent, intConst(0));
  if (negative->is(PyValue::Kind::Array))
    negative = reduceAll("any", negative, 0);
  require(arith::XOrIOp::create(
              b, loc, negative->value,
              arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1)),
          message);
}

ValueRef Emitter::applyUfunc(StringRef name, ArrayRef<ValueRef> args) {
  std::optional<Ufunc> ufunc = lookupUfunc(name);
  if (!ufunc)
    return nullptr;
  if (args.size() != ufunc->arity)
    compileError("'" + name + "' takes " + Twine(ufunc->arity) +
                 " argument(s), got " + Twine(args.size()));
  DType common = commonType(args);
  DType compute = common, result = common;
  switch (ufunc->signature) {
  case Signature::Arith:
    // NumPy refuses these on booleans (Python's bools were made ints
    // before).
    if (common == DType::Bool && name == "subtract")
      compileError("TypeError: numpy boolean subtract, the `-` operator, is "
                   "not supported, use the bitwise_xor, the `^` operator, or "
                   "the logical_xor function instead.");
    if (common == DType::Bool && name == "negative")
      compileError("TypeError: The numpy boolean negative, the `-` operator, "
                   "is not supported, use the `~` operator or the logical_not "
                   "function instead.");
    if (name == "power" && !isFloat(common) && common != DType::Bool &&
        !(args[0]->isPython && args[1]->isPython))
      checkNonNegativeExponent(args[1]);
    if (common == DType::Bool &&
        !(name == "add" || name == "multiply" || name == "maximum" ||
          name == "minimum" || name == "absolute" || name == "abs" ||
          name == "square" || name == "positive"))
      compute = result = DType::Int64;
    break;
  case Signature::FloatMath:
  case Signature::Divide:
    compute = result = isFloat(common) ? common : DType::Float64;
    break;
  case Signature::Compare:
    result = DType::Bool;
    break;
  case Signature::Logical:
    compute = result = DType::Bool;
    break;
  case Signature::Bitwise:
    if (isFloat(common))
      compileError("ufunc '" + name +
                   "' is not supported for floating-point inputs");
    break;
  case Signature::Classify:
    result = DType::Bool;
    break;
  }
  bool isF = isFloat(compute);
  bool isB = compute == DType::Bool;
  std::string op = name.str();
  ElementFn fn = [=](OpBuilder &b, Location loc, ArrayRef<Value> e) -> Value {
    Type t = e[0].getType();
    auto fcmp = [&](arith::CmpFPredicate p) -> Value {
      return arith::CmpFOp::create(b, loc, p, e[0], e[1]);
    };
    auto icmp = [&](arith::CmpIPredicate p) -> Value {
      return arith::CmpIOp::create(b, loc, p, e[0], e[1]);
    };
    if (op == "add")
      return isF   ? (Value)arith::AddFOp::create(b, loc, e[0], e[1])
             : isB ? (Value)arith::OrIOp::create(b, loc, e[0], e[1])
                   : (Value)arith::AddIOp::create(b, loc, e[0], e[1]);
    if (op == "subtract")
      return isF ? (Value)arith::SubFOp::create(b, loc, e[0], e[1])
                 : (Value)arith::SubIOp::create(b, loc, e[0], e[1]);
    if (op == "multiply")
      return isF   ? (Value)arith::MulFOp::create(b, loc, e[0], e[1])
             : isB ? (Value)arith::AndIOp::create(b, loc, e[0], e[1])
                   : (Value)arith::MulIOp::create(b, loc, e[0], e[1]);
    if (op == "divide" || op == "true_divide")
      return arith::DivFOp::create(b, loc, e[0], e[1]);
    if (op == "maximum")
      return isF   ? (Value)arith::MaximumFOp::create(b, loc, e[0], e[1])
             : isB ? (Value)arith::OrIOp::create(b, loc, e[0], e[1])
                   : (Value)arith::MaxSIOp::create(b, loc, e[0], e[1]);
    if (op == "minimum")
      return isF   ? (Value)arith::MinimumFOp::create(b, loc, e[0], e[1])
             : isB ? (Value)arith::AndIOp::create(b, loc, e[0], e[1])
                   : (Value)arith::MinSIOp::create(b, loc, e[0], e[1]);
    if (op == "fmax")
      return isF ? (Value)arith::MaxNumFOp::create(b, loc, e[0], e[1])
                 : (Value)arith::MaxSIOp::create(b, loc, e[0], e[1]);
    if (op == "fmin")
      return isF ? (Value)arith::MinNumFOp::create(b, loc, e[0], e[1])
                 : (Value)arith::MinSIOp::create(b, loc, e[0], e[1]);
    if (op == "floor_divide")
      return isF ? floatDivmod(b, loc, e[0], e[1]).first
                 : intDivmod(b, loc, e[0], e[1]).first;
    if (op == "remainder" || op == "mod")
      return isF ? floatDivmod(b, loc, e[0], e[1]).second
                 : intDivmod(b, loc, e[0], e[1]).second;
    if (op == "fmod") {
      if (isF)
        return arith::RemFOp::create(b, loc, e[0], e[1]);
      Value zero = arith::ConstantIntOp::create(b, loc, t, 0);
      Value isZero, isMinusOne;
      Value safe = safeDivisor(b, loc, e[1], isZero, isMinusOne);
      return arith::SelectOp::create(
          b, loc, arith::OrIOp::create(b, loc, isZero, isMinusOne), zero,
          arith::RemSIOp::create(b, loc, e[0], safe));
    }
    if (op == "power")
      return isF ? (Value)math::PowFOp::create(b, loc, e[0], e[1])
                 : intPower(b, loc, e[0], e[1]);
    if (op == "negative")
      return isF ? (Value)arith::NegFOp::create(b, loc, e[0])
                 : (Value)arith::SubIOp::create(
                       b, loc, arith::ConstantIntOp::create(b, loc, t, 0),
                       e[0]);
    if (op == "positive" || op == "conjugate" || op == "conj")
      return e[0]; // dac's numbers are real
    if (op == "absolute" || op == "abs" || op == "fabs")
      return isF   ? (Value)math::AbsFOp::create(b, loc, e[0])
             : isB ? e[0]
                   : (Value)math::AbsIOp::create(b, loc, e[0]);
    if (op == "square")
      return isF   ? (Value)arith::MulFOp::create(b, loc, e[0], e[0])
             : isB ? e[0]
                   : (Value)arith::MulIOp::create(b, loc, e[0], e[0]);
    if (op == "sign") {
      if (isF) {
        Value zero = makeFloat(b, loc, t, 0);
        Value pos = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT,
                                          e[0], zero);
        Value neg = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT,
                                          e[0], zero);
        // NaN stays NaN; both zeros give +0.0, as NumPy's.
        Value isZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ,
                                             e[0], zero);
        Value v = arith::SelectOp::create(
            b, loc, neg, makeFloat(b, loc, t, -1),
            arith::SelectOp::create(b, loc, isZero, zero, e[0]));
        return arith::SelectOp::create(b, loc, pos, makeFloat(b, loc, t, 1), v);
      }
      Value zero = arith::ConstantIntOp::create(b, loc, t, 0);
      Value pos = arith::ExtUIOp::create(
          b, loc, t,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, e[0], zero));
      Value neg = arith::ExtUIOp::create(
          b, loc, t,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, e[0], zero));
      return arith::SubIOp::create(b, loc, pos, neg);
    }
    if (op == "sqrt")
      return math::SqrtOp::create(b, loc, e[0]);
    if (op == "exp")
      return math::ExpOp::create(b, loc, e[0]);
    if (op == "exp2")
      return math::Exp2Op::create(b, loc, e[0]);
    if (op == "expm1")
      return math::ExpM1Op::create(b, loc, e[0]);
    if (op == "log")
      return math::LogOp::create(b, loc, e[0]);
    if (op == "log2")
      return math::Log2Op::create(b, loc, e[0]);
    if (op == "log10")
      return math::Log10Op::create(b, loc, e[0]);
    if (op == "log1p")
      return math::Log1pOp::create(b, loc, e[0]);
    if (op == "sin")
      return math::SinOp::create(b, loc, e[0]);
    if (op == "cos")
      return math::CosOp::create(b, loc, e[0]);
    if (op == "tan")
      return math::TanOp::create(b, loc, e[0]);
    if (op == "arcsin")
      return math::AsinOp::create(b, loc, e[0]);
    if (op == "arccos")
      return math::AcosOp::create(b, loc, e[0]);
    if (op == "arctan")
      return math::AtanOp::create(b, loc, e[0]);
    if (op == "sinh")
      return math::SinhOp::create(b, loc, e[0]);
    if (op == "cosh")
      return math::CoshOp::create(b, loc, e[0]);
    if (op == "tanh")
      return math::TanhOp::create(b, loc, e[0]);
    if (op == "arcsinh")
      return math::AsinhOp::create(b, loc, e[0]);
    if (op == "arccosh")
      return math::AcoshOp::create(b, loc, e[0]);
    if (op == "arctanh")
      return math::AtanhOp::create(b, loc, e[0]);
    if (op == "cbrt")
      return math::CbrtOp::create(b, loc, e[0]);
    if (op == "floor")
      return math::FloorOp::create(b, loc, e[0]);
    if (op == "ceil")
      return math::CeilOp::create(b, loc, e[0]);
    if (op == "trunc")
      return math::TruncOp::create(b, loc, e[0]);
    if (op == "rint")
      return math::RoundEvenOp::create(b, loc, e[0]);
    if (op == "reciprocal")
      return arith::DivFOp::create(b, loc, makeFloat(b, loc, t, 1), e[0]);
    if (op == "arctan2")
      return math::Atan2Op::create(b, loc, e[0], e[1]);
    if (op == "copysign")
      return math::CopySignOp::create(b, loc, e[0], e[1]);
    if (op == "hypot") {
      // float64: the C library's algorithm inline (bit-identical, no call,
      // no branches); float32: the library's hypotf itself.
      if (t.isF64())
        return buildHypot(b, loc, e[0], e[1]);
      return callLibm(b, loc, "hypotf", {e[0], e[1]});
    }
    if (op == "less")
      return isF ? fcmp(arith::CmpFPredicate::OLT)
                 : icmp(isB ? arith::CmpIPredicate::ult
                            : arith::CmpIPredicate::slt);
    if (op == "less_equal")
      return isF ? fcmp(arith::CmpFPredicate::OLE)
                 : icmp(isB ? arith::CmpIPredicate::ule
                            : arith::CmpIPredicate::sle);
    if (op == "greater")
      return isF ? fcmp(arith::CmpFPredicate::OGT)
                 : icmp(isB ? arith::CmpIPredicate::ugt
                            : arith::CmpIPredicate::sgt);
    if (op == "greater_equal")
      return isF ? fcmp(arith::CmpFPredicate::OGE)
                 : icmp(isB ? arith::CmpIPredicate::uge
                            : arith::CmpIPredicate::sge);
    if (op == "equal")
      return isF ? fcmp(arith::CmpFPredicate::OEQ)
                 : icmp(arith::CmpIPredicate::eq);
    if (op == "not_equal")
      return isF ? fcmp(arith::CmpFPredicate::UNE)
                 : icmp(arith::CmpIPredicate::ne);
    if (op == "logical_and" || op == "bitwise_and")
      return arith::AndIOp::create(b, loc, e[0], e[1]);
    if (op == "logical_or" || op == "bitwise_or")
      return arith::OrIOp::create(b, loc, e[0], e[1]);
    if (op == "logical_xor" || op == "bitwise_xor")
      return arith::XOrIOp::create(b, loc, e[0], e[1]);
    if (op == "logical_not" || op == "invert" || op == "bitwise_not") {
      Value ones = arith::ConstantIntOp::create(b, loc, t, -1);
      return arith::XOrIOp::create(b, loc, e[0], ones);
    }
    if (op == "left_shift" || op == "right_shift") {
      // NumPy's: a shift by the bit width or more (or by a negative count,
      // taken unsigned) gives 0, or -1 for a negative number shifted
      // right; LLVM's shift would be poison there.
      unsigned width = t.getIntOrFloatBitWidth();
      Value fits =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, e[1],
                                arith::ConstantIntOp::create(b, loc, t, width));
      Value zero = arith::ConstantIntOp::create(b, loc, t, 0);
      Value count = arith::SelectOp::create(b, loc, fits, e[1], zero);
      if (op == "left_shift")
        return arith::SelectOp::create(
            b, loc, fits, arith::ShLIOp::create(b, loc, e[0], count), zero);
      Value sign = arith::ShRSIOp::create(
          b, loc, e[0], arith::ConstantIntOp::create(b, loc, t, width - 1));
      return arith::SelectOp::create(
          b, loc, fits, arith::ShRSIOp::create(b, loc, e[0], count), sign);
    }
    if (op == "isnan" || op == "isinf" || op == "isfinite") {
      if (!isF)
        return arith::ConstantIntOp::create(b, loc, b.getI1Type(),
                                            op == "isfinite");
      // Plain comparisons: they lower everywhere and vectorise.
      if (op == "isnan")
        return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, e[0],
                                     e[0]);
      Value inf = arith::ConstantOp::create(
          b, loc,
          b.getFloatAttr(
              t, APFloat::getInf(cast<FloatType>(t).getFloatSemantics())));
      Value mag = math::AbsFOp::create(b, loc, e[0]);
      return arith::CmpFOp::create(b, loc,
                                   op == "isinf" ? arith::CmpFPredicate::OEQ
                                                 : arith::CmpFPredicate::OLT,
                                   mag, inf);
    }
    llvm_unreachable("ufunc without a body");
  };
  return elementwise(args, compute, result, fn);
}

ValueRef Emitter::binaryOp(StringRef op, const ValueRef &lhs,
                           const ValueRef &rhs) {
  bool scalars =
      lhs->is(PyValue::Kind::Scalar) && rhs->is(PyValue::Kind::Scalar);
  bool python = scalars && lhs->isPython && rhs->isPython;
  if (op == "**") {
    // int ** int: an int for a non-negative exponent, a float otherwise
    // (Python); NumPy integer arrays need non-negative exponents.
    DType common = commonType({lhs, rhs});
    if (!isFloat(common) && common != DType::Bool) {
      std::optional<int64_t> e = getConstInt(rhs);
      // (Python ints; NumPy's integer scalars raise as its arrays do)
      if (python && e && *e < 0) {
        ValueRef x = castScalar(lhs, DType::Float64, python),
                 y = castScalar(rhs, DType::Float64, python);
        ValueRef r = applyUfunc("power", {x, y});
        if (python)
          checkFloatPower(x->value, y->value, r->value);
        return r;
      }
      // (NumPy's integers: the power ufunc checks the exponents.)
      if (python && !e)
        emitAssert(arith::CmpIOp::create(
                       b, loc, arith::CmpIPredicate::sge,
                       convert(b, loc, rhs->value, rhs->dtype, DType::Int64),
                       arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0)),
                   "a Python int to a negative power known only at run time "
                   "(a float in Python, whose type dac fixes when compiling) "
                   "is not supported yet: make the base a float");
    }
    ValueRef r = applyUfunc("power", {lhs, rhs});
    if (python && isFloat(r->dtype))
      checkFloatPower(convert(b, loc, lhs->value, lhs->dtype, DType::Float64),
                      convert(b, loc, rhs->value, rhs->dtype, DType::Float64),
                      r->value);
    return python ? checkedInt("**", lhs, rhs, r) : r;
  }
  if (python && (op == "/" || op == "//" || op == "%")) {
    // Python raises ZeroDivisionError where NumPy would return inf/nan;
    // every rank evaluates the same scalar, so all stop together.
    Value zero = convert(b, loc, intConst(0)->value, DType::Int64, rhs->dtype);
    Value nonZero =
        rhs->dtype == DType::Bool ? rhs->value
        : isFloat(rhs->dtype)
            ? (Value)arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE,
                                           rhs->value, zero)
            : (Value)arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                           rhs->value, zero);
    // CPython's words, which name float operands.
    bool real = isFloat(lhs->dtype) || isFloat(rhs->dtype);
    const char *message =
        op == "/"    ? (real ? "ZeroDivisionError: float division by zero"
                             : "ZeroDivisionError: division by zero")
        : op == "//" ? (real ? "ZeroDivisionError: float floor division by "
                               "zero"
                             : "ZeroDivisionError: integer division or "
                               "modulo by zero")
                     : (real ? "ZeroDivisionError: float modulo"
                             : "ZeroDivisionError: integer modulo by zero");
    emitAssert(nonZero, message);
  }
  bool comparison = op == "<" || op == "<=" || op == ">" || op == ">=" ||
                    op == "==" || op == "!=";
  if (python && comparison) {
    // Python compares an int with a float exactly (2**53 + 1 != 2.0**53),
    // where converting the int to a float would round it.
    bool intLeft = lhs->dtype == DType::Int64 && rhs->dtype == DType::Float64;
    bool intRight = rhs->dtype == DType::Int64 && lhs->dtype == DType::Float64;
    if (intLeft || intRight)
      return exactCompare(op, intLeft ? lhs : rhs, intLeft ? rhs : lhs,
                          intRight);
  }
  StringRef ufunc = llvm::StringSwitch<StringRef>(op)
                        .Case("+", "add")
                        .Case("-", "subtract")
                        .Case("*", "multiply")
                        .Case("/", "true_divide")
                        .Case("//", "floor_divide")
                        .Case("%", "remainder")
                        .Case("<", "less")
                        .Case("<=", "less_equal")
                        .Case(">", "greater")
                        .Case(">=", "greater_equal")
                        .Case("==", "equal")
                        .Case("!=", "not_equal")
                        .Case("&", "bitwise_and")
                        .Case("|", "bitwise_or")
                        .Case("^", "bitwise_xor")
                        .Case("<<", "left_shift")
                        .Case(">>", "right_shift")
                        .Default("");
  if (ufunc.empty())
    compileError("operator '" + op + "' is not supported");
  // Python's int / int: the exact quotient rounded once (operands beyond
  // 2^53 would be rounded first as doubles).
  if (python && op == "/" && !isFloat(lhs->dtype) && !isFloat(rhs->dtype)) {
    Value a = convert(b, loc, lhs->value, lhs->dtype, DType::Int64),
          d = convert(b, loc, rhs->value, rhs->dtype, DType::Int64);
    std::optional<int64_t> x = getConstantIntValue(a),
                           y = getConstantIntValue(d);
    if (x && y && *y != 0)
      return floatConst(rt::pythonTrueDivide(*x, *y));
    // (a zero divisor stopped every rank above)
    Value safe = arith::SelectOp::create(
        b, loc,
        arith::CmpIOp::create(
            b, loc, arith::CmpIPredicate::eq, d,
            arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0)),
        arith::ConstantIntOp::create(b, loc, b.getI64Type(), 1), d);
    Value q = createRuntimeCall(
        b, loc, module, RuntimeFunction::dac_rt_int_true_divide, {a, safe});
    return PyValue::scalar(q, DType::Float64, true);
  }
  // Python bools in arithmetic are ints (True + True == 2).
  if (python &&
      (op == "+" || op == "-" || op == "*" || op == "//" || op == "%")) {
    ValueRef l =
        lhs->dtype == DType::Bool ? castScalar(lhs, DType::Int64, true) : lhs;
    ValueRef r =
        rhs->dtype == DType::Bool ? castScalar(rhs, DType::Int64, true) : rhs;
    return checkedInt(op, l, r, applyUfunc(ufunc, {l, r}));
  }
  return python ? checkedInt(op, lhs, rhs, applyUfunc(ufunc, {lhs, rhs}))
                : applyUfunc(ufunc, {lhs, rhs});
}

ValueRef Emitter::unaryOp(StringRef op, const ValueRef &operand) {
  bool python = operand->is(PyValue::Kind::Scalar) && operand->isPython;
  if (op == "not") {
    if (operand->is(PyValue::Kind::Array))
      compileError("the truth value of an array is ambiguous; use "
                   "np.logical_not(a)");
    Value t = truth(operand);
    return applyUfunc("logical_not", {PyValue::scalar(t, DType::Bool, true)});
  }
  if (op == "-") {
    if (python && operand->dtype == DType::Bool)
      return applyUfunc("negative", {castScalar(operand, DType::Int64, true)});
    if (python)
      return checkedInt("neg", operand, nullptr,
                        applyUfunc("negative", {operand}));
    // (booleans: NumPy's TypeError, from the ufunc)
    return applyUfunc("negative", {operand});
  }
  // Python's bools are ints for arithmetic: +True is 1.
  if (op == "+")
    return applyUfunc("positive", {python && operand->dtype == DType::Bool
                                       ? castScalar(operand, DType::Int64, true)
                                       : operand});
  if (op == "~") {
    if (python && operand->dtype == DType::Bool)
      return applyUfunc("invert", {castScalar(operand, DType::Int64, true)});
    return applyUfunc("invert", {operand});
  }
  compileError("unary operator '" + op + "' is not supported");
}

ValueRef Emitter::where(const ValueRef &cond, const ValueRef &x,
                        const ValueRef &y) {
  DType type = commonType({x, y});
  ValueRef c = cond->is(PyValue::Kind::Array)
                   ? castArray(cond, DType::Bool)
                   : castScalar(cond, DType::Bool, cond->isPython);
  // Convert both branches first; the select then works in one type.
  auto prepare = [&](const ValueRef &v) {
    return v->is(PyValue::Kind::Array) ? castArray(v, type)
                                       : castScalar(v, type, v->isPython);
  };
  ValueRef xv = prepare(x), yv = prepare(y);
  return elementwise(
      {c, xv, yv}, type, type,
      [&](OpBuilder &b, Location loc, ArrayRef<Value> e) {
        // e[0] was converted to `type`; recover the bool.
        Value cb = convert(b, loc, e[0], type, DType::Bool);
        return arith::SelectOp::create(b, loc, cb, e[1], e[2]).getResult();
      });
}

ValueRef Emitter::argExtreme(const ValueRef &array, bool max,
                             std::optional<int64_t> axis) {
  // Two passes, both fused: the extreme value (NaN propagates), then the
  // smallest C-order position holding it (or a NaN, if it is NaN); along
  // an axis, per line along it.
  if (array->shape.empty())
    return intConst(0);
  LayoutAttr layout = effectiveLayout(array);
  ValueRef none = intConst(std::numeric_limits<int64_t>::max());
  // NumPy's own words, not those of the max/min reduction below.
  auto requireElements = [&](Value count) {
    std::string what = std::string("ValueError: attempt to get ") +
                       (max ? "argmax" : "argmin") + " of an empty sequence";
    count = fold(count);
    std::optional<int64_t> known = getConstantIntValue(count);
    if (known == 0)
      compileError(what);
    if (!known)
      emitAssert(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, count,
                                       index(0)),
                 what, {});
  };
  if (axis) {
    requireElements(array->shape[*axis]);
    size_t rank = array->shape.size();
    ValueRef extreme = expandDims(
        reduce(max ? "max" : "min", array, 0, {{*axis}}), {*axis}, rank);
    ValueRef hit = binaryOp("==", array, extreme);
    if (isFloat(array->dtype))
      hit = applyUfunc(
          "logical_or",
          {hit, applyUfunc("logical_and", {applyUfunc("isnan", {array}),
                                           applyUfunc("isnan", {extreme})})});
    ValueRef position = indexArray(array->shape, *axis, DType::Int64, layout);
    return reduce("min", where(hit, position, none), 0, {{*axis}});
  }
  requireElements(numElements(array->shape));
  ValueRef extreme = reduceAll(max ? "max" : "min", array, 0);
  ValueRef position;
  for (size_t d = 0; d < array->shape.size(); ++d) {
    ValueRef index = indexArray(array->shape, d, DType::Int64, layout);
    if (!position) {
      position = index;
      continue;
    }
    Value extent =
        arith::IndexCastOp::create(b, loc, b.getI64Type(), array->shape[d]);
    position = binaryOp(
        "+",
        binaryOp("*", position, PyValue::scalar(extent, DType::Int64, true)),
        index);
  }
  ValueRef hit = binaryOp("==", array, extreme);
  if (isFloat(array->dtype)) {
    ValueRef bothNan =
        applyUfunc("logical_and", {applyUfunc("isnan", {array}),
                                   applyUfunc("isnan", {extreme})});
    hit = applyUfunc("logical_or", {hit, bothNan});
  }
  ValueRef first = reduceAll("min", where(hit, position, none), 0);
  first->isPython = false;
  return first;
}
