//===- DapTestUtils.h - Building DAP dictionaries in tests -----*- C++ -*-===//
//
// Short constructors for dimension dictionaries and buffers, and a check
// that a list of validator messages contains one with a given text.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_TEST_UNIT_RUNTIME_DAPTESTUTILS_H
#define DAC_TEST_UNIT_RUNTIME_DAPTESTUTILS_H

#include "dac/Runtime/DistArrayProtocol.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace dac::test {

using rt::dap::DimData;
using rt::dap::DistBuffer;

inline DimData blockDim(int64_t size, int64_t gridSize, int64_t gridRank,
                        int64_t start, int64_t stop,
                        std::pair<int64_t, int64_t> padding = {0, 0},
                        bool periodic = false) {
  DimData dim;
  dim.distType = "b";
  dim.size = size;
  dim.procGridSize = gridSize;
  dim.procGridRank = gridRank;
  dim.start = start;
  dim.stop = stop;
  dim.padding = padding;
  dim.periodic = periodic;
  return dim;
}

inline DimData cyclicDim(int64_t size, int64_t gridSize, int64_t gridRank,
                         int64_t blockSize = 1) {
  DimData dim;
  dim.distType = "c";
  dim.size = size;
  dim.procGridSize = gridSize;
  dim.procGridRank = gridRank;
  dim.start = gridRank * blockSize;
  dim.blockSize = blockSize;
  return dim;
}

inline DimData unstructuredDim(int64_t size, int64_t gridSize, int64_t gridRank,
                               std::vector<int64_t> indices,
                               bool oneToOne = true) {
  DimData dim;
  dim.distType = "u";
  dim.size = size;
  dim.procGridSize = gridSize;
  dim.procGridRank = gridRank;
  dim.indices = std::move(indices);
  dim.oneToOne = oneToOne;
  return dim;
}

/// The extent a dictionary implies for its buffer ('b': stop - start,
/// 'c': NUMROC, 'u': the number of indices; 0 for `{}` and nonsense).
inline int64_t impliedExtent(const DimData &dim) {
  if (dim.distType == "b" && dim.start && dim.stop)
    return std::max<int64_t>(0, *dim.stop - *dim.start);
  if (dim.distType == "c" && dim.size && dim.procGridSize && dim.procGridRank &&
      dim.blockSize.value_or(1) >= 1 && *dim.procGridSize >= 1 &&
      *dim.size >= 0)
    return rt::cyclicCount(*dim.size, dim.blockSize.value_or(1),
                           *dim.procGridSize, *dim.procGridRank);
  if (dim.distType == "u" && dim.indices)
    return static_cast<int64_t>(dim.indices->size());
  return 0;
}

/// A buffer whose shape is what its dictionaries imply.
inline DistBuffer bufferOf(std::vector<DimData> dims) {
  DistBuffer buffer;
  for (const DimData &dim : dims)
    buffer.bufferShape.push_back(impliedExtent(dim));
  buffer.dimData = std::move(dims);
  return buffer;
}

/// One one-dimensional buffer per rank.
inline std::vector<DistBuffer> ranksOf(std::vector<DimData> perRank) {
  std::vector<DistBuffer> ranks;
  for (DimData &dim : perRank)
    ranks.push_back(bufferOf({std::move(dim)}));
  return ranks;
}

inline std::string joined(const std::vector<std::string> &errors) {
  std::string text;
  for (const std::string &error : errors)
    text += "\n  " + error;
  return text;
}

/// Passes when one of \p errors contains \p text.
inline ::testing::AssertionResult
hasError(const std::vector<std::string> &errors, const std::string &text) {
  for (const std::string &error : errors)
    if (error.find(text) != std::string::npos)
      return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "no message contains \"" << text << "\"; got:" << joined(errors);
}

inline ::testing::AssertionResult
isValid(const std::vector<std::string> &errors) {
  if (errors.empty())
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "invalid:" << joined(errors);
}

} // namespace dac::test

#endif // DAC_TEST_UNIT_RUNTIME_DAPTESTUTILS_H
