//===- Take.cpp - Reading an array at indices held in another array ------===//
//
// `a[idx]` with an integer array `idx` (NumPy's fancy indexing, np.take):
// the result has idx's shape followed by a's other extents, idx's layout
// with those dimensions whole, and each rank needs the elements (rows of
// `a`, when it has several dimensions) its own indices name, wherever they
// live. The indices are data,
// so nothing can be planned ahead: each call checks them (one IndexError
// on every rank if any is out of range), asks each owner for the elements
// it holds (one alltoall of counts, one alltoallv of positions) and gets
// them back (one alltoallv of values).
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "ElementMoves.h"
#include "LayoutHandle.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

using namespace dac::rt;

namespace {

/// Index `i` of a run-time index array of `bytes`-byte integers.
int64_t indexAt(const void *data, int64_t bytes, int64_t i) {
  if (bytes == 4)
    return static_cast<const int32_t *>(data)[i];
  return static_cast<const int64_t *>(data)[i];
}

/// Stops every rank with NumPy's IndexError if any rank's \p count
/// indices has one outside [-n, n): every rank learns the first bad index
/// of the lowest rank that has one, so that all print the same message.
/// Collective.
void checkIndices(const void *indices, int64_t indexBytes, int64_t count,
                  int64_t n, void *location) {
  int64_t bad = std::numeric_limits<int64_t>::max();
  for (int64_t i = 0; i < count; ++i) {
    int64_t g = indexAt(indices, indexBytes, i);
    if (g < -n || g >= n) {
      bad = g;
      break;
    }
  }
  int size = detail::worldSize(), me = detail::worldRank();
  bool anyBad = bad != std::numeric_limits<int64_t>::max();
  if (size > 1 && detail::mpiActive()) {
    int64_t mine = anyBad ? me : size, first = size;
    checkMpi(
        MPI_Allreduce(&mine, &first, 1, MPI_INT64_T, MPI_MIN, communicator()),
        "MPI_Allreduce");
    anyBad = first < size;
    if (anyBad)
      checkMpi(MPI_Bcast(&bad, 1, MPI_INT64_T, static_cast<int>(first),
                         communicator()),
               "MPI_Bcast");
  }
  if (anyBad)
    fatalCollective(("IndexError: index " + std::to_string(bad) +
                     " is out of bounds for axis 0 with size " +
                     std::to_string(n))
                        .c_str(),
                    static_cast<const char *>(location));
}

/// The extent of a row of \p map: the product of its extents after the
/// first (1 for 1-D arrays).
int64_t rowSize(const Layout &map) {
  int64_t row = 1;
  for (size_t d = 1; d < map.rank(); ++d)
    row *= map.shape()[d];
  return row;
}

/// Element e of row g of \p map, as a global multi-index.
void rowElement(const Layout &map, int64_t g, int64_t e,
                std::vector<int64_t> &global) {
  global[0] = g;
  for (size_t d = map.rank(); d-- > 1;) {
    global[d] = e % map.shape()[d];
    e /= map.shape()[d];
  }
}

/// Calls \p fn(i, e, rank, local) for element e of the row each of the
/// rank's \p count indices names (negative ones from the end, checked
/// before): its owner's rank and its index in that rank's chunk.
template <typename Fn>
void forEachRowElement(const Layout &map, const void *indices,
                       int64_t indexBytes, int64_t count, Fn fn) {
  const int64_t n = map.shape()[0], row = rowSize(map);
  detail::ElementPlaces places(map);
  std::vector<int64_t> global(map.rank());
  for (int64_t i = 0; i < count; ++i) {
    int64_t g = indexAt(indices, indexBytes, i);
    if (g < 0)
      g += n;
    for (int64_t e = 0; e < row; ++e) {
      rowElement(map, g, e, global);
      auto [rank, local] = places.at(global.data());
      fn(i, e, rank, local);
    }
  }
}

/// dest[k] = value (\p add: dest[k] += value) for one element of type \p T.
template <typename T> void apply(char *dest, const char *value, bool add) {
  T v, d;
  std::memcpy(&v, value, sizeof(T));
  std::memcpy(&d, dest, sizeof(T));
  d = add ? static_cast<T>(d + v) : v;
  std::memcpy(dest, &d, sizeof(T));
}

} // namespace

