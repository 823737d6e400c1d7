//===- Dragon4.cpp - NumPy's Dragon4 float text ---------------------------===//
//
// The digit generator follows Steele & White's Dragon4 with Burger &
// Dybvig's refinements, as NumPy implements it: the value and the half-gaps
// to its neighbours are exact big-integer ratios, digits are generated until
// the shortest unique prefix is reached (but at least up to the minimum and
// at most up to the cutoff), and the last digit is then rounded. The layout
// functions mirror NumPy's FormatPositional and FormatScientific.
//
//===----------------------------------------------------------------------===//

#include "Dragon4.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

using namespace dac::rt;
using namespace dac::rt::detail;

namespace {

/// An unsigned integer of any size: just what digit generation needs.
class BigInt {
public:
  explicit BigInt(uint64_t value = 0) {
    for (; value; value >>= 32)
      Blocks.push_back(static_cast<uint32_t>(value));
  }

  void shiftLeft(unsigned bits) {
    if (Blocks.empty() || bits == 0)
      return;
    unsigned blockShift = bits / 32, bitShift = bits % 32;
    if (bitShift) {
      uint32_t carry = 0;
      for (uint32_t &block : Blocks) {
        uint32_t next = block >> (32 - bitShift);
        block = (block << bitShift) | carry;
        carry = next;
      }
      if (carry)
        Blocks.push_back(carry);
    }
    Blocks.insert(Blocks.begin(), blockShift, 0);
  }

  void multiply(uint32_t factor) {
    uint64_t carry = 0;
    for (uint32_t &block : Blocks) {
      uint64_t product = uint64_t(block) * factor + carry;
      block = static_cast<uint32_t>(product);
      carry = product >> 32;
    }
    if (carry)
      Blocks.push_back(static_cast<uint32_t>(carry));
    trim();
  }

  void multiplyPow10(int power) {
    // 10^9 is the largest power of ten that fits a block.
    for (; power >= 9; power -= 9)
      multiply(1000000000);
    for (; power > 0; --power)
      multiply(10);
  }

  BigInt &operator+=(const BigInt &other) {
    Blocks.resize(std::max(Blocks.size(), other.Blocks.size()) + 1, 0);
    uint64_t carry = 0;
    for (size_t i = 0; i < Blocks.size(); ++i) {
      uint64_t sum = uint64_t(Blocks[i]) + carry +
                     (i < other.Blocks.size() ? other.Blocks[i] : 0);
      Blocks[i] = static_cast<uint32_t>(sum);
      carry = sum >> 32;
    }
    trim();
    return *this;
  }

  /// Subtracts \p other, which must not exceed this value.
  BigInt &operator-=(const BigInt &other) {
    int64_t borrow = 0;
    for (size_t i = 0; i < Blocks.size(); ++i) {
      int64_t difference = int64_t(Blocks[i]) - borrow -
                           (i < other.Blocks.size() ? other.Blocks[i] : 0);
      borrow = difference < 0;
      Blocks[i] = static_cast<uint32_t>(difference + (borrow << 32));
    }
    assert(borrow == 0 && "BigInt subtraction below zero");
    trim();
    return *this;
  }

  friend int compare(const BigInt &a, const BigInt &b) {
    if (a.Blocks.size() != b.Blocks.size())
      return a.Blocks.size() < b.Blocks.size() ? -1 : 1;
    for (size_t i = a.Blocks.size(); i-- > 0;)
      if (a.Blocks[i] != b.Blocks[i])
        return a.Blocks[i] < b.Blocks[i] ? -1 : 1;
    return 0;
  }

private:
  void trim() {
    while (!Blocks.empty() && Blocks.back() == 0)
      Blocks.pop_back();
  }

