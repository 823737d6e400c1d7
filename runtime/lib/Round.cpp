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
#include <string>
#include <vector>

namespace {

/// x >= 0 rounded to a multiple of 10^k (k >= 1), ties to even, exactly:
/// from x's exact decimal digits (glibc prints doubles exactly), as
/// CPython rounds them.
double roundToPowerOfTen(double x, int64_t k) {
  if (k > 400)
    return 0.0;
  std::vector<char> text(1200);
  std::snprintf(text.data(), text.size(), "%.1100f", x);
  std::string digits(text.data());
  size_t point = digits.find('.');
  std::string whole = digits.substr(0, point);
  std::string rest = digits.substr(point + 1);
  size_t keep = whole.size() > static_cast<size_t>(k)
                    ? whole.size() - static_cast<size_t>(k)
                    : 0;
  std::string head = whole.substr(0, keep);
  // The dropped digits, padded to k digits, then the fraction.
  std::string dropped =
      std::string(static_cast<size_t>(k) - (whole.size() - keep), '0') +
      whole.substr(keep) + rest;
  bool up;
  if (dropped[0] != '5') {
    up = dropped[0] > '5';
  } else {
    bool above = dropped.find_first_not_of('0', 1) != std::string::npos;
    bool odd = !head.empty() && (head.back() - '0') % 2 == 1;
    up = above || odd;
  }
  if (head.empty())
    head = "0";
  if (up) {
    size_t i = head.size();
    while (i > 0 && head[i - 1] == '9')
      head[--i] = '0';
    if (i == 0)
      head.insert(head.begin(), '1');
    else
      ++head[i - 1];
  }
  std::string result = head + std::string(static_cast<size_t>(k), '0');
  return std::strtod(result.c_str(), nullptr);
}

} // namespace

extern "C" double dac_rt_round_f64(double value, int64_t ndigits) {
  return dac::rt::detail::guard("dac_rt_round_f64", [&] {
    if (!std::isfinite(value) || ndigits > 400)
      return value;
    if (ndigits < 0)
      return std::copysign(roundToPowerOfTen(std::fabs(value), -ndigits),
                           value);
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
