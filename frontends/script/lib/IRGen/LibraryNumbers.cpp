//===- LibraryNumbers.cpp - Numbers from text, rounding -------------------===//
//
// Python's float()/int() of strings known when compiling, Python's round()
// and NumPy's rounding to decimals.
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"

#include "dac/Compiler/RuntimeCalls.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
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

/// Python's int(str, base): digits of `base` (2 to 36, or 0 for a prefix
/// as in literals: 0b, 0o, 0x or decimal), single underscores between
/// digits (and after a prefix), a sign, surrounding spaces.
int64_t dac::script::parseIntText(const std::string &text, int64_t base) {
  if (base != 0 && (base < 2 || base > 36))
    compileError("ValueError: int() base must be >= 2 and <= 36, or 0");
  auto invalid = [&] {
    compileError("ValueError: invalid literal for int() with base " +
                 llvm::Twine(base) + ": '" + text + "'");
  };
  llvm::StringRef t = llvm::StringRef(text).trim(" \t\n\r\f\v");
  bool negative = t.consume_front("-");
  if (!negative)
    t.consume_front("+");
  // A prefix: required by base 0 for non-decimals, allowed by its base.
  int64_t used = base;
  for (auto [prefix, b] : {std::pair{"0b", 2}, {"0o", 8}, {"0x", 16}})
    if (t.size() > 2 && t.take_front(2).equals_insensitive(prefix) &&
        (base == 0 || base == b)) {
      t = t.drop_front(2);
      t.consume_front("_");
      used = b;
    }
  if (used == 0) {
    // Decimal; Python refuses leading zeros there (except for zero).
    used = 10;
    if (t.size() > 1 && t.front() == '0' &&
        t.find_first_not_of("0_") != llvm::StringRef::npos)
      invalid();
  }
  if (t.empty() || t.front() == '_' || t.back() == '_' || t.contains("__"))
    invalid();
  unsigned __int128 value = 0;
  for (char c : t) {
    if (c == '_')
      continue;
    int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : std::isalpha(static_cast<unsigned char>(c))
                    ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                    : 99;
    if (digit >= used)
      invalid();
    value = value * used + digit;
    if (value > (static_cast<unsigned __int128>(1) << 64))
      break;
  }
  unsigned __int128 limit =
      (static_cast<unsigned __int128>(1) << 63) - (negative ? 0 : 1);
  if (value > limit)
    compileError("OverflowError: int('" + text +
                 "') does not fit in 64 bits (dac's Python ints are int64)");
  return negative ? static_cast<int64_t>(-static_cast<__int128>(value))
                  : static_cast<int64_t>(value);
}

/// 0, 1 and -1 to a non-negative power (any exponent, without a loop).
static llvm::APInt literalIntPowerOfUnit(const llvm::APInt &base,
                                         const llvm::APInt &exponent) {
  if (exponent.isZero())
    return llvm::APInt(base.getBitWidth(), 1);
  if (base.isAllOnes() && !exponent[0])
    return llvm::APInt(base.getBitWidth(), 1);
  return base;
}

