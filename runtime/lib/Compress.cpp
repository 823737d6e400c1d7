//===- Compress.cpp - The elements of an array a mask selects -------------===//
//
// `a[mask]`: a 1-D array of the selected elements in C order. Each rank
// lists its selected elements by global position (C order over the whole
// array). Their places in the result follow from how many selected
// elements come before: one exclusive scan of the counts when the array is
// split in blocks of leading rows (local order is then global order, rank
// after rank), else from all selected positions, gathered and sorted. Each
// element then goes to the owner of its place (one alltoall of counts, two
// alltoallv: places and values).
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "ExchangePlan.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <algorithm>
#include <cstring>
#include <vector>

using namespace dac::rt;

namespace {

/// Counts to MPI's int, or a clear stop.
int checkedCount(size_t n) {
  if (n > static_cast<size_t>(INT32_MAX))
    fatal("dac_rt_compress: more than 2^31 elements for one rank");
  return static_cast<int>(n);
}

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

} // namespace

extern "C" void dac_rt_compress(void *srcLayout, void *src, void *mask,
                                void *dstLayout, void *dst,
                                int64_t elementBytes) {
  detail::guard("dac_rt_compress", [&] {
    const detail::LayoutHandle &from =
        detail::getLayoutHandle(srcLayout, "dac_rt_compress");
    const detail::LayoutHandle &to =
        detail::getLayoutHandle(dstLayout, "dac_rt_compress");
    const Layout &ls = from.Map, &ld = to.Map;
    if (ld.rank() != 1)
      fatal("dac_rt_compress: the result must be 1-D");
    size_t bytes = static_cast<size_t>(elementBytes);
    int me = static_cast<int>(from.Rank), size = detail::worldSize();
    bool replicatedSource = ls.distributedDims().empty();
    // This rank's selected elements: global positions and values, in local
    // C order. A replicated source is read on rank 0 only (every rank has
    // all of it).
    std::vector<int64_t> positions;
    std::vector<char> values;
    const char *data = static_cast<const char *>(src);
    const uint8_t *selected = static_cast<const uint8_t *>(mask);
    if (!replicatedSource || me == 0) {
      std::vector<int64_t> owned = ls.ownedPositions(me);
      for (size_t i = 0; i < owned.size(); ++i)
        if (selected[i]) {
          positions.push_back(owned[i]);
          values.insert(values.end(), data + i * bytes, data + (i + 1) * bytes);
        }
    }
    // Each selected element's place in the result.
    int mine = checkedCount(positions.size());
    std::vector<int64_t> places(positions.size());
    if (leadingBlocks(ls) || replicatedSource) {
      int64_t before = 0, count = mine;
      if (size > 1)
        checkMpi(MPI_Exscan(&count, &before, 1, MPI_INT64_T, MPI_SUM,
                            communicator()),
                 "MPI_Exscan");
      if (me == 0)
        before = 0;
      for (size_t k = 0; k < places.size(); ++k)
        places[k] = before + static_cast<int64_t>(k);
    } else {
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
        places[k] = std::lower_bound(all.begin(), all.end(), positions[k]) -
                    all.begin();
    }
    // To the owners of the places: every rank when the result is
    // replicated.
    bool replicatedResult = ld.distributedDims().empty();
    std::vector<std::vector<int64_t>> sendPlaces(size);
    std::vector<std::vector<char>> sendValues(size);
    for (size_t k = 0; k < places.size(); ++k) {
      const char *value = values.data() + k * bytes;
      if (replicatedResult) {
        for (int r = 0; r < size; ++r) {
          sendPlaces[r].push_back(places[k]);
          sendValues[r].insert(sendValues[r].end(), value, value + bytes);
        }
        continue;
      }
      AxisOwner owner = ld.axis(0).owner(places[k]);
      int r = static_cast<int>(ld.rankAt({owner.coord}));
      sendPlaces[r].push_back(owner.local);
      sendValues[r].insert(sendValues[r].end(), value, value + bytes);
    }
    std::vector<int> sendCounts(size), recvCounts(size);
    for (int r = 0; r < size; ++r)
      sendCounts[r] = checkedCount(sendPlaces[r].size());
    checkMpi(MPI_Alltoall(sendCounts.data(), 1, MPI_INT, recvCounts.data(), 1,
                          MPI_INT, communicator()),
             "MPI_Alltoall");
    int sent = 0, received = 0;
    std::vector<int> sendDispls = displacements(sendCounts, sent);
    std::vector<int> recvDispls = displacements(recvCounts, received);
    std::vector<int64_t> flatPlaces, gotPlaces(received);
    std::vector<char> flatValues, gotValues(received * bytes);
    for (int r = 0; r < size; ++r) {
      flatPlaces.insert(flatPlaces.end(), sendPlaces[r].begin(),
                        sendPlaces[r].end());
      flatValues.insert(flatValues.end(), sendValues[r].begin(),
                        sendValues[r].end());
    }
    checkMpi(MPI_Alltoallv(flatPlaces.data(), sendCounts.data(),
                           sendDispls.data(), MPI_INT64_T, gotPlaces.data(),
                           recvCounts.data(), recvDispls.data(), MPI_INT64_T,
                           communicator()),
             "MPI_Alltoallv");
    MPI_Datatype element = detail::elementType(bytes);
    checkMpi(MPI_Alltoallv(flatValues.data(), sendCounts.data(),
                           sendDispls.data(), element, gotValues.data(),
                           recvCounts.data(), recvDispls.data(), element,
                           communicator()),
             "MPI_Alltoallv");
    char *out = static_cast<char *>(dst);
    for (int k = 0; k < received; ++k)
      std::memcpy(out + gotPlaces[k] * bytes, gotValues.data() + k * bytes,
                  bytes);
    if (detail::statsEnabled()) {
      int64_t messages = 0;
      for (int r = 0; r < size; ++r)
        messages += r != me && sendCounts[r];
      detail::recordComm("exchange", messages,
                         static_cast<int64_t>(sent - sendCounts[me]) *
                             static_cast<int64_t>(bytes),
                         sendCounts[me] * static_cast<int64_t>(bytes), 0);
    }
  });
}
