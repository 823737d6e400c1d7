//===- LayoutDescriptor.h - Layouts in compiled code -----------*- C++ -*-===//
//
// Compiled programs pass a layout to dac_rt_layout_create as a flat int64
// descriptor (its format is documented in RuntimeABI.def). This decodes it
// into DimDistributions and an optional explicit grid, and encodes it back
// (for tests and tools).
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_LAYOUTDESCRIPTOR_H
#define DAC_RUNTIME_LAYOUTDESCRIPTOR_H

#include "dac/Runtime/Layout.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace dac::rt {

/// What a descriptor says: the distribution of every dimension and, when
/// not chosen at run time, the process grid.
struct LayoutSpec {
  std::vector<DimDistribution> dims;
  std::optional<std::vector<int64_t>> grid;
};

/// Decodes the descriptor at \p desc, reading at most \p length words
/// (SIZE_MAX when the caller cannot know); stores the number of words read
/// in \p consumed when given. Throws LayoutError on a malformed descriptor.
LayoutSpec decodeLayoutDescriptor(const int64_t *desc, size_t length,
                                  size_t *consumed = nullptr);

/// The descriptor of \p spec (decodeLayoutDescriptor's inverse).
std::vector<int64_t> encodeLayoutDescriptor(const LayoutSpec &spec);

/// The layout \p spec describes for \p shape on \p numRanks ranks.
inline Layout makeLayout(const LayoutSpec &spec, std::vector<int64_t> shape,
                         int64_t numRanks) {
  return Layout(std::move(shape), spec.dims, numRanks, spec.grid);
}

} // namespace dac::rt

#endif // DAC_RUNTIME_LAYOUTDESCRIPTOR_H
