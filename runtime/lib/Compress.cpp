//===- Compress.cpp - Reading and writing through a boolean mask ----------===//
//
// `a[mask]` (compress) is a 1-D array of the selected elements in C order;
// `a[mask] = values` (expand) writes values[k] to the k-th selected
// element. Both start from the same selection: each rank lists its
// selected elements by global position (C order over the whole array), and
// their places among all selected elements follow from how many come
// before: one exclusive scan of the counts when the array is split in
// blocks of leading rows (local order is then global order, rank after
// rank), else from all selected positions, gathered and sorted. Compress
// then sends each element to the owner of its place in the result; expand
// asks the owner of each place in `values` for it (one alltoall of counts,
// two alltoallv each).
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "ElementMoves.h"
#include "ExchangePlan.h"
#include "LayoutHandle.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

using namespace dac::rt;
using detail::Inbox;
using detail::Outbox;
using detail::sendAll;

namespace {

/// Displacements of `counts`, and their total.
std::vector<int> displacements(const std::vector<int> &counts, int &total) {
  std::vector<int> displs(counts.size(), 0);
  total = 0;
  for (size_t r = 0; r < counts.size(); ++r) {
    displs[r] = total;
    total += counts[r];
  }
  return displs;
}

/// True when local C order is global C order and ranks follow each other:
/// only the first dimension is split, in blocks.
bool leadingBlocks(const Layout &layout) {
  const std::vector<unsigned> &dims = layout.distributedDims();
  return dims.empty() || (dims.size() == 1 && dims[0] == 0 &&
                          layout.dim(0).kind == DimKind::Block);
}

/// This rank's selected elements (local C-order indices) and their places
/// among all selected elements of the array, in global C order.
struct Selection {
  std::vector<int64_t> local, places;
};

/// The selection of \p mask (bytes 0/1 in local C order). A replicated
/// array is one copy on every rank: with \p everyCopy each rank selects
/// from its own copy (and no communication is needed), else only rank 0
/// does, so that each element is counted once.
Selection select(const Layout &layout, int me, const uint8_t *mask,
                 bool everyCopy) {
  int size = detail::worldSize();
  bool replicated = layout.distributedDims().empty();
  Selection s;
  std::vector<int64_t> positions;
  if (!replicated || everyCopy || me == 0) {
    std::vector<int64_t> owned = layout.ownedPositions(me);
    for (size_t i = 0; i < owned.size(); ++i)
      if (mask[i]) {
        s.local.push_back(static_cast<int64_t>(i));
        positions.push_back(owned[i]);
      }
  }
  int mine = detail::checkedCount(positions.size(), "reading through a mask");
  s.places.resize(positions.size());
  if (replicated || leadingBlocks(layout)) {
    int64_t before = 0, count = mine;
    if (!replicated && size > 1)
      checkMpi(
          MPI_Exscan(&count, &before, 1, MPI_INT64_T, MPI_SUM, communicator()),
          "MPI_Exscan");
    if (me == 0 || replicated)
      before = 0;
    for (size_t k = 0; k < s.places.size(); ++k)
      s.places[k] = before + static_cast<int64_t>(k);
    return s;
  }
  std::vector<int> counts(size);
  checkMpi(MPI_Allgather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT,
                         communicator()),
           "MPI_Allgather");
  int total = 0;
  std::vector<int> displs = displacements(counts, total);
  std::vector<int64_t> all(total);
  checkMpi(MPI_Allgatherv(positions.data(), mine, MPI_INT64_T, all.data(),
                          counts.data(), displs.data(), MPI_INT64_T,
                          communicator()),
           "MPI_Allgatherv");
  std::sort(all.begin(), all.end());
  for (size_t k = 0; k < positions.size(); ++k)
    s.places[k] =
        std::lower_bound(all.begin(), all.end(), positions[k]) - all.begin();
  return s;
}

} // namespace

int detail::checkedCount(size_t n, const char *what) {
  if (n > static_cast<size_t>(INT32_MAX))
    fatal(
        (std::string(what) + ": more than 2^31 elements for one rank").c_str());
  return static_cast<int>(n);
}

/// Sends every rank its entries: indices (when \p withIndices) and
/// payloads of \p bytes each (when \p withPayload); the entry counts come
/// from whichever is sent. Records the bytes moved under "exchange".
Inbox detail::sendAll(const Outbox &out, size_t bytes, bool withIndices,
                      bool withPayload, int me) {
  int size = static_cast<int>(out.indices.size());
  Inbox in;
  std::vector<int> sendCounts(size);
  in.counts.resize(size);
  for (int r = 0; r < size; ++r)
    sendCounts[r] = checkedCount(withIndices ? out.indices[r].size()
                                             : out.payload[r].size() / bytes,
                                 "an exchange of elements");
  checkMpi(MPI_Alltoall(sendCounts.data(), 1, MPI_INT, in.counts.data(), 1,
                        MPI_INT, communicator()),
           "MPI_Alltoall");
  int sent = 0, received = 0;
  std::vector<int> sendDispls = displacements(sendCounts, sent);
  std::vector<int> recvDispls = displacements(in.counts, received);
  if (withIndices) {
    std::vector<int64_t> flat;
    for (int r = 0; r < size; ++r)
      flat.insert(flat.end(), out.indices[r].begin(), out.indices[r].end());
    in.indices.resize(received);
    checkMpi(MPI_Alltoallv(flat.data(), sendCounts.data(), sendDispls.data(),
                           MPI_INT64_T, in.indices.data(), in.counts.data(),
                           recvDispls.data(), MPI_INT64_T, communicator()),
             "MPI_Alltoallv");
  }
  if (withPayload) {
    std::vector<char> flat;
    for (int r = 0; r < size; ++r)
      flat.insert(flat.end(), out.payload[r].begin(), out.payload[r].end());
    in.payload.resize(received * bytes);
    MPI_Datatype element = detail::elementType(bytes);
    checkMpi(MPI_Alltoallv(flat.data(), sendCounts.data(), sendDispls.data(),
                           element, in.payload.data(), in.counts.data(),
                           recvDispls.data(), element, communicator()),
             "MPI_Alltoallv");
  }
  if (detail::statsEnabled()) {
    int64_t messages = 0;
    for (int r = 0; r < size; ++r)
      messages += r != me && sendCounts[r];
    int64_t unit =
        (withIndices ? 8 : 0) + (withPayload ? static_cast<int64_t>(bytes) : 0);
    detail::recordComm("exchange", messages,
                       static_cast<int64_t>(sent - sendCounts[me]) * unit,
                       sendCounts[me] * unit, 0);
  }
  return in;
}

