//===- Dragon4.h - NumPy's Dragon4 float text ------------------*- C++ -*-===//
//
// Private to runtime/lib. NumPy prints array elements with its own Dragon4
// (numpy/core/src/multiarray/dragon4.c): shortest digits cut at a precision,
// or padded to a minimum with the value's exact digits, rounded in a way
// that std::to_chars does not offer. These functions reproduce
// np.format_float_positional and np.format_float_scientific for the options
// that array printing uses (unique digits, no forced '+').
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_LIB_DRAGON4_H
#define DAC_RUNTIME_LIB_DRAGON4_H

#include <string>

namespace dac::rt::detail {

/// How trailing zeros and the decimal point are trimmed (NumPy's `trim`).
enum class Dragon4Trim {
  Keep,         ///< 'k': keep trailing zeros and the point
  Zeros,        ///< '.': drop trailing zeros, keep the point
  LeaveOneZero, ///< '0': drop trailing zeros but one after the point
  PointAndZeros ///< '-': drop trailing zeros and a trailing point
};

/// The arguments of np.format_float_positional/_scientific with
/// unique=True; -1 means "not given" as in NumPy.
struct Dragon4Options {
  /// At most this many digits after the point (positional) or after the
  /// first digit (scientific).
  int Precision = -1;
  /// At least this many such digits, the extra ones being the value's own.
  int MinDigits = -1;
  Dragon4Trim Trim = Dragon4Trim::Keep;
  /// Pad with spaces to this many characters left of the point.
  int PadLeft = -1;
  /// Pad with spaces to this many characters right of the point
  /// (positional only).
  int PadRight = -1;
  /// At least this many exponent digits (scientific only; -1 means 2).
  int ExpDigits = -1;
};

/// np.format_float_positional(value, unique=True, fractional=True, ...).
std::string formatPositional(double value, const Dragon4Options &options);
std::string formatPositional(float value, const Dragon4Options &options);

/// np.format_float_scientific(value, unique=True, ...).
std::string formatScientific(double value, const Dragon4Options &options);
std::string formatScientific(float value, const Dragon4Options &options);

} // namespace dac::rt::detail

#endif // DAC_RUNTIME_LIB_DRAGON4_H
