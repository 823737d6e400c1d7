//===- Round.cpp - Python's round(x, ndigits) -----------------------------===//
//
// CPython rounds a float to `ndigits` decimals correctly: the exact binary
// value rounded half-even to that many digits, then read back. glibc's
// printf rounds the exact value the same way, and strtod reads back the
// nearest double, so the two steps reproduce it.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "dac/Runtime/RuntimeABI.h"
#include "dac/Runtime/TrueDivide.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

extern "C" double dac_rt_round_f64(double value, int64_t ndigits) {
  return dac::rt::detail::guard("dac_rt_round_f64", [&] {
    if (!std::isfinite(value) || ndigits > 400)
      return value;
    if (ndigits < 0)
      dac::rt::fatal("round() with negative ndigits is not supported");
    std::vector<char> text(static_cast<size_t>(ndigits) + 400);
    std::snprintf(text.data(), text.size(), "%.*f", static_cast<int>(ndigits),
                  value);
    double rounded = std::strtod(text.data(), nullptr);
    // Python keeps the sign of zero: round(-0.4) -> -0.0.
    return std::copysign(rounded, value);
  });
}

extern "C" double dac_rt_int_true_divide(int64_t a, int64_t b) {
  return dac::rt::pythonTrueDivide(a, b);
}
