//===- ElementPlaces.h - Where an array's elements live ------------------===//
//
// For the runtime calls that move single elements chosen by data (reading
// through a mask or at indices): the rank that owns an element, given by
// its global multi-index or its C-order position, and its index in that
// rank's chunk (owned elements only, local C order). The chunks' shapes
// are computed once per rank, when first needed.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_LIB_ELEMENTPLACES_H
#define DAC_RUNTIME_LIB_ELEMENTPLACES_H

#include "dac/Runtime/Layout.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace dac::rt::detail {

class ElementPlaces {
public:
  explicit ElementPlaces(const Layout &layout)
      : L(layout), Global(layout.rank()), Local(layout.rank()),
        Chunks(static_cast<size_t>(layout.numRanks())) {}

  /// The element at C-order position \p k of the whole array.
  std::pair<int, int64_t> atPosition(int64_t k) {
    const std::vector<int64_t> &shape = L.shape();
    for (size_t d = shape.size(); d-- > 0;) {
      Global[d] = k % shape[d];
      k /= shape[d];
    }
    return at(Global.data());
  }

  /// The element at global multi-index \p global (rank() entries).
  std::pair<int, int64_t> at(const int64_t *global) {
    int64_t rank = L.ownerInto(global, Local.data());
    std::vector<int64_t> &chunk = Chunks[rank];
    if (chunk.empty())
      chunk = L.localShape(rank);
    int64_t index = 0;
    for (size_t d = 0; d < chunk.size(); ++d)
      index = index * chunk[d] + Local[d];
    return {static_cast<int>(rank), index};
  }

private:
  const Layout &L;
  std::vector<int64_t> Global, Local;
  std::vector<std::vector<int64_t>> Chunks;
};

} // namespace dac::rt::detail

#endif // DAC_RUNTIME_LIB_ELEMENTPLACES_H