  /// Least significant block first, no zero blocks at the top.
  std::vector<uint32_t> Blocks;
};

/// Replaces \p value by value mod scale and returns value / scale, which
/// the caller knows to be a single digit.
unsigned extractDigit(BigInt &value, const BigInt &scale) {
  unsigned digit = 0;
  while (compare(value, scale) >= 0) {
    value -= scale;
    ++digit;
  }
  assert(digit < 10 && "Dragon4 digit out of range");
  return digit;
}

/// A finite binary float as Mantissa * 2^Exponent.
struct BinaryFloat {
  bool Negative = false;
  uint64_t Mantissa = 0;
  int Exponent = 0;
  /// At a power of two the gap to the next lower float is half the gap to
  /// the next higher one.
  bool UnequalMargins = false;
};

template <typename Bits>
BinaryFloat decompose(Bits bits, int fractionBits, int exponentBias) {
  BinaryFloat f;
  int totalBits = 8 * sizeof(Bits);
  f.Negative = (bits >> (totalBits - 1)) != 0;
  uint64_t fraction = bits & ((Bits(1) << fractionBits) - 1);
  int biased = static_cast<int>((bits >> fractionBits) &
                                ((1u << (totalBits - 1 - fractionBits)) - 1));
  if (biased != 0) {
    f.Mantissa = fraction | (uint64_t(1) << fractionBits);
    f.Exponent = biased - exponentBias - fractionBits;
    f.UnequalMargins = biased != 1 && fraction == 0;
  } else {
    f.Mantissa = fraction;
    f.Exponent = 1 - exponentBias - fractionBits;
  }
  return f;
}

BinaryFloat decompose(double value) {
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  return decompose(bits, 52, 1023);
}

BinaryFloat decompose(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  return decompose(bits, 23, 127);
}

/// Whether the digit cutoffs count digits after the point or all digits.
enum class CutoffMode { FractionLength, TotalLength };

/// Digits d1 d2 ... dn with |value| ~= d1.d2...dn * 10^Exponent.
struct Digits {
  std::string Text;
  int Exponent = 0;
};

/// NumPy's size of the repr buffer, which bounds the digits without cutoff.
constexpr int BufferSize = 16384;

/// Compares Value/Scale with 10^power.
int compareWithPow10(const BigInt &value, const BigInt &scale, int power) {
  BigInt left = value, right = scale;
  if (power >= 0)
    right.multiplyPow10(power);
  else
    left.multiplyPow10(-power);
  return compare(left, right);
}

/// NumPy's Dragon4() in unique mode: the shortest digits that identify
/// \p f among its neighbours, but at least up to \p cutoffMin and at most up
/// to \p cutoffMax digits (-1: no bound), the last one rounded.
Digits generateDigits(const BinaryFloat &f, CutoffMode mode, int cutoffMax,
                      int cutoffMin) {
  if (f.Mantissa == 0)
    return {"0", 0};
  // Exactly halfway to a neighbour still reads back as this value when the
  // mantissa is even (IEEE round-half-even), so the margins are inclusive.
  bool isEven = (f.Mantissa & 1) == 0;

  // value = Value / Scale; the margins, over Scale, are half the gaps to
  // the neighbouring floats. The common factor 2 (4 with unequal margins)
  // keeps the halves integral.
  unsigned factorBits = f.UnequalMargins ? 2 : 1;
  BigInt value(f.Mantissa), scale(1), marginLow(1);
  value.shiftLeft(factorBits);
  if (f.Exponent > 0) {
    value.shiftLeft(f.Exponent);
    scale.shiftLeft(factorBits);
    marginLow.shiftLeft(f.Exponent);
  } else {
    scale.shiftLeft(factorBits - f.Exponent);
  }
  BigInt marginHigh = marginLow;
  if (f.UnequalMargins)
    marginHigh.shiftLeft(1);

  // digitExponent: 10^(digitExponent-1) <= value < 10^digitExponent. The
  // logarithm may be off by one near powers of ten; the loops settle it.
  double approximate = std::ldexp(double(f.Mantissa), f.Exponent);
  int digitExponent = static_cast<int>(std::floor(std::log10(approximate))) + 1;
  while (compareWithPow10(value, scale, digitExponent) >= 0)
    ++digitExponent;
  while (compareWithPow10(value, scale, digitExponent - 1) < 0)
    --digitExponent;
  // NumPy starts no later than the last digit a fractional cutoff allows;
  // the leading digits are then zeros and the value rounds at the cutoff.
  if (mode == CutoffMode::FractionLength && cutoffMax >= 0)
    digitExponent = std::max(digitExponent, 1 - cutoffMax);

  // Scale so that the first digit is the integer part of Value / Scale.
  if (digitExponent > 1) {
    scale.multiplyPow10(digitExponent - 1);
  } else {
    value.multiplyPow10(1 - digitExponent);
    marginLow.multiplyPow10(1 - digitExponent);
    marginHigh.multiplyPow10(1 - digitExponent);
  }

  // The exponents of the last digit allowed and of the first digit at
  // which the shortest prefix may stop.
  int cutoffMaxExponent = digitExponent - BufferSize;
  if (cutoffMax >= 0)
    cutoffMaxExponent =
        std::max(cutoffMaxExponent, mode == CutoffMode::TotalLength
                                        ? digitExponent - cutoffMax
                                        : -cutoffMax);
  int cutoffMinExponent = digitExponent;
  if (cutoffMin >= 0)
    cutoffMinExponent =
        std::min(cutoffMinExponent, mode == CutoffMode::TotalLength
                                        ? digitExponent - cutoffMin
                                        : -cutoffMin);

  Digits result;
  result.Exponent = digitExponent - 1;
  unsigned digit;
  bool low, high;
  for (;;) {
    --digitExponent;
    digit = extractDigit(value, scale);
    BigInt valueHigh = value;
    valueHigh += marginHigh;
    // low: rounding down stays closer to this float than to the one below;
    // high: rounding up stays closer to it than to the one above.
    int lowOrder = compare(value, marginLow);
    int highOrder = compare(valueHigh, scale);
    low = isEven ? lowOrder <= 0 : lowOrder < 0;
    high = isEven ? highOrder >= 0 : highOrder > 0;
    if (((low || high) && digitExponent <= cutoffMinExponent) ||
        digitExponent == cutoffMaxExponent)
      break;
    result.Text += static_cast<char>('0' + digit);
    value.multiply(10);
    marginLow.multiply(10);
    marginHigh.multiply(10);
  }

  // Round the last digit towards the side that is allowed, or to the
  // nearer one (ties to an even digit) when both or neither are.
  bool roundDown = low;
  if (low == high) {
    value.shiftLeft(1);
    int order = compare(value, scale);
    roundDown = order < 0 || (order == 0 && digit % 2 == 0);
  }
  if (roundDown || digit < 9) {
    result.Text += static_cast<char>('0' + digit + (roundDown ? 0 : 1));
    return result;
  }
  // Carry over the trailing nines; all nines become a 1 one place up.
  while (!result.Text.empty() && result.Text.back() == '9')
    result.Text.pop_back();
  if (result.Text.empty()) {
    result.Text = "1";
    ++result.Exponent;
  } else {
    ++result.Text.back();
  }
  return result;
}

/// Drops the trailing zeros of the fraction of \p text (NumPy's trimming
/// after rounding) and returns how many fraction digits remain.
int trimZeros(std::string &text, int fractionDigits, Dragon4Trim trim) {
  if (trim == Dragon4Trim::Keep || fractionDigits == 0)
    return fractionDigits;
  while (text.back() == '0') {
    text.pop_back();
    --fractionDigits;
  }
  if (text.back() == '.') {
    if (trim == Dragon4Trim::LeaveOneZero) {
      text += '0';
      ++fractionDigits;
    } else if (trim == Dragon4Trim::PointAndZeros) {
      text.pop_back();
    }
  }
  return fractionDigits;
}

/// Appends the zeros the options ask for after the point (one for
/// LeaveOneZero when there is no fraction, up to MinDigits for Keep);
/// returns the new number of fraction digits.
int padFraction(std::string &text, int fractionDigits,
                const Dragon4Options &options) {
  int wanted = std::max(options.MinDigits, 0);
  if (options.Trim == Dragon4Trim::LeaveOneZero && fractionDigits == 0) {
    text += '0';
    return 1;
  }
  if (options.Trim == Dragon4Trim::Keep && wanted > fractionDigits) {
    text += std::string(wanted - fractionDigits, '0');
    return wanted;
  }
  return fractionDigits;
}

std::string positional(const BinaryFloat &f, const Dragon4Options &options) {
  Digits digits = generateDigits(f, CutoffMode::FractionLength,
                                 options.Precision, options.MinDigits);
  const std::string &d = digits.Text;
  int numDigits = static_cast<int>(d.size());
  std::string text;
  int wholeDigits, fractionDigits;
  if (digits.Exponent >= 0) {
    wholeDigits = digits.Exponent + 1;
    if (numDigits <= wholeDigits) {
      text = d + std::string(wholeDigits - numDigits, '0');
      fractionDigits = 0;
    } else {
      text = d.substr(0, wholeDigits) + "." + d.substr(wholeDigits);
      fractionDigits = numDigits - wholeDigits;
    }
  } else {
    int leadingZeros = -(digits.Exponent + 1);
    text = "0." + std::string(leadingZeros, '0') + d;
    wholeDigits = 1;
    fractionDigits = leadingZeros + numDigits;
  }
  if (options.Trim != Dragon4Trim::PointAndZeros && fractionDigits == 0)
    text += '.';

  fractionDigits = padFraction(text, fractionDigits, options);
  fractionDigits = trimZeros(text, fractionDigits, options.Trim);

  if (options.PadRight >= fractionDigits) {
    // A trimmed point still takes its column.
    if (options.Trim == Dragon4Trim::PointAndZeros && fractionDigits == 0)
      text += ' ';
    text += std::string(options.PadRight - fractionDigits, ' ');
  }
  int sign = f.Negative ? 1 : 0;
  std::string left = f.Negative ? "-" : "";
  if (options.PadLeft > wholeDigits + sign)
    left.insert(0, std::string(options.PadLeft - wholeDigits - sign, ' '));
  return left + text;
}

std::string scientific(const BinaryFloat &f, const Dragon4Options &options) {
  Digits digits =
      generateDigits(f, CutoffMode::TotalLength,
                     options.Precision < 0 ? -1 : options.Precision + 1,
                     options.MinDigits < 0 ? -1 : options.MinDigits + 1);
  std::string text;
  int leftChars = f.Negative ? 2 : 1;
  if (options.PadLeft > leftChars)
    text = std::string(options.PadLeft - leftChars, ' ');
  if (f.Negative)
    text += '-';
  text += digits.Text[0];
  int fractionDigits = static_cast<int>(digits.Text.size()) - 1;
  if (fractionDigits > 0)
    text += "." + digits.Text.substr(1);
  else if (options.Trim != Dragon4Trim::PointAndZeros)
    text += '.';

  fractionDigits = padFraction(text, fractionDigits, options);
  // NumPy's scientific trimming never drops the point itself.
  trimZeros(text, fractionDigits,
            options.Trim == Dragon4Trim::PointAndZeros ? Dragon4Trim::Zeros
                                                       : options.Trim);

  int exponent = digits.Exponent;
  text += exponent < 0 ? "e-" : "e+";
  std::string magnitude = std::to_string(std::abs(exponent));
  int expDigits = options.ExpDigits < 0 ? 2 : std::min(options.ExpDigits, 5);
  if (static_cast<int>(magnitude.size()) < expDigits)
    magnitude.insert(0, expDigits - magnitude.size(), '0');
  return text + magnitude;
}

} // namespace

std::string detail::formatPositional(double value,
                                     const Dragon4Options &options) {
  return positional(decompose(value), options);
}

std::string detail::formatPositional(float value,
                                     const Dragon4Options &options) {
  return positional(decompose(value), options);
}

std::string detail::formatScientific(double value,
                                     const Dragon4Options &options) {
  return scientific(decompose(value), options);
}

std::string detail::formatScientific(float value,
                                     const Dragon4Options &options) {
  return scientific(decompose(value), options);
}
