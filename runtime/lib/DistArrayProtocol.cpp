//===- DistArrayProtocol.cpp - Exporting layouts as DAP dictionaries ------===//
//
// What a rank's `__distarray__()` says about its chunk, and its JSON text.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/DistArrayProtocol.h"

#include <algorithm>
#include <cstdio>
#include <string>

using namespace dac::rt;
using namespace dac::rt::dap;

bool DimData::isEmpty() const { return *this == DimData(); }

bool DimData::operator==(const DimData &other) const {
  return distType == other.distType && size == other.size &&
         procGridSize == other.procGridSize &&
         procGridRank == other.procGridRank && start == other.start &&
         stop == other.stop && padding == other.padding &&
         periodic == other.periodic && blockSize == other.blockSize &&
         indices == other.indices && oneToOne == other.oneToOne;
}

namespace {

/// A block (or undistributed) axis: the owned range widened by the ghost
/// cells the chunk has. Wrapped cells of a periodic axis count unwrapped;
/// past a non-periodic edge there are none.
/// The fields every dist_type has: type, size and the grid position.
DimData exportCommon(const AxisMap &axis, int64_t coord, const char *type) {
  DimData dim;
  dim.distType = type;
  dim.size = axis.size();
  dim.procGridSize = axis.parts();
  dim.procGridRank = coord;
  return dim;
}

DimData exportBlock(const AxisMap &axis, int64_t coord) {
  const DimDistribution &dist = axis.distribution();
  BlockRange owned = axis.ownedRange(coord);
  int64_t ownedStop = owned.start + owned.count;
  int64_t lo = dist.haloLo, hi = dist.haloHi;
  if (!dist.periodic) {
    lo = std::min(lo, owned.start);
    hi = std::min(hi, axis.size() - ownedStop);
  }
  DimData dim = exportCommon(axis, coord, "b");
  dim.start = owned.start - lo;
  dim.stop = ownedStop + hi;
  dim.padding = std::make_pair(lo, hi);
  dim.periodic = dist.periodic;
  return dim;
}

DimData exportAxis(const AxisMap &axis, int64_t coord) {
  switch (axis.kind()) {
  case DimKind::None:
  case DimKind::Block:
    return exportBlock(axis, coord);
  case DimKind::Cyclic: {
    DimData dim = exportCommon(axis, coord, "c");
    dim.start = coord * axis.distribution().blockSize;
    dim.blockSize = axis.distribution().blockSize;
    return dim;
  }
  case DimKind::Unstructured: {
    DimData dim = exportCommon(axis, coord, "u");
    dim.indices = axis.ownedIndices(coord);
    // dac's index lists always partition the axis.
    dim.oneToOne = true;
    return dim;
  }
  }
  return DimData();
}

/// The number of elements the exported buffer holds along \p dim.
int64_t bufferExtent(const DimData &dim, int64_t ownedCount) {
  if (dim.distType == "b")
    return *dim.stop - *dim.start;
  return ownedCount;
}

std::string jsonString(const std::string &text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof(escape), "\\u%04x", c);
      out += escape;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string jsonList(const std::vector<int64_t> &values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i)
    out += (i ? ", " : "") + std::to_string(values[i]);
  return out + "]";
}

} // namespace

DistBuffer dap::exportLayout(const Layout &layout, int64_t rank) {
  DistBuffer buffer;
  std::vector<int64_t> owned = layout.localShape(rank);
  for (unsigned d = 0; d < layout.rank(); ++d) {
    DimData dim = exportAxis(layout.axis(d), layout.coordAlong(rank, d));
    buffer.bufferShape.push_back(bufferExtent(dim, owned[d]));
    buffer.dimData.push_back(std::move(dim));
  }
  return buffer;
}

std::string dap::toJson(const DimData &dim) {
  std::vector<std::string> fields;
  auto add = [&](const char *key, const std::string &value) {
    fields.push_back(jsonString(key) + ": " + value);
  };
  auto addInt = [&](const char *key, const std::optional<int64_t> &value) {
    if (value)
      add(key, std::to_string(*value));
  };
  auto addBool = [&](const char *key, const std::optional<bool> &value) {
    if (value)
      add(key, *value ? "true" : "false");
  };
  if (dim.distType)
    add("dist_type", jsonString(*dim.distType));
  addInt("size", dim.size);
  addInt("proc_grid_size", dim.procGridSize);
  addInt("proc_grid_rank", dim.procGridRank);
  addInt("start", dim.start);
  addInt("stop", dim.stop);
  if (dim.padding)
    add("padding", jsonList({dim.padding->first, dim.padding->second}));
  addBool("periodic", dim.periodic);
  addInt("block_size", dim.blockSize);
  if (dim.indices)
    add("indices", jsonList(*dim.indices));
  addBool("one_to_one", dim.oneToOne);
  std::string out = "{";
  for (size_t i = 0; i < fields.size(); ++i)
    out += (i ? ", " : "") + fields[i];
  return out + "}";
}

std::string dap::toJson(const DistBuffer &buffer) {
  std::string out = "{\"__version__\": " + jsonString(buffer.version) +
                    ", \"buffer_shape\": " + jsonList(buffer.bufferShape) +
                    ", \"dim_data\": [";
  for (size_t i = 0; i < buffer.dimData.size(); ++i)
    out += (i ? ", " : "") + toJson(buffer.dimData[i]);
  return out + "]}";
}