/// The exact value of an int expression made of literals only (`2**63 - 1`,
/// `-2**63`), whose intermediate values may leave int64 as Python's ints
/// do; none if it has other parts or leaves 256 bits, or if Python would
/// raise (division by zero, negative shifts and exponents): the ordinary
/// lowering then decides.
static std::optional<llvm::APInt> literalInt(const Expr &expr) {
  constexpr unsigned kBits = 256;
  if (const auto *lit = dyn_cast<IntLiteralExpr>(&expr)) {
    if (!lit->isBig())
      return llvm::APInt(kBits, lit->getValue(), /*isSigned=*/true);
    // Non-negative, and one bit short of the width for the sign.
    if (llvm::APInt::getSufficientBitsNeeded(lit->getBigDigits(),
                                             lit->getBase()) >= kBits)
      return std::nullopt;
    return llvm::APInt(kBits, lit->getBigDigits(), lit->getBase());
  }
  bool overflow = false;
  if (const auto *un = dyn_cast<UnaryOpExpr>(&expr)) {
    std::optional<llvm::APInt> x = literalInt(un->getOperand());
    if (!x)
      return std::nullopt;
    switch (un->getOp()) {
    case UnaryOpKind::UAdd:
      return x;
    case UnaryOpKind::USub:
      return llvm::APInt(kBits, 0).ssub_ov(*x, overflow);
    case UnaryOpKind::Invert:
      return ~*x;
    case UnaryOpKind::Not:
      return std::nullopt;
    }
  }
  const auto *bin = dyn_cast<BinaryOpExpr>(&expr);
  if (!bin)
    return std::nullopt;
  std::optional<llvm::APInt> x = literalInt(bin->getLHS());
  std::optional<llvm::APInt> y = x ? literalInt(bin->getRHS()) : std::nullopt;
  if (!y)
    return std::nullopt;
  llvm::APInt r(kBits, 0);
  switch (bin->getOp()) {
  case BinaryOpKind::Add:
    r = x->sadd_ov(*y, overflow);
    break;
  case BinaryOpKind::Sub:
    r = x->ssub_ov(*y, overflow);
    break;
  case BinaryOpKind::Mult:
    r = x->smul_ov(*y, overflow);
    break;
  case BinaryOpKind::FloorDiv:
  case BinaryOpKind::Mod: {
    if (y->isZero())
      return std::nullopt;
    llvm::APInt q(kBits, 0), rem(kBits, 0);
    llvm::APInt::sdivrem(*x, *y, q, rem);
    // Python rounds toward minus infinity: the remainder takes the
    // divisor's sign.
    if (!rem.isZero() && rem.isNegative() != y->isNegative()) {
      q -= 1;
      rem += *y;
    }
    r = bin->getOp() == BinaryOpKind::FloorDiv ? q : rem;
    break;
  }
  case BinaryOpKind::Pow: {
    if (y->isNegative())
      return std::nullopt;
    if (x->isZero() || x->isOne() || x->isAllOnes())
      return literalIntPowerOfUnit(*x, *y);
    if (y->ugt(kBits))
      return std::nullopt;
    r = llvm::APInt(kBits, 1);
    for (uint64_t k = 0, e = y->getZExtValue(); k < e && !overflow; ++k)
      r = r.smul_ov(*x, overflow);
    break;
  }
  case BinaryOpKind::LShift:
    if (y->isNegative() || y->uge(kBits))
      return std::nullopt;
    r = x->sshl_ov(*y, overflow);
    break;
  case BinaryOpKind::RShift:
    if (y->isNegative())
      return std::nullopt;
    r = x->ashr(y->uge(kBits) ? kBits - 1 : y->getZExtValue());
    break;
  case BinaryOpKind::BitAnd:
    r = *x & *y;
    break;
  case BinaryOpKind::BitOr:
    r = *x | *y;
    break;
  case BinaryOpKind::BitXor:
    r = *x ^ *y;
    break;
  default:
    return std::nullopt;
  }
  if (overflow)
    return std::nullopt;
  return r;
}

std::optional<int64_t> dac::script::foldLiteralInt(const Expr &expr) {
  if (!isa<BinaryOpExpr, UnaryOpExpr>(expr))
    return std::nullopt;
  std::optional<llvm::APInt> v = literalInt(expr);
  if (!v || !v->isSignedIntN(64))
    return std::nullopt;
  return v->getSExtValue();
}

