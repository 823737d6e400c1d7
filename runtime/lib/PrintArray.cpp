//===- PrintArray.cpp - print(a) of a distributed array
//--------------------===//
//
// Rank 0 gathers every rank's owned elements with their global (C-order)
// positions, assembles the whole array and formats it as NumPy prints
// arrays. Replicated layouts need no gather: rank 0 holds everything.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "LayoutHandle.h"
#include "dac/Runtime/ArrayFormat.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <cstring>
#include <vector>

using namespace dac::rt;

namespace {

ArrayElementType toFormatType(int32_t type) {
  switch (type) {
  case DAC_RT_ELEMENT_Float64:
    return ArrayElementType::Float64;
  case DAC_RT_ELEMENT_Float32:
    return ArrayElementType::Float32;
  case DAC_RT_ELEMENT_Int64:
    return ArrayElementType::Int64;
  case DAC_RT_ELEMENT_Int32:
    return ArrayElementType::Int32;
  default:
    return ArrayElementType::Bool;
  }
}

/// The global C-order position of each owned element, in local C order.
std::vector<int64_t> globalPositions(const Layout &map, int64_t rank) {
  const std::vector<int64_t> &shape = map.shape();
  std::vector<int64_t> local = map.localShape(rank);
  std::vector<std::vector<int64_t>> indices;
  int64_t count = 1;
  for (unsigned d = 0; d < shape.size(); ++d) {
    indices.push_back(map.ownedIndices(rank, d));
    count *= local[d];
  }
  std::vector<int64_t> positions;
  positions.reserve(count);
  std::vector<int64_t> at(shape.size(), 0);
  for (int64_t n = 0; n < count; ++n) {
    int64_t linear = 0;
    for (unsigned d = 0; d < shape.size(); ++d)
      linear = linear * shape[d] + indices[d][at[d]];
    positions.push_back(linear);
    for (int d = static_cast<int>(shape.size()) - 1; d >= 0; --d) {
      if (++at[d] < local[d])
        break;
      at[d] = 0;
    }
  }
  return positions;
}

} // namespace

extern "C" void dac_rt_print_array(void *layout, void *data, int32_t type) {
  detail::guard("dac_rt_print_array", [&] {
    const detail::LayoutHandle &handle =
        detail::getLayoutHandle(layout, "dac_rt_print_array");
    const Layout &map = handle.Map;
    size_t size = detail::elementBytes(type, "dac_rt_print_array");
    const std::vector<int64_t> &shape = map.shape();
    int64_t total = 1;
    for (int64_t n : shape)
      total *= n;
    std::vector<unsigned char> whole(total * size);

    bool distributed = !map.grid().empty() && detail::worldSize() > 1;
    bool permuted = false;
    for (unsigned d = 0; d < map.rank(); ++d)
      permuted |= map.dim(d).kind == DimKind::Unstructured;
    if (!distributed && !permuted) {
      if (total)
        std::memcpy(whole.data(), data, whole.size());
    } else if (!distributed) {
      // One rank holds everything, in the order of its index lists.
      std::vector<int64_t> positions = globalPositions(map, handle.Rank);
      const unsigned char *from = static_cast<const unsigned char *>(data);
      for (size_t i = 0; i < positions.size(); ++i)
        std::memcpy(whole.data() + positions[i] * size, from + i * size, size);
    } else {
      std::vector<int64_t> positions = globalPositions(map, handle.Rank);
      int count = static_cast<int>(positions.size());
      int ranks = detail::worldSize();
      bool root = handle.Rank == 0;
      std::vector<int> counts(root ? ranks : 0), offsets(root ? ranks : 0);
      checkMpi(MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0,
                          communicator()),
               "MPI_Gather");
      std::vector<int64_t> allPositions;
      std::vector<unsigned char> allData;
      std::vector<int> byteCounts, byteOffsets;
      if (root) {
        int sum = 0;
        for (int r = 0; r < ranks; ++r) {
          offsets[r] = sum;
          sum += counts[r];
          byteCounts.push_back(counts[r] * static_cast<int>(size));
          byteOffsets.push_back(offsets[r] * static_cast<int>(size));
        }
        allPositions.resize(sum);
        allData.resize(static_cast<size_t>(sum) * size);
      }
      checkMpi(MPI_Gatherv(positions.data(), count, MPI_INT64_T,
                           allPositions.data(), counts.data(), offsets.data(),
                           MPI_INT64_T, 0, communicator()),
               "MPI_Gatherv");
      checkMpi(MPI_Gatherv(data, count * static_cast<int>(size), MPI_BYTE,
                           allData.data(), byteCounts.data(),
                           byteOffsets.data(), MPI_BYTE, 0, communicator()),
               "MPI_Gatherv");
      if (!root)
        return;
      for (size_t i = 0; i < allPositions.size(); ++i)
        std::memcpy(whole.data() + allPositions[i] * size,
                    allData.data() + i * size, size);
    }
    if (handle.Rank == 0)
      detail::appendToPrintLine(
          formatNumpyArray(whole.data(), shape, toFormatType(type)));
  });
}
