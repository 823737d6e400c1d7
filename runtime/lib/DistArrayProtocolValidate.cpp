//===- DistArrayProtocolValidate.cpp - The strict DAP validator -----------===//
//
// Everything the protocol's reference validator checks, plus what it cannot
// see from one dictionary: the local buffer's extents, unique and covering
// indices, agreement between the ranks, the process grid and its replicas,
// owned ranges tiling each axis and padding that agrees between neighbours
// (the conventions are stated in DistArrayProtocol.h).
//
//===----------------------------------------------------------------------===//

#include "DistArrayProtocolDetail.h"
#include "dac/Runtime/DistArrayProtocol.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

using namespace dac::rt;
using namespace dac::rt::dap;

namespace {

std::string str(int64_t value) { return std::to_string(value); }

std::string range(int64_t start, int64_t stop) {
  return "[" + str(start) + ", " + str(stop) + ")";
}

/// Whether \p version is one whose dictionaries this validator reads: the
/// minor versions 0.9 and 0.10 (later minor versions only add).
bool knownVersion(const std::string &version) {
  return version.rfind("0.10.", 0) == 0 || version.rfind("0.9.", 0) == 0;
}

/// Keys of \p dim that its dist_type does not have.
std::vector<const char *> foreignKeys(const DimData &dim, char type) {
  std::vector<const char *> keys;
  auto check = [&](bool present, const char *key, const char *types) {
    if (present && std::string(types).find(type) == std::string::npos)
      keys.push_back(key);
  };
  check(dim.start.has_value(), "start", "bc");
  check(dim.stop.has_value(), "stop", "b");
  check(dim.padding.has_value(), "padding", "b");
  check(dim.periodic.has_value(), "periodic", "b");
  check(dim.blockSize.has_value(), "block_size", "c");
  check(dim.indices.has_value(), "indices", "u");
  check(dim.oneToOne.has_value(), "one_to_one", "u");
  return keys;
}

/// Keys \p dim must have and does not.
std::vector<const char *> missingKeys(const DimData &dim, char type) {
  std::vector<const char *> keys;
  if (!dim.size)
    keys.push_back("size");
  if (!dim.procGridSize)
    keys.push_back("proc_grid_size");
  if (!dim.procGridRank)
    keys.push_back("proc_grid_rank");
  if ((type == 'b' || type == 'c') && !dim.start)
    keys.push_back("start");
  if (type == 'b' && !dim.stop)
    keys.push_back("stop");
  if (type == 'u' && !dim.indices)
    keys.push_back("indices");
  return keys;
}

void checkBlock(const DimData &dim, int64_t extent,
                std::vector<std::string> &errors) {
  int64_t start = *dim.start, stop = *dim.stop, size = *dim.size;
  auto [lo, hi] = dim.padding.value_or(std::make_pair(0, 0));
  bool periodic = dim.periodic.value_or(false);
  if (lo < 0 || hi < 0) {
    errors.push_back("padding (" + str(lo) + ", " + str(hi) +
                     ") must be non-negative");
    return;
  }
  if (stop < start) {
    errors.push_back("stop (" + str(stop) + ") is less than start (" +
                     str(start) + ")");
    return;
  }
  if (lo + hi > stop - start)
    errors.push_back("padding (" + str(lo) + ", " + str(hi) +
                     ") is wider than the buffer " + range(start, stop));
  if (!periodic) {
    if (start < 0)
      errors.push_back("start (" + str(start) + ") is negative");
    if (stop > size)
      errors.push_back("stop (" + str(stop) + ") is past the size (" +
                       str(size) + ")");
  } else {
    // Wrapped ghost cells count unwrapped, but only they may leave the axis.
    if (lo > size || hi > size)
      errors.push_back("padding (" + str(lo) + ", " + str(hi) +
                       ") is wider than the axis (size " + str(size) + ")");
    OwnedRange owned = ownedRange(dim);
    if (owned.start < 0 || owned.stop > size)
      errors.push_back("the owned range " + range(owned.start, owned.stop) +
                       " (start/stop less padding) leaves the axis [0, " +
                       str(size) + ")");
  }
  if (extent != stop - start)
    errors.push_back("the local buffer has " + str(extent) +
                     " elements along this dimension but stop - start is " +
                     str(stop - start));
}

void checkCyclic(const DimData &dim, int64_t extent,
                 std::vector<std::string> &errors) {
  int64_t k = dim.blockSize.value_or(1);
  if (k < 1) {
    errors.push_back("block_size (" + str(k) + ") is less than 1");
    return;
  }
  int64_t rank = *dim.procGridRank;
  if (*dim.start != rank * k)
    errors.push_back("start (" + str(*dim.start) +
                     ") is not proc_grid_rank * block_size (" + str(rank * k) +
                     ")");
  int64_t count = cyclicCount(*dim.size, k, *dim.procGridSize, rank);
  if (extent != count)
    errors.push_back("the local buffer has " + str(extent) +
                     " elements along this dimension but the cyclic "
                     "distribution gives " +
                     str(count) + " elements to grid rank " + str(rank));
}

void checkUnstructured(const DimData &dim, int64_t extent,
                       std::vector<std::string> &errors) {
  const std::vector<int64_t> &indices = *dim.indices;
  std::set<int64_t> seen;
  for (int64_t index : indices) {
    if (index < 0 || index >= *dim.size)
      errors.push_back("index " + str(index) + " is outside the axis [0, " +
                       str(*dim.size) + ")");
    else if (!seen.insert(index).second)
      errors.push_back("index " + str(index) +
                       " appears twice in this rank's indices");
  }
  if (extent != static_cast<int64_t>(indices.size()))
    errors.push_back("the local buffer has " + str(extent) +
                     " elements along this dimension but there are " +
                     str(static_cast<int64_t>(indices.size())) + " indices");
}

void checkDim(const DimData &dim, int64_t extent,
              std::vector<std::string> &errors) {
  if (dim.isEmpty())
    return;
  if (!dim.distType) {
    errors.push_back("missing required key 'dist_type'");
    return;
  }
  const std::string &type = *dim.distType;
  if (type != "b" && type != "c" && type != "u") {
    errors.push_back("unknown dist_type '" + type +
                     "' (expected 'b', 'c' or 'u')");
    return;
  }
  size_t before = errors.size();
  for (const char *key : missingKeys(dim, type[0]))
    errors.push_back(std::string("missing required key '") + key +
                     "' for dist_type '" + type + "'");
  for (const char *key : foreignKeys(dim, type[0]))
    errors.push_back(std::string("key '") + key +
                     "' does not belong to dist_type '" + type + "'");
  if (errors.size() != before)
    return;
  if (*dim.size < 0)
    errors.push_back("size (" + str(*dim.size) + ") is negative");
  if (*dim.procGridSize < 1)
    errors.push_back("proc_grid_size (" + str(*dim.procGridSize) +
                     ") is less than 1");
  else if (*dim.procGridRank < 0 || *dim.procGridRank >= *dim.procGridSize)
    errors.push_back(
        "proc_grid_rank (" + str(*dim.procGridRank) +
        ") is outside [0, proc_grid_size = " + str(*dim.procGridSize) + ")");
  if (errors.size() != before)
    return;
  if (type == "b")
    checkBlock(dim, extent, errors);
  else if (type == "c")
    checkCyclic(dim, extent, errors);
  else
    checkUnstructured(dim, extent, errors);
}

} // namespace

std::vector<std::string> dap::validateLocal(const DistBuffer &buffer) {
  std::vector<std::string> errors;
  if (!knownVersion(buffer.version))
    errors.push_back("__version__ '" + buffer.version +
                     "' is not a protocol version this validator reads "
                     "(0.9.x or 0.10.x)");
  if (buffer.dimData.size() != buffer.bufferShape.size()) {
    errors.push_back("dim_data has " + str(buffer.dimData.size()) +
                     " dictionaries but the buffer has " +
                     str(buffer.bufferShape.size()) + " dimensions");
    return errors;
  }
  for (size_t d = 0; d < buffer.dimData.size(); ++d) {
    std::vector<std::string> dimErrors;
    if (buffer.bufferShape[d] < 0)
      dimErrors.push_back("the buffer extent (" + str(buffer.bufferShape[d]) +
                          ") is negative");
    else
      checkDim(buffer.dimData[d], buffer.bufferShape[d], dimErrors);
    for (const std::string &error : dimErrors)
      errors.push_back("dimension " + str(d) + ": " + error);
  }
  return errors;
}