/// Python's round(number, ndigits): a float correctly rounded to decimals
/// (by the runtime), or to an int without ndigits (ties to even); NumPy's
/// floats as np.round rounds them.
ValueRef IRGen::roundBuiltin(const ValueRef &v, const ValueRef &digits) {
  if (!v->is(Kind::Scalar))
    compileError("round() expects a number");
  // round(True) is the int 1.
  if (v->isPython && v->dtype == DType::Bool)
    return roundBuiltin(em.castScalar(v, DType::Int64, true), digits);
  // NumPy's floats round as np.round does (scale, rint, unscale), not
  // as Python's correctly rounded round() (round(np.float64(2.675), 2)
  // is 2.68 there).
  if (digits && !digits->is(Kind::None) && !v->isPython && isFloat(v->dtype))
    return roundArray(v, digits);
  if (digits && !digits->is(Kind::None)) {
    if (!digits->is(Kind::Scalar) || isFloat(digits->dtype))
      compileError("'" + digits->describe() +
                   "' object cannot be interpreted as an integer");
    if (!isFloat(v->dtype))
      return roundInt(v, digits);
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

/// Python's round(int, ndigits): the int itself for ndigits >= 0, else the
/// nearest multiple of 10**-ndigits, a tie going to the even multiple, as
/// exact as Python's ints (an OverflowError where that leaves int64).
ValueRef IRGen::roundInt(const ValueRef &v, const ValueRef &digits) {
  std::optional<int64_t> x = Emitter::getConstInt(v),
                         n = Emitter::getConstInt(digits);
  if (n && *n >= 0)
    return v;
  if (x && n) {
    // 10**19 already exceeds every int64: the multiple is 0 or out of range.
    __int128 p = 1;
    for (int64_t k = 0; k < std::min<int64_t>(-*n, 20); ++k)
      p *= 10;
    __int128 q = *x / p, r = *x % p;
    if (r < 0)
      q -= 1, r += p;
    if (2 * r > p || (2 * r == p && (q & 1)))
      q += 1;
    __int128 result = q * p;
    if (result < std::numeric_limits<int64_t>::min() ||
        result > std::numeric_limits<int64_t>::max())
      compileError(kIntOverflow);
    return PyValue::scalar(em.intConst(static_cast<int64_t>(result))->value,
                           v->dtype, v->isPython);
  }
  // At run time in 128 bits, which hold every multiple of up to 10**20
  // that is near an int64.
  Type i64 = b.getI64Type(), i128 = b.getIntegerType(128);
  Location loc = em.loc;
  auto wide = [&](int64_t c) {
    return arith::ConstantIntOp::create(b, loc, i128, c).getResult();
  };
  Value value = em.convert(b, loc, v->value, v->dtype, DType::Int64);
  Value nd = em.convert(b, loc, digits->value, digits->dtype, DType::Int64);
  Value k = arith::SubIOp::create(
      b, loc, arith::ConstantIntOp::create(b, loc, i64, 0), nd);
  k = arith::MinSIOp::create(b, loc, k,
                             arith::ConstantIntOp::create(b, loc, i64, 20));
  auto powers = scf::ForOp::create(
      b, loc, arith::ConstantIntOp::create(b, loc, i64, 0), k,
      arith::ConstantIntOp::create(b, loc, i64, 1), ValueRange{wide(1)},
      [&](OpBuilder &nb, Location l, Value, ValueRange acc) {
        Value next = arith::MulIOp::create(nb, l, acc[0], wide(10));
        scf::YieldOp::create(nb, l, next);
      });
  Value p = powers.getResult(0);
  auto cmp = [&](arith::CmpIPredicate pred, Value l, Value rr) {
    return arith::CmpIOp::create(b, loc, pred, l, rr).getResult();
  };
  // Floor division by hand: arith.floordivsi's expansion gets 128-bit
  // constants wrong (its -1 comes out as 2**64 - 1).
  Value xw = arith::ExtSIOp::create(b, loc, i128, value);
  Value q = arith::DivSIOp::create(b, loc, xw, p);
  Value r = arith::RemSIOp::create(b, loc, xw, p);
  Value below = cmp(arith::CmpIPredicate::slt, r, wide(0));
  q = arith::SubIOp::create(b, loc, q,
                            arith::ExtUIOp::create(b, loc, i128, below));
  r = arith::SelectOp::create(b, loc, below,
                              arith::AddIOp::create(b, loc, r, p), r);
  Value twice = arith::AddIOp::create(b, loc, r, r);
  Value odd = cmp(arith::CmpIPredicate::ne,
                  arith::AndIOp::create(b, loc, q, wide(1)), wide(0));
  Value up = arith::OrIOp::create(
      b, loc, cmp(arith::CmpIPredicate::sgt, twice, p),
      arith::AndIOp::create(b, loc, cmp(arith::CmpIPredicate::eq, twice, p),
                            odd));
  q = arith::AddIOp::create(b, loc, q,
                            arith::ExtUIOp::create(b, loc, i128, up));
  Value result = arith::MulIOp::create(b, loc, q, p);
  Value narrow = arith::TruncIOp::create(b, loc, i64, result);
  em.require(cmp(arith::CmpIPredicate::eq,
                 arith::ExtSIOp::create(b, loc, i128, narrow), result),
             kIntOverflow);
  Value keep = cmp(arith::CmpIPredicate::sge, nd,
                   arith::ConstantIntOp::create(b, loc, i64, 0));
  Value r64 = arith::SelectOp::create(b, loc, keep, value, narrow);
  return PyValue::scalar(em.convert(b, loc, r64, DType::Int64, v->dtype),
                         v->dtype, v->isPython);
}

/// NumPy's power_of_ten (multiarray/calculation.c): products of 10 from
/// 1e9 up, not the correctly rounded 10**n (1e23 comes out one unit
/// larger), so that np.round's scale is NumPy's bit for bit.
static double numpyPowerOfTen(int64_t n) {
  static const double small[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  if (n < 9)
    return small[n];
  double result = 1e9;
  // Past 10**309 the product is infinite; stop there.
  for (int64_t k = 9; k < std::min<int64_t>(n, 400); ++k)
    result *= 10.0;
  return result;
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
  // NumPy takes decimals as a C int.
  if (d > std::numeric_limits<int32_t>::max())
    compileError("OverflowError: signed integer is greater than maximum");
  if (d < std::numeric_limits<int32_t>::min())
    compileError("OverflowError: signed integer is less than minimum");
  bool integer = !isFloat(a->dtype);
  if (integer && d >= 0)
    return a->is(Kind::Array) ? PyValue::array(a->value, a->dtype, a->shape)
                              : a;
  ValueRef x = integer ? (a->is(Kind::Array)
                              ? em.castArray(a, DType::Float64)
                              : em.castScalar(a, DType::Float64, a->isPython))
                       : a;
  // NumPy scales into an array of the input's dtype, computing in the type
  // of the input and the Python float scale: float32 unless the scale
  // leaves float32's range (value-based casting), then float64.
  double f = numpyPowerOfTen(std::abs(d));
  DType work =
      x->dtype == DType::Float32 && f > std::numeric_limits<float>::max()
          ? DType::Float64
          : x->dtype;
  ValueRef scale = PyValue::scalar(
      em.convert(b, em.loc, em.floatConst(f)->value, DType::Float64, work),
      work, false);
  auto step = [&](const char *op, const ValueRef &in) {
    ValueRef wideIn = in;
    if (work != in->dtype)
      wideIn = in->is(Kind::Array) ? em.castArray(in, work)
                                   : em.castScalar(in, work, false);
    ValueRef out = em.applyUfunc(op, {wideIn, scale});
    if (work == x->dtype)
      return out;
    return out->is(Kind::Array) ? em.castArray(out, x->dtype)
                                : em.castScalar(out, x->dtype, false);
  };
  ValueRef r;
  if (d == 0)
    r = em.applyUfunc("rint", {x});
  else if (d > 0)
    r = step("true_divide", em.applyUfunc("rint", {step("multiply", x)}));
  else
    r = step("multiply", em.applyUfunc("rint", {step("true_divide", x)}));
  if (integer)
    r = r->is(Kind::Array) ? em.castArray(r, a->dtype)
                           : em.castScalar(r, a->dtype, false);
  return r;
}
