//===- FloatRepr.h - Python's and NumPy's float text -----------*- C++ -*-===//
//
// Scalars must print exactly as the NumPy reference run prints them, so the
// shortest round-trip digits are laid out with Python's and NumPy's rules
// for choosing between positional and scientific notation.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_FLOATREPR_H
#define DAC_RUNTIME_FLOATREPR_H

#include <string>

namespace dac::rt {

/// What Python's repr(float) (and print(np.float64)) writes for \p value:
/// shortest round-trip digits, scientific when the decimal exponent is
/// below -4 or at least 16 (`1e-05`, `1e+16`), otherwise positional with at
/// least one fractional digit (`0.0001`, `3.0`); `nan`, `inf`, `-inf`.
std::string formatPythonFloat(double value);

/// What NumPy 1.24 writes for an np.float32 scalar: the shortest digits that
/// round-trip through float32, positional when 1e-4 <= |value| < 1e16
/// (compared in double, so np.float32(0.0001) prints `1e-04`) or when the
/// value is zero, otherwise scientific.
std::string formatNumpyFloat32(float value);

} // namespace dac::rt

#endif // DAC_RUNTIME_FLOATREPR_H
