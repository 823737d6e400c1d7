//===- TrueDivide.h - Python's int / int, correctly rounded ---------------===//
//
// Python divides two ints exactly and rounds the quotient once to the
// nearest double (ties to even). Converting both to doubles first rounds
// operands beyond 2^53 and then the quotient again. One rule, used by the
// compiler to fold constants and by the runtime (dac_rt_int_true_divide)
// for values known only when running.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_TRUEDIVIDE_H
#define DAC_RUNTIME_TRUEDIVIDE_H

#include <cmath>
#include <cstdint>

namespace dac::rt {

/// a / b as Python computes it for ints (b != 0).
inline double pythonTrueDivide(int64_t a, int64_t b) {
  constexpr uint64_t kExact = uint64_t(1) << 53;
  uint64_t ua = a < 0 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
  uint64_t ub = b < 0 ? 0 - static_cast<uint64_t>(b) : static_cast<uint64_t>(b);
  // Both exact as doubles: one rounding, the division's (signed zeros too).
  if (ua <= kExact && ub <= kExact)
    return static_cast<double>(a) / static_cast<double>(b);
  bool negative = (a < 0) != (b < 0);
  // A quotient of at least 55 bits (53 kept, a guard bit, and bit 0 made
  // sticky when the division is inexact) converts to the double nearest
  // the exact quotient.
  int bitsA = 64 - __builtin_clzll(ua), bitsB = 64 - __builtin_clzll(ub);
  int shift = bitsA - bitsB >= 55 ? 0 : 55 + bitsB - bitsA;
  unsigned __int128 numerator = static_cast<unsigned __int128>(ua) << shift;
  unsigned __int128 quotient = numerator / ub;
  if (numerator % ub != 0)
    quotient |= 1;
  double result = std::ldexp(static_cast<double>(quotient), -shift);
  return negative ? -result : result;
}

} // namespace dac::rt

#endif // DAC_RUNTIME_TRUEDIVIDE_H
