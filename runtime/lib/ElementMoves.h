//===- ElementMoves.h - Moving single elements chosen by data ------------===//
//
// For the runtime calls that move elements chosen by data (reading and
// writing through a mask or at indices): where an element lives, and one
// exchange of (index, payload) entries between all ranks.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_LIB_ELEMENTMOVES_H
#define DAC_RUNTIME_LIB_ELEMENTMOVES_H

#include "dac/Runtime/Layout.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace dac::rt::detail {

/// The rank that owns an element, given by its global multi-index or its
/// C-order position, and its index in that rank's chunk (owned elements
/// only, local C order). The chunks' shapes are computed once per rank,
/// when first needed.
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

/// Counts to MPI's int, or a clear stop naming `what`.
int checkedCount(size_t n, const char *what);

/// Per destination rank: indices and, optionally, element payloads.
struct Outbox {
  std::vector<std::vector<int64_t>> indices;
  std::vector<std::vector<char>> payload;
  explicit Outbox(int size) : indices(size), payload(size) {}
};

/// What a rank received from all ranks, in rank order.
struct Inbox {
  std::vector<int64_t> indices;
  std::vector<char> payload;
  std::vector<int> counts; // per source rank
};

/// Sends every rank its entries: indices (when \p withIndices) and
/// payloads of \p bytes each (when \p withPayload); the entry counts come
/// from whichever is sent. Records the bytes moved under "exchange".
/// Collective.
Inbox sendAll(const Outbox &out, size_t bytes, bool withIndices,
              bool withPayload, int me);

} // namespace dac::rt::detail

#endif // DAC_RUNTIME_LIB_ELEMENTMOVES_H