extern "C" void dac_rt_compress(void *srcLayout, void *src, void *mask,
                                void *dstLayout, void *dst,
                                int64_t elementBytes) {
  detail::guard("dac_rt_compress", [&] {
    const detail::LayoutHandle &from =
        detail::getLayoutHandle(srcLayout, "dac_rt_compress");
    const detail::LayoutHandle &to =
        detail::getLayoutHandle(dstLayout, "dac_rt_compress");
    const Layout &ld = to.Map;
    size_t bytes = static_cast<size_t>(elementBytes);
    int me = static_cast<int>(from.Rank), size = detail::worldSize();
    Selection s = select(from.Map, me, static_cast<const uint8_t *>(mask),
                         /*everyCopy=*/false);
    // Each selected element to the owners of its place: every rank when
    // the result is replicated.
    const char *data = static_cast<const char *>(src);
    bool replicatedResult = ld.distributedDims().empty();
    Outbox out(size);
    detail::ElementPlaces places(ld);
    for (size_t k = 0; k < s.places.size(); ++k) {
      const char *value = data + s.local[k] * bytes;
      auto post = [&](int r, int64_t index) {
        out.indices[r].push_back(index);
        out.payload[r].insert(out.payload[r].end(), value, value + bytes);
      };
      if (replicatedResult) {
        for (int r = 0; r < size; ++r)
          post(r, s.places[k]);
        continue;
      }
      auto [r, local] = places.atPosition(s.places[k]);
      post(r, local);
    }
    Inbox in =
        sendAll(out, bytes, /*withIndices=*/true, /*withPayload=*/true, me);
    char *result = static_cast<char *>(dst);
    for (size_t k = 0; k < in.indices.size(); ++k)
      std::memcpy(result + in.indices[k] * bytes, in.payload.data() + k * bytes,
                  bytes);
  });
}

extern "C" void dac_rt_expand(void *dstLayout, void *dst, void *mask,
                              void *valuesLayout, void *values,
                              int64_t elementBytes) {
  detail::guard("dac_rt_expand", [&] {
    const detail::LayoutHandle &to =
        detail::getLayoutHandle(dstLayout, "dac_rt_expand");
    const detail::LayoutHandle &from =
        detail::getLayoutHandle(valuesLayout, "dac_rt_expand");
    const Layout &lv = from.Map;
    if (lv.rank() != 1)
      fatal("dac_rt_expand: the values must be 1-D");
    size_t bytes = static_cast<size_t>(elementBytes);
    int me = static_cast<int>(to.Rank), size = detail::worldSize();
    Selection s = select(to.Map, me, static_cast<const uint8_t *>(mask),
                         /*everyCopy=*/true);
    char *result = static_cast<char *>(dst);
    const char *source = static_cast<const char *>(values);
    // Replicated values are read in place; else each place is requested
    // from its owner, which answers in the order asked.
    if (lv.distributedDims().empty()) {
      for (size_t k = 0; k < s.places.size(); ++k)
        std::memcpy(result + s.local[k] * bytes, source + s.places[k] * bytes,
                    bytes);
      return;
    }
    Outbox requests(size);
    std::vector<std::vector<int64_t>> targets(size);
    detail::ElementPlaces places(lv);
    for (size_t k = 0; k < s.places.size(); ++k) {
      auto [r, local] = places.atPosition(s.places[k]);
      requests.indices[r].push_back(local);
      targets[r].push_back(s.local[k]);
    }
    Inbox asked = sendAll(requests, bytes, /*withIndices=*/true,
                          /*withPayload=*/false, me);
    // Answers go back to the ranks that asked, in the order they asked.
    Outbox answers(size);
    size_t next = 0;
    for (int r = 0; r < size; ++r)
      for (int i = 0; i < asked.counts[r]; ++i, ++next) {
        const char *value = source + asked.indices[next] * bytes;
        answers.payload[r].insert(answers.payload[r].end(), value,
                                  value + bytes);
      }
    Inbox got = sendAll(answers, bytes, /*withIndices=*/false,
                        /*withPayload=*/true, me);
    next = 0;
    for (int r = 0; r < size; ++r)
      for (int64_t target : targets[r])
        std::memcpy(result + target * bytes,
                    got.payload.data() + (next++) * bytes, bytes);
  });
}
