//===- LayoutMap.cpp - Layouts of whole arrays ----------------------------===//
//
// Resolves the process grid of a layout and maps between global
// multi-indices and (rank, local multi-index) through the per-axis maps.
//
//===----------------------------------------------------------------------===//

#include "ExchangePlan.h"
#include "dac/Runtime/Layout.h"

#include <string>
#include <utility>

using namespace dac::rt;

namespace {

std::string plural(int64_t count, const char *noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

std::string dimPrefix(unsigned dim) {
  return "dimension " + std::to_string(dim) + ": ";
}

/// An explicit grid, checked against the dimensions and the rank count.
std::vector<int64_t> checkGrid(const std::vector<int64_t> &grid,
                               const std::vector<DimDistribution> &dims,
                               const std::vector<unsigned> &distDims,
                               int64_t numRanks) {
  // Nothing distributed: every rank holds a replica, whatever their number.
  if (grid.empty() && distDims.empty())
    return grid;
  if (grid.size() != distDims.size())
    throw LayoutError(
        "the process grid " + formatPythonTuple(grid) + " has " +
        plural(static_cast<int64_t>(grid.size()), "extent") +
        " but the layout has " +
        plural(static_cast<int64_t>(distDims.size()), "distributed dimension"));
  for (int64_t extent : grid)
    if (extent < 1)
      throw LayoutError("process grid extents must be at least 1, got " +
                        formatPythonTuple(grid));
  // Divide instead of multiplying so that huge extents cannot overflow.
  int64_t rest = numRanks;
  for (int64_t extent : grid) {
    if (rest % extent) {
      rest = -1;
      break;
    }
    rest /= extent;
  }
  if (rest != 1)
    throw LayoutError("the process grid " + formatPythonTuple(grid) +
                      " does not multiply to the " + plural(numRanks, "rank") +
                      " of the program");
  for (size_t i = 0; i < grid.size(); ++i) {
    std::optional<int64_t> fixed = dims[distDims[i]].fixedParts();
    if (fixed && *fixed != grid[i])
      throw LayoutError(
          dimPrefix(distDims[i]) + "its " +
          (dims[distDims[i]].kind == DimKind::Block ? "bounds" : "indices") +
          " describe " + plural(*fixed, "part") +
          " but the process grid gives it " + std::to_string(grid[i]));
  }
  return grid;
}

/// The grid chosen at run time: extents fixed by bounds or index lists
/// stay, the remaining ranks go to the other axes by chooseGrid.
std::vector<int64_t> chooseLayoutGrid(const std::vector<int64_t> &shape,
                                      const std::vector<DimDistribution> &dims,
                                      const std::vector<unsigned> &distDims,
                                      int64_t numRanks) {
  std::vector<int64_t> grid(distDims.size(), 0), freeLengths;
  std::vector<size_t> freeSlots;
  int64_t fixedProduct = 1;
  for (size_t i = 0; i < distDims.size(); ++i) {
    if (std::optional<int64_t> fixed = dims[distDims[i]].fixedParts()) {
      grid[i] = *fixed;
      fixedProduct *= *fixed;
    } else {
      freeSlots.push_back(i);
      freeLengths.push_back(shape[distDims[i]]);
    }
  }
  if (freeSlots.empty()) {
    if (!distDims.empty() && fixedProduct != numRanks)
      throw LayoutError("the bounds/indices fix a process grid " +
                        formatPythonTuple(grid) + " of " +
                        plural(fixedProduct, "position") + " but there are " +
                        plural(numRanks, "rank"));
    return grid;
  }
  if (fixedProduct < 1 || numRanks % fixedProduct)
    throw LayoutError(
        "the bounds/indices fix " + plural(fixedProduct, "grid position") +
        ", which does not divide the " + plural(numRanks, "rank"));
  std::vector<int64_t> rest = chooseGrid(freeLengths, numRanks / fixedProduct);
  for (size_t i = 0; i < freeSlots.size(); ++i)
    grid[freeSlots[i]] = rest[i];
  return grid;
}

} // namespace

Layout::Layout(std::vector<int64_t> shape, std::vector<DimDistribution> dims,
               int64_t numRanks, std::optional<std::vector<int64_t>> grid)
    : Shape(std::move(shape)), NumRanks(numRanks) {
  if (numRanks < 1)
    throw LayoutError("the number of ranks must be at least 1, got " +
                      std::to_string(numRanks));
  if (dims.size() != Shape.size())
    throw LayoutError("the layout has " +
                      plural(static_cast<int64_t>(dims.size()), "dimension") +
                      " but the array has " +
                      plural(static_cast<int64_t>(Shape.size()), "dimension"));
  for (unsigned d = 0; d < dims.size(); ++d) {
    if (Shape[d] < 0)
      throw LayoutError(dimPrefix(d) +
                        "the axis length must be "
                        "non-negative, got " +
                        std::to_string(Shape[d]));
    try {
      validateDimDistribution(dims[d], Shape[d]);
    } catch (const LayoutError &error) {
      throw LayoutError(dimPrefix(d) + error.what());
    }
    if (dims[d].isDistributed())
      DistDims.push_back(d);
  }
  Grid = grid ? checkGrid(*grid, dims, DistDims, numRanks)
              : chooseLayoutGrid(Shape, dims, DistDims, numRanks);
  size_t next = 0;
  for (unsigned d = 0; d < dims.size(); ++d) {
    int64_t parts = dims[d].isDistributed() ? Grid[next++] : 1;
    Axes.emplace_back(std::move(dims[d]), Shape[d], parts);
  }
}

std::vector<int64_t> Layout::gridPerDim() const {
  std::vector<int64_t> extents;
  for (const AxisMap &axis : Axes)
    extents.push_back(axis.parts());
  return extents;
}

std::vector<int64_t> Layout::gridCoords(int64_t rank) const {
  std::vector<int64_t> coords(Grid.size());
  // C order: the last grid dimension varies fastest.
  for (size_t i = Grid.size(); i-- > 0;) {
    coords[i] = rank % Grid[i];
    rank /= Grid[i];
  }
  return coords;
}

int64_t Layout::rankAt(const std::vector<int64_t> &coords) const {
  int64_t rank = 0;
  for (size_t i = 0; i < Grid.size(); ++i)
    rank = rank * Grid[i] + coords[i];
  return rank;
}

int64_t Layout::coordAlong(int64_t rank, unsigned dim) const {
  std::vector<int64_t> coords = gridCoords(rank);
  for (size_t i = 0; i < DistDims.size(); ++i)
    if (DistDims[i] == dim)
      return coords[i];
  return 0;
}

std::vector<int64_t> Layout::localShape(int64_t rank) const {
  std::vector<int64_t> shape(Shape.size());
  for (unsigned d = 0; d < Shape.size(); ++d)
    shape[d] = Axes[d].localSize(coordAlong(rank, d));
  return shape;
}

std::vector<int64_t> Layout::ownedIndices(int64_t rank, unsigned dim) const {
  return Axes[dim].ownedIndices(coordAlong(rank, dim));
}

std::vector<int64_t> Layout::ownedPositions(int64_t rank) const {
  unsigned dims = this->rank();
  std::vector<std::vector<int64_t>> owned(dims);
  std::vector<int64_t> strides(dims, 1);
  for (unsigned d = dims; d-- > 0;) {
    owned[d] = ownedIndices(rank, d);
    if (d + 1 < dims)
      strides[d] = strides[d + 1] * Shape[d + 1];
  }
  std::vector<int64_t> positions;
  for (const std::vector<int64_t> &indices : owned)
    if (indices.empty())
      return positions;
  std::vector<size_t> at(dims, 0);
  do {
    int64_t global = 0;
    for (unsigned d = 0; d < dims; ++d)
      global += owned[d][at[d]] * strides[d];
    positions.push_back(global);
  } while (
      exchange::advance(at, dims, [&](size_t d) { return owned[d].size(); }));
  return positions;
}

GhostIndices Layout::ghostIndices(int64_t rank, unsigned dim) const {
  return Axes[dim].ghostIndices(coordAlong(rank, dim));
}

ElementOwner Layout::owner(const std::vector<int64_t> &global) const {
  ElementOwner result{0, std::vector<int64_t>(Shape.size())};
  std::vector<int64_t> coords;
  for (unsigned d = 0; d < Shape.size(); ++d) {
    AxisOwner axisOwner = Axes[d].owner(global[d]);
    result.local[d] = axisOwner.local;
    if (Axes[d].distribution().isDistributed())
      coords.push_back(axisOwner.coord);
  }
  result.rank = rankAt(coords);
  return result;
}

int64_t Layout::ownerInto(const int64_t *global, int64_t *local) const {
  // rankAt over the distributed dimensions, without building vectors.
  int64_t rank = 0;
  size_t axis = 0;
  for (unsigned d = 0; d < Shape.size(); ++d) {
    AxisOwner axisOwner = Axes[d].owner(global[d]);
    local[d] = axisOwner.local;
    if (Axes[d].distribution().isDistributed())
      rank = rank * Grid[axis++] + axisOwner.coord;
  }
  return rank;
}

std::vector<int64_t>
Layout::globalIndex(int64_t rank, const std::vector<int64_t> &local) const {
  std::vector<int64_t> global(Shape.size());
  for (unsigned d = 0; d < Shape.size(); ++d)
    global[d] = Axes[d].globalIndex(coordAlong(rank, d), local[d]);
  return global;
}
