//===- FormatSpec.h - Python's format specification mini-language -*- C++
//-*-===//
//
// f"{x:.3f}" in scripts: the runtime formats numbers as Python's format()
// does for the specs scripts use ([[fill]align][sign][#][0][width][,|_]
// [.precision][type], types e E f F g G % and none for floats, d b o x X n
// and none for integers).
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_FORMATSPEC_H
#define DAC_RUNTIME_FORMATSPEC_H

#include <cstdint>
#include <string>

namespace dac::rt {

/// format(value, spec) for a Python float. Throws std::invalid_argument
/// with Python's message for a spec Python rejects.
std::string formatFloat(double value, const std::string &spec);

/// format(value, spec) for a Python int (a float type formats it as float).
std::string formatInt(int64_t value, const std::string &spec);

} // namespace dac::rt

#endif // DAC_RUNTIME_FORMATSPEC_H