extern "C" void dac_rt_take(void *layout, void *src, void *indices,
                            int64_t count, int64_t indexBytes, void *dst,
                            int64_t elementBytes, void *location) {
  detail::guard("dac_rt_take", [&] {
    const detail::LayoutHandle &handle =
        detail::getLayoutHandle(layout, "dac_rt_take");
    const Layout &map = handle.Map;
    if (map.rank() < 1 || (indexBytes != 4 && indexBytes != 8) || count < 0)
      fatal("dac_rt_take: needs a source of 1 or more dimensions and 32- or "
            "64-bit indices");
    const int64_t n = map.shape()[0];
    // Each index names a row of `row` elements (one for a 1-D source).
    const int64_t row = rowSize(map);
    int size = detail::worldSize(), me = detail::worldRank();
    checkIndices(indices, indexBytes, count, n, location);

    // Requests by owner: the owner's local position, and where the
    // element lands here.
    std::vector<std::vector<int64_t>> asks(size), lands(size);
    const size_t bytes = static_cast<size_t>(elementBytes);
    const char *from = static_cast<const char *>(src);
    char *to = static_cast<char *>(dst);
    bool replicated = map.distributedDims().empty();
    forEachRowElement(map, indices, indexBytes, count,
                      [&](int64_t i, int64_t e, int rank, int64_t local) {
                        // Where element e of row i lands here.
                        int64_t land = i * row + e;
                        if (replicated || rank == me) {
                          std::memcpy(to + land * bytes, from + local * bytes,
                                      bytes);
                          return;
                        }
                        asks[rank].push_back(local);
                        lands[rank].push_back(land);
                      });
    if (size == 1 || !detail::mpiActive() || map.distributedDims().empty())
      return;
    double begin = detail::statsEnabled() ? MPI_Wtime() : 0;
    std::vector<int> askCounts(size), giveCounts(size), askDispls(size),
        giveDispls(size);
    for (int r = 0; r < size; ++r)
      askCounts[r] = static_cast<int>(asks[r].size());
    checkMpi(MPI_Alltoall(askCounts.data(), 1, MPI_INT, giveCounts.data(), 1,
                          MPI_INT, communicator()),
             "MPI_Alltoall");
    for (int r = 1; r < size; ++r) {
      askDispls[r] = askDispls[r - 1] + askCounts[r - 1];
      giveDispls[r] = giveDispls[r - 1] + giveCounts[r - 1];
    }
    std::vector<int64_t> flatAsks,
        gives(giveDispls[size - 1] + giveCounts[size - 1]);
    for (const std::vector<int64_t> &a : asks)
      flatAsks.insert(flatAsks.end(), a.begin(), a.end());
    checkMpi(MPI_Alltoallv(flatAsks.data(), askCounts.data(), askDispls.data(),
                           MPI_INT64_T, gives.data(), giveCounts.data(),
                           giveDispls.data(), MPI_INT64_T, communicator()),
             "MPI_Alltoallv");
    MPI_Datatype element = detail::elementType(bytes);
    std::vector<char> out(gives.size() * bytes), in(flatAsks.size() * bytes);
    for (size_t k = 0; k < gives.size(); ++k)
      std::memcpy(out.data() + k * bytes, from + gives[k] * bytes, bytes);
    checkMpi(MPI_Alltoallv(out.data(), giveCounts.data(), giveDispls.data(),
                           element, in.data(), askCounts.data(),
                           askDispls.data(), element, communicator()),
             "MPI_Alltoallv");
    size_t k = 0;
    for (int r = 0; r < size; ++r)
      for (int64_t i : lands[r])
        std::memcpy(to + i * bytes, in.data() + (k++) * bytes, bytes);
    if (detail::statsEnabled()) {
      int64_t messages = 0;
      for (int r = 0; r < size; ++r)
        messages += (askCounts[r] > 0) + (giveCounts[r] > 0);
      detail::recordComm("exchange", messages,
                         static_cast<int64_t>(out.size() + flatAsks.size() * 8),
                         0, MPI_Wtime() - begin);
    }
  });
}

