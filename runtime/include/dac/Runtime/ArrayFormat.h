//===- ArrayFormat.h - NumPy's print(ndarray) text -------------*- C++ -*-===//
//
// print(a) of an array must write exactly what NumPy 1.24 writes with its
// default print options, so the rules of numpy/core/arrayprint.py (element
// widths, notation, line wrapping, summaries) are reproduced here.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_ARRAYFORMAT_H
#define DAC_RUNTIME_ARRAYFORMAT_H

#include <cstdint>
#include <string>
#include <vector>

namespace dac::rt {

/// The element types that formatNumpyArray reads.
enum class ArrayElementType {
  Float64, ///< double
  Float32, ///< float
  Int64,   ///< int64_t
  Int32,   ///< int32_t
  Bool,    ///< one byte, 0 or 1
};

/// What NumPy 1.24's str(a) (and so print(a)) writes for the array of
/// \p shape whose elements lie in C order at \p data, with the default print
/// options: precision 8 in 'maxprec' mode, summaries with 3 edge items above
/// 1000 elements, lines of at most 75 characters. A 0-d array prints as its
/// scalar does (`2.5`, `True`); an array with no elements prints `[]`.
std::string formatNumpyArray(const void *data,
                             const std::vector<int64_t> &shape,
                             ArrayElementType type);

} // namespace dac::rt

#endif // DAC_RUNTIME_ARRAYFORMAT_H
