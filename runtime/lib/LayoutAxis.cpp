//===- LayoutAxis.cpp - One dimension resolved to its axis ----------------===//
//
// AxisMap answers, for one axis, who owns what: local sizes, owned indices,
// the global <-> (coordinate, local) maps and the ghost cells of a halo.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Layout.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <utility>

using namespace dac::rt;

AxisMap::AxisMap(DimDistribution dist, int64_t size, int64_t parts)
    : Dist(std::move(dist)), Size(size), Parts(parts) {
  if (size < 0)
    throw LayoutError("the axis length must be non-negative, got " +
                      std::to_string(size));
  if (parts < 1)
    throw LayoutError("grid extents must be at least 1, got " +
                      std::to_string(parts));
  validateDimDistribution(Dist, size);
  if (Dist.kind == DimKind::None && parts != 1)
    throw LayoutError("an undistributed ('n') dimension has no grid extent "
                      "of its own, got " +
                      std::to_string(parts));
  if (std::optional<int64_t> fixed = Dist.fixedParts();
      fixed && *fixed != parts)
    throw LayoutError(std::string("its ") +
                      (Dist.kind == DimKind::Block ? "bounds" : "indices") +
                      " describe " + std::to_string(*fixed) + " part" +
                      (*fixed == 1 ? "" : "s") + " but the grid gives it " +
                      std::to_string(parts));
  if (Dist.kind == DimKind::Unstructured) {
    OwnerTable.resize(static_cast<size_t>(size));
    for (int64_t coord = 0; coord < parts; ++coord) {
      const std::vector<int64_t> &list = Dist.indices[coord];
      for (size_t local = 0; local < list.size(); ++local)
        OwnerTable[list[local]] = {coord, static_cast<int64_t>(local)};
    }
  }
}

int64_t AxisMap::localSize(int64_t coord) const {
  switch (Dist.kind) {
  case DimKind::None:
  case DimKind::Block:
    return ownedRange(coord).count;
  case DimKind::Cyclic:
    return cyclicCount(Size, Dist.blockSize, Parts, coord);
  case DimKind::Unstructured:
    return static_cast<int64_t>(Dist.indices[coord].size());
  }
  return 0;
}

BlockRange AxisMap::ownedRange(int64_t coord) const {
  if (Dist.kind == DimKind::None)
    return {0, Size};
  if (Dist.kind != DimKind::Block)
    throw std::logic_error("AxisMap::ownedRange needs a block axis");
  if (!Dist.bounds.empty())
    return {Dist.bounds[coord], Dist.bounds[coord + 1] - Dist.bounds[coord]};
  return blockRange(Size, Parts, coord);
}

std::vector<int64_t> AxisMap::ownedIndices(int64_t coord) const {
  if (Dist.kind == DimKind::Unstructured)
    return Dist.indices[coord];
  if (Dist.kind == DimKind::None || Dist.kind == DimKind::Block) {
    BlockRange range = ownedRange(coord);
    std::vector<int64_t> indices(static_cast<size_t>(range.count));
    std::iota(indices.begin(), indices.end(), range.start);
    return indices;
  }
  int64_t count = localSize(coord);
  std::vector<int64_t> indices(static_cast<size_t>(count));
  for (int64_t local = 0; local < count; ++local)
    indices[local] = globalIndex(coord, local);
  return indices;
}

int64_t AxisMap::globalIndex(int64_t coord, int64_t local) const {
  switch (Dist.kind) {
  case DimKind::None:
  case DimKind::Block:
    return ownedRange(coord).start + local;
  case DimKind::Cyclic: {
    // The local blocks are global blocks coord, coord + parts, ...
    int64_t k = Dist.blockSize;
    return ((local / k) * Parts + coord) * k + local % k;
  }
  case DimKind::Unstructured:
    return Dist.indices[coord][local];
  }
  return 0;
}

AxisOwner AxisMap::owner(int64_t global) const {
  switch (Dist.kind) {
  case DimKind::None:
    return {0, global};
  case DimKind::Block: {
    if (Dist.bounds.empty()) {
      int64_t coord = blockOwner(Size, Parts, global);
      return {coord, global - blockRange(Size, Parts, coord).start};
    }
    // The last boundary <= global starts the owner's (non-empty) range, so
    // empty parts sharing that boundary are skipped.
    auto next =
        std::upper_bound(Dist.bounds.begin(), Dist.bounds.end(), global);
    int64_t coord = (next - Dist.bounds.begin()) - 1;
    return {coord, global - Dist.bounds[coord]};
  }
  case DimKind::Cyclic: {
    int64_t k = Dist.blockSize;
    int64_t block = global / k;
    return {block % Parts, (block / Parts) * k + global % k};
  }
  case DimKind::Unstructured:
    return OwnerTable[global];
  }
  return {0, 0};
}

GhostIndices AxisMap::ghostIndices(int64_t coord) const {
  GhostIndices ghosts;
  if (Dist.kind != DimKind::Block || Size == 0)
    return ghosts;
  BlockRange range = ownedRange(coord);
  int64_t start = range.start, stop = range.start + range.count;
  // By global index, whoever owns them: next to small or empty chunks the
  // cells come from several ranks, and past an edge they wrap or vanish.
  auto add = [&](std::vector<int64_t> &out, int64_t from, int64_t to) {
    for (int64_t global = from; global < to; ++global) {
      if (Dist.periodic)
        out.push_back(((global % Size) + Size) % Size);
      else if (global >= 0 && global < Size)
        out.push_back(global);
    }
  };
  add(ghosts.lo, start - Dist.haloLo, start);
  add(ghosts.hi, stop, stop + Dist.haloHi);
  return ghosts;
}