extern "C" void dac_rt_scatter(void *destLayout, void *dest,
                               void *indicesLayout, void *indices,
                               int64_t indexBytes, void *values,
                               int64_t elementType, int64_t accumulate,
                               void *location) {
  detail::guard("dac_rt_scatter", [&] {
    const Layout &map =
        detail::getLayoutHandle(destLayout, "dac_rt_scatter").Map;
    const Layout &at =
        detail::getLayoutHandle(indicesLayout, "dac_rt_scatter").Map;
    if (map.rank() < 1 || (indexBytes != 4 && indexBytes != 8))
      fatal("dac_rt_scatter: needs a destination of 1 or more dimensions and "
            "32- or 64-bit indices");
    auto type = static_cast<int32_t>(elementType);
    const size_t bytes = detail::elementBytes(type, "dac_rt_scatter");
    int size = detail::worldSize(), me = detail::worldRank();
    // This rank's indices, and their C-order positions in the whole index
    // array: the order in which repeated places take their values.
    bool replicatedIndices = at.distributedDims().empty();
    std::vector<int64_t> positions = replicatedIndices && me != 0
                                         ? std::vector<int64_t>()
                                         : at.ownedPositions(me);
    const int64_t count = static_cast<int64_t>(positions.size());
    const int64_t row = rowSize(map);
    checkIndices(indices, indexBytes, count, map.shape()[0], location);

    // Each element, with its order, to the owner of its place (to every
    // rank when the destination is replicated). Replicated indices are
    // sent by rank 0 alone, each update once.
    bool replicatedDest = map.distributedDims().empty();
    detail::Outbox out(size);
    const char *from = static_cast<const char *>(values);
    const size_t entry = bytes + sizeof(int64_t);
    forEachRowElement(
        map, indices, indexBytes, count,
        [&](int64_t i, int64_t e, int rank, int64_t local) {
          int64_t order = positions[i] * row + e;
          const char *value = from + (i * row + e) * bytes;
          auto post = [&](int r) {
            out.indices[r].push_back(local);
            std::vector<char> &payload = out.payload[r];
            const char *key = reinterpret_cast<const char *>(&order);
            payload.insert(payload.end(), key, key + sizeof(int64_t));
            payload.insert(payload.end(), value, value + bytes);
          };
          if (!replicatedDest) {
            post(rank);
            return;
          }
          for (int r = 0; r < size; ++r)
            post(r);
        });
    detail::Inbox in = detail::sendAll(out, entry, /*withIndices=*/true,
                                       /*withPayload=*/true, me);
    // Applied in the order of the indices.
    std::vector<size_t> order(in.indices.size());
    std::vector<int64_t> keys(in.indices.size());
    for (size_t k = 0; k < keys.size(); ++k) {
      std::memcpy(&keys[k], in.payload.data() + k * entry, sizeof(int64_t));
      order[k] = k;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return keys[x] < keys[y]; });
    char *to = static_cast<char *>(dest);
    bool add = accumulate != 0;
    for (size_t k : order) {
      char *place = to + in.indices[k] * bytes;
      const char *value = in.payload.data() + k * entry + sizeof(int64_t);
      switch (type) {
      case DAC_RT_ELEMENT_Float64:
        apply<double>(place, value, add);
        break;
      case DAC_RT_ELEMENT_Float32:
        apply<float>(place, value, add);
        break;
      case DAC_RT_ELEMENT_Int64:
        apply<int64_t>(place, value, add);
        break;
      case DAC_RT_ELEMENT_Int32:
        apply<int32_t>(place, value, add);
        break;
      default: // booleans: adding True sets
        *place = add ? static_cast<char>(*place | *value) : *value;
        break;
      }
    }
  });
}
