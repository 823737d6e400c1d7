//===- Sampling.cpp - Generator methods drawn by the runtime's sampler ----===//
//
// Generator.integers, standard_normal, normal and random(dtype=float32):
// their elements do not take one 64-bit draw each, so they are dist.sample
// ops (runtime/lib/Sample.cpp walks the stream) that return the stream's
// position after them. Argument checks and messages are NumPy's.
//
//===----------------------------------------------------------------------===//

#include "dac/Builder/Emitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;
using namespace dac::builder;

using Kind = PyValue::Kind;

ValueRef Emitter::sample(GeneratorState &gen, Sampling distribution,
                         DType dtype, ValueRange params,
                         std::vector<Value> shape, bool scalarResult,
                         LayoutAttr layout) {
  checkNotInRuntimeBranch("drawing random numbers");
  checkSize(shape, dtype);
  // A legacy stream's seed is the last parameter (see dist.sample).
  SmallVector<Value> all(params);
  if (gen.legacy)
    all.push_back(gen.seed());
  auto op =
      SampleOp::create(b, loc, arrayType(shape, dtype, layout), b.getI64Type(),
                       b.getI64Type(), distribution, gen.rng, gen.offset(),
                       gen.pending(), all, Emitter::dynamicSizes(shape));
  gen.offset() = op.getNextOffset();
  gen.pending() = op.getNextPending();
  ValueRef result = PyValue::array(op.getResult(), dtype, shape);
  return scalarResult ? item(result) : result;
}

ValueRef Emitter::integers(GeneratorState &gen, ValueRef low, ValueRef high,
                           bool endpoint, DType dtype, std::vector<Value> shape,
                           bool scalarResult, LayoutAttr layout) {
  std::string what = gen.legacy ? "np.random.randint" : "Generator.integers";
  if (dtype != DType::Int64 && (gen.legacy || dtype != DType::Int32))
    compileError(what + " with dtype " + getDTypeName(dtype) +
                 " is not supported yet (" +
                 (gen.legacy ? "int64 is" : "int64 and int32 are") + ")");
  if (!high || high->is(Kind::None)) {
    high = low;
    low = intConst(0);
  }
  for (const ValueRef &bound : {low, high})
    if (!bound->is(Kind::Scalar) || !isInteger(bound->dtype))
      compileError(what + " with bounds other than integer numbers is not "
                          "supported yet");
  // NumPy draws from the closed interval [low, high - !endpoint].
  auto i64 = [&](int64_t v) -> Value {
    return arith::ConstantIntOp::create(b, loc, b.getI64Type(), v);
  };
  Value lo = toI64(low, "low"), hi = toI64(high, "high");
  if (!endpoint)
    hi = fold(arith::SubIOp::create(b, loc, hi, i64(1)));
  int64_t lb = dtype == DType::Int64 ? INT64_MIN : INT32_MIN;
  int64_t ub = dtype == DType::Int64 ? INT64_MAX : INT32_MAX;
  std::string type = std::string(getDTypeName(dtype));
  auto check = [&](Value ok, const std::string &message) {
    require(ok, "ValueError: " + message);
  };
  auto ones = [&]() -> Value {
    return arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
  };
  auto cmp = [&](arith::CmpIPredicate p, Value x, Value y) {
    return fold(arith::CmpIOp::create(b, loc, p, x, y));
  };
  using P = arith::CmpIPredicate;
  // high - 1 wraps only for high = INT64_MIN, which is below every low.
  check(cmp(P::sge, lo, i64(lb)), "low is out of bounds for " + type);
  check(cmp(P::sle, hi, i64(ub)), "high is out of bounds for " + type);
  // NumPy names "high" when low is 0 (the one-argument form).
  Value ordered = cmp(P::sle, lo, hi);
  Value lowIsZero = cmp(P::eq, lo, i64(0));
  check(fold(arith::OrIOp::create(
            b, loc, fold(arith::XOrIOp::create(b, loc, lowIsZero, ones())),
            ordered)),
        endpoint ? "high < 0" : "high <= 0");
  check(fold(arith::OrIOp::create(b, loc, lowIsZero, ordered)),
        endpoint ? "low > high" : "low >= high");
  Value range = fold(arith::SubIOp::create(b, loc, hi, lo));
  // RandomState.randint rejects by masking; Generator uses Lemire's method.
  ValueRef result =
      sample(gen, gen.legacy ? Sampling::LegacyIntegers : Sampling::Integers,
             dtype, {lo, range}, std::move(shape), scalarResult, layout);
  // randint(dtype=int) gives a Python int for one draw.
  result->isPython = gen.legacy && scalarResult;
  return result;
}

ValueRef Emitter::standardNormal(GeneratorState &gen, std::vector<Value> shape,
                                 bool scalarResult, LayoutAttr layout) {
  ValueRef z =
      sample(gen, gen.legacy ? Sampling::LegacyGauss : Sampling::StandardNormal,
             DType::Float64, {}, std::move(shape), scalarResult, layout);
  z->isPython = scalarResult; // one draw is a Python float
  return z;
}

ValueRef Emitter::normal(GeneratorState &gen, const ValueRef &loc,
                         const ValueRef &scale, std::vector<Value> shape,
                         bool scalarResult, LayoutAttr layout) {
  if (!loc->is(Kind::Scalar) || !scale->is(Kind::Scalar))
    compileError("normal() with array loc or scale is not supported yet");
  auto i64 = [&](int64_t v) -> Value {
    return arith::ConstantIntOp::create(b, this->loc, b.getI64Type(), v);
  };
  ValueRef mean = castScalar(loc, DType::Float64, true);
  ValueRef spread = castScalar(scale, DType::Float64, true);
  // CONS_NON_NEGATIVE: a set sign bit (-0.0 too) is an error unless NaN.
  Value s = spread->value;
  Location at = this->loc;
  Value bits = arith::BitcastOp::create(b, at, b.getI64Type(), s);
  Value positive =
      arith::CmpIOp::create(b, at, arith::CmpIPredicate::sge, bits, i64(0));
  Value nan = arith::CmpFOp::create(b, at, arith::CmpFPredicate::UNO, s, s);
  require(arith::OrIOp::create(b, at, positive, nan), "ValueError: scale < 0");
  ValueRef z = standardNormal(gen, std::move(shape), scalarResult, layout);
  // random_normal: loc + scale * z, in doubles.
  ValueRef r = binaryOp("+", mean, binaryOp("*", spread, z));
  r->isPython = scalarResult;
  return r;
}
