//===- LibraryNumbers.cpp - Numbers from text, rounding -------------------===//
//
// Python's float()/int() of strings known when compiling, Python's round()
// and NumPy's rounding to decimals.
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"

#include "dac/Compiler/RuntimeCalls.h"

#include "mlir/Dialect/Math/IR/Math.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <regex>

using namespace mlir;
using namespace dac;
using namespace dac::script;

using Kind = PyValue::Kind;

/// Python's float(str): a decimal literal (digits may be grouped by single
/// underscores), or inf/infinity/nan, with a sign and surrounding spaces.
double dac::script::parseFloatText(const std::string &text) {
  static const std::regex number(
      R"(^[+-]?((\d(_?\d)*)?\.\d(_?\d)*|\d(_?\d)*\.?)([eE][+-]?\d(_?\d)*)?$)");
  static const std::regex special("^[+-]?(inf|infinity|nan)$",
                                  std::regex::icase);
  std::string t = llvm::StringRef(text).trim(" \t\n\r\f\v").str();
  if (!std::regex_match(t, number) && !std::regex_match(t, special))
    compileError("ValueError: could not convert string to float: '" + text +
                 "'");
  llvm::erase(t, '_');
  // strtod reads inf/nan and decimals exactly as Python does (correctly
  // rounded, overflow to inf, underflow to 0).
  return std::strtod(t.c_str(), nullptr);
}

/// Python's int(str) in base 10.
int64_t dac::script::parseIntText(const std::string &text) {
  static const std::regex digits(R"(^[+-]?\d(_?\d)*$)");
  std::string t = llvm::StringRef(text).trim(" \t\n\r\f\v").str();
  if (!std::regex_match(t, digits))
    compileError("ValueError: invalid literal for int() with base 10: '" +
                 text + "'");
  llvm::erase(t, '_');
  errno = 0;
  long long value = std::strtoll(t.c_str(), nullptr, 10);
  if (errno == ERANGE)
    compileError("OverflowError: int('" + text +
                 "') does not fit in 64 bits (dac's Python ints are int64)");
  return value;
}

/// Python's round(number, ndigits): a float correctly rounded to decimals
/// (by the runtime), or to an int without ndigits (ties to even); NumPy's
/// floats as np.round rounds them.
ValueRef IRGen::roundBuiltin(const ValueRef &v, const ValueRef &digits) {
  if (!v->is(Kind::Scalar))
    compileError("round() expects a number");
  // NumPy's floats round as np.round does (scale, rint, unscale), not
  // as Python's correctly rounded round() (round(np.float64(2.675), 2)
  // is 2.68 there).
  if (digits && !digits->is(Kind::None) && !v->isPython && isFloat(v->dtype))
    return roundArray(v, digits);
  if (digits && !digits->is(Kind::None)) {
    if (!digits->is(Kind::Scalar) || isFloat(digits->dtype))
      compileError("'" + digits->describe() +
                   "' object cannot be interpreted as an integer");
    if (!isFloat(v->dtype)) {
      // An int stays itself for ndigits >= 0.
      std::optional<int64_t> n = Emitter::getConstInt(digits);
      if (!n || *n < 0)
        compileError("round() of an int with negative ndigits (or ones "
                     "known only at run time) is not supported yet");
      return v;
    }
    // Correct decimal rounding, as CPython does, by the runtime.
    Value x = em.convert(b, em.loc, v->value, v->dtype, DType::Float64);
    Value r = createRuntimeCall(
        b, em.loc, em.module, RuntimeFunction::dac_rt_round_f64,
        {x, em.convert(b, em.loc, digits->value, digits->dtype, DType::Int64)});
    return PyValue::scalar(r, DType::Float64, v->isPython);
  }
  if (!isFloat(v->dtype))
    return v;
  Value r = math::RoundEvenOp::create(b, em.loc, v->value);
  return em.checkedFloatToInt(PyValue::scalar(r, v->dtype, true));
}

/// np.round(a, decimals): NumPy's rint(a * 10**d) / 10**d (for d < 0,
/// rint(a / 10**-d) * 10**-d); integers with d >= 0 unchanged.
ValueRef IRGen::roundArray(const ValueRef &a, const ValueRef &decimalsArg) {
  if (!a->is(Kind::Array) && !a->is(Kind::Scalar))
    compileError("np.round expects a number or an array");
  int64_t d = 0;
  if (decimalsArg && !decimalsArg->is(Kind::None)) {
    std::optional<int64_t> known = Emitter::getConstInt(decimalsArg);
    if (!known)
      compileError("np.round's decimals must be an int known when compiling");
    d = *known;
  }
  if (d > 308 || d < -308)
    compileError("np.round with |decimals| > 308 is not supported yet");
  bool integer = !isFloat(a->dtype);
  if (integer && d >= 0)
    return a->is(Kind::Array) ? PyValue::array(a->value, a->dtype, a->shape)
                              : a;
  ValueRef x = integer ? (a->is(Kind::Array)
                              ? em.castArray(a, DType::Float64)
                              : em.castScalar(a, DType::Float64, a->isPython))
                       : a;
  ValueRef scale = PyValue::scalar(
      em.convert(b, em.loc, em.floatConst(std::pow(10.0, std::abs(d)))->value,
                 DType::Float64, x->dtype),
      x->dtype, false);
  ValueRef r;
  if (d == 0)
    r = em.applyUfunc("rint", {x});
  else if (d > 0)
    r = em.applyUfunc(
        "true_divide",
        {em.applyUfunc("rint", {em.applyUfunc("multiply", {x, scale})}),
         scale});
  else
    r = em.applyUfunc(
        "multiply",
        {em.applyUfunc("rint", {em.applyUfunc("true_divide", {x, scale})}),
         scale});
  if (integer)
    r = r->is(Kind::Array) ? em.castArray(r, a->dtype)
                           : em.castScalar(r, a->dtype, false);
  return r;
}
