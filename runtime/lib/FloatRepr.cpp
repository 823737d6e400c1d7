//===- FloatRepr.cpp - Python's and NumPy's float text --------------------===//
//
// std::to_chars finds the shortest round-trip digits (as Python's repr and
// NumPy's Dragon4 do); the notation is then chosen and laid out by hand.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/FloatRepr.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

using namespace dac::rt;

namespace {

/// A finite value as sign, significant digits d1 d2 ... dn and exponent E:
/// |value| = d1.d2...dn * 10^E.
struct Decimal {
  bool Negative = false;
  std::string Digits;
  int Exponent = 0;
};

template <typename T> Decimal shortestDecimal(T value) {
  // Shortest scientific form, e.g. "-1.2345e-05" or "0e+00".
  char text[64];
  char *end = std::to_chars(text, text + sizeof(text), value,
                            std::chars_format::scientific)
                  .ptr;
  Decimal decimal;
  const char *pos = text;
  if (*pos == '-') {
    decimal.Negative = true;
    ++pos;
  }
  for (; pos != end && *pos != 'e'; ++pos)
    if (*pos != '.')
      decimal.Digits += *pos;
  // from_chars does not accept a leading '+'.
  if (pos != end && *++pos == '+')
    ++pos;
  std::from_chars(pos, end, decimal.Exponent);
  return decimal;
}

/// Python's layout of \p decimal: `d.ddde-XX` (at least two exponent
/// digits, no fraction when there is one digit) or positional with at least
/// one digit on each side of the point.
std::string layOut(const Decimal &decimal, bool scientific) {
  const std::string &digits = decimal.Digits;
  int exponent = decimal.Exponent;
  std::string text = decimal.Negative ? "-" : "";
  if (scientific) {
    text += digits[0];
    if (digits.size() > 1)
      text += "." + digits.substr(1);
    text += exponent < 0 ? "e-" : "e+";
    int magnitude = std::abs(exponent);
    if (magnitude < 10)
      text += '0';
    return text + std::to_string(magnitude);
  }
  if (exponent < 0)
    return text + "0." + std::string(-exponent - 1, '0') + digits;
  size_t integerDigits = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= integerDigits)
    return text + digits + std::string(integerDigits - digits.size(), '0') +
           ".0";
  return text + digits.substr(0, integerDigits) + "." +
         digits.substr(integerDigits);
}

/// The text of a NaN or an infinity, in which Python and NumPy agree.
std::string nonFinite(double value) {
  if (std::isnan(value))
    return "nan";
  return value < 0 ? "-inf" : "inf";
}

} // namespace

std::string dac::rt::formatPythonFloat(double value) {
  if (!std::isfinite(value))
    return nonFinite(value);
  Decimal decimal = shortestDecimal(value);
  // Python's float_repr_style 'short' rule, on the decimal exponent.
  return layOut(decimal, decimal.Exponent < -4 || decimal.Exponent >= 16);
}

std::string dac::rt::formatNumpyFloat32(float value) {
  if (!std::isfinite(value))
    return nonFinite(value);
  // NumPy compares the value itself (widened to double) with the bounds,
  // not its shortest digits, which is why np.float32(1e-4) prints 1e-04.
  double magnitude = std::fabs(static_cast<double>(value));
  bool positional = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16);
  return layOut(shortestDecimal(value), !positional);
}
