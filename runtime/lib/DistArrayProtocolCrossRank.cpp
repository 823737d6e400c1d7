//===- DistArrayProtocolCrossRank.cpp - DAP checks across ranks -----------===//
//
// The half of the validator that needs every rank's dictionaries: ranks
// agree on each dimension, the grid positions are held by equally many
// replicas in C order, owned ranges tile each axis, communication padding
// is one halo per dimension and unstructured indices cover their axis.
//
//===----------------------------------------------------------------------===//

#include "DistArrayProtocolDetail.h"

#include <algorithm>
#include <map>
#include <string>

using namespace dac::rt;
using namespace dac::rt::dap;

std::pair<int64_t, int64_t> dap::communicationPadding(const DimData &dim) {
  auto [lo, hi] = dim.padding.value_or(std::make_pair(0, 0));
  bool periodic = dim.periodic.value_or(false);
  int64_t rank = *dim.procGridRank, last = *dim.procGridSize - 1;
  return {periodic || rank > 0 ? lo : 0, periodic || rank < last ? hi : 0};
}

OwnedRange dap::ownedRange(const DimData &dim) {
  auto [lo, hi] = communicationPadding(dim);
  return {*dim.start + lo, *dim.stop - hi};
}

DimData dap::normalize(const DimData &dim, int64_t extent) {
  DimData out = dim;
  if (dim.isEmpty()) {
    out.distType = "b";
    out.size = extent;
    out.procGridSize = 1;
    out.procGridRank = 0;
    out.start = 0;
    out.stop = extent;
  }
  if (out.distType == "b") {
    out.padding = out.padding.value_or(std::make_pair(0, 0));
    out.periodic = out.periodic.value_or(false);
  } else if (out.distType == "c") {
    out.blockSize = out.blockSize.value_or(1);
  } else if (out.distType == "u") {
    out.oneToOne = out.oneToOne.value_or(false);
  }
  return out;
}

namespace {

std::string str(int64_t value) { return std::to_string(value); }

std::string range(int64_t start, int64_t stop) {
  return "[" + str(start) + ", " + str(stop) + ")";
}

/// Normalised dictionaries, [rank][dimension].
using DimTable = std::vector<std::vector<DimData>>;

/// What every rank must say alike about dimension \p d.
void checkAgreement(const std::vector<DistBuffer> &ranks, const DimTable &dims,
                    size_t d, std::vector<std::string> &errors) {
  std::string prefix = "dimension " + str(d) + ": ";
  const DimData &first = dims[0][d];
  for (size_t r = 1; r < dims.size(); ++r) {
    const DimData &dim = dims[r][d];
    auto differ = [&](const std::string &what, const std::string &mine,
                      const std::string &theirs) {
      errors.push_back(prefix + "rank " + str(r) + " has " + what + " " + mine +
                       " but rank 0 has " + theirs);
    };
    if (dim.distType != first.distType) {
      differ("dist_type", *dim.distType, *first.distType);
      continue;
    }
    if (dim.size != first.size)
      differ("size", str(*dim.size), str(*first.size));
    if (dim.procGridSize != first.procGridSize)
      differ("proc_grid_size", str(*dim.procGridSize),
             str(*first.procGridSize));
    if (dim.periodic != first.periodic)
      differ("periodic", *dim.periodic ? "true" : "false",
             *first.periodic ? "true" : "false");
    if (dim.blockSize != first.blockSize)
      differ("block_size", str(*dim.blockSize), str(*first.blockSize));
    if (dim.oneToOne != first.oneToOne)
      differ("one_to_one", *dim.oneToOne ? "true" : "false",
             *first.oneToOne ? "true" : "false");
  }
  // Padding is all-or-nothing across ranks; all-zero padding says nothing.
  bool anyGiven = false, anyMissing = false, anyNonZero = false;
  for (const DistBuffer &buffer : ranks) {
    const std::optional<std::pair<int64_t, int64_t>> &padding =
        buffer.dimData[d].padding;
    anyGiven |= padding.has_value();
    anyMissing |= !padding.has_value();
    anyNonZero |= padding && (padding->first || padding->second);
  }
  if (anyGiven && anyMissing && anyNonZero && first.distType == "b")
    errors.push_back(prefix + "padding is given on some ranks but not on "
                              "others (it is all-or-nothing)");
}

/// Every grid position is held by the same number of replicas, the grid
/// product times that number is the rank count, and without replicas rank
/// r sits at the r-th position in C order.
void checkGrid(const DimTable &dims, std::vector<std::string> &errors) {
  int64_t numRanks = static_cast<int64_t>(dims.size());
  std::vector<int64_t> grid;
  int64_t positions = 1;
  bool overflow = false;
  for (const DimData &dim : dims[0]) {
    grid.push_back(*dim.procGridSize);
    overflow |= __builtin_mul_overflow(positions, grid.back(), &positions);
  }
  std::string gridText = "the process grid " + formatPythonTuple(grid);
  if (overflow || positions > numRanks || numRanks % positions) {
    errors.push_back(
        gridText + " has " + (overflow ? "too many" : str(positions)) +
        " positions, which no number of replicas makes the " + str(numRanks) +
        " ranks (grid product x replicas must " + "be the number of ranks)");
    return;
  }
  int64_t replicas = numRanks / positions;
  std::map<std::vector<int64_t>, int64_t> held;
  std::vector<std::vector<int64_t>> coords(dims.size());
  for (size_t r = 0; r < dims.size(); ++r) {
    for (const DimData &dim : dims[r])
      coords[r].push_back(*dim.procGridRank);
    ++held[coords[r]];
  }
  for (int64_t position = 0; position < positions; ++position) {
    std::vector<int64_t> at(grid.size());
    for (size_t i = grid.size(), rest = position; i-- > 0; rest /= grid[i])
      at[i] = static_cast<int64_t>(rest % grid[i]);
    int64_t count = held.count(at) ? held[at] : 0;
    if (count != replicas) {
      errors.push_back(gridText + " x " + str(replicas) + " replica" +
                       (replicas == 1 ? "" : "s") + " does not match the " +
                       str(numRanks) + " ranks: grid position " +
                       formatPythonTuple(at) + " is held by " + str(count) +
                       " rank" + (count == 1 ? "" : "s"));
      return;
    }
    if (replicas == 1 && coords[position] != at) {
      errors.push_back("rank " + str(position) + " is at grid position " +
                       formatPythonTuple(coords[position]) +
                       " but the C-ordered grid puts it at " +
                       formatPythonTuple(at));
      return;
    }
  }
}

/// The dictionary of each grid position of dimension \p d; ranks at the
/// same position (replicas, or ranks that differ only along other
/// dimensions) must describe the same chunk of it.
std::vector<const DimData *> positionsOf(const DimTable &dims, size_t d,
                                         std::vector<std::string> &errors) {
  std::vector<const DimData *> at(static_cast<size_t>(*dims[0][d].procGridSize),
                                  nullptr);
  std::vector<size_t> firstRank(at.size());
  for (size_t r = 0; r < dims.size(); ++r) {
    const DimData &dim = dims[r][d];
    size_t c = static_cast<size_t>(*dim.procGridRank);
    if (!at[c]) {
      at[c] = &dim;
      firstRank[c] = r;
    } else if (*at[c] != dim) {
      errors.push_back("dimension " + str(d) + ": ranks " + str(firstRank[c]) +
                       " and " + str(r) + " are both at grid position " +
                       str(c) + " of it but describe different chunks");
    }
  }
  return at;
}

void checkBlockAxis(const std::vector<const DimData *> &at, size_t d,
                    std::vector<std::string> &errors) {
  std::string prefix = "dimension " + str(d) + ": ";
  int64_t size = *at[0]->size;
  bool periodic = *at[0]->periodic;
  std::vector<OwnedRange> owned;
  bool tiles = true;
  int64_t next = 0;
  for (const DimData *dim : at) {
    owned.push_back(ownedRange(*dim));
    tiles &= owned.back().start == next && owned.back().stop >= next;
    next = owned.back().stop;
  }
  if (!tiles || next != size) {
    std::string ranges;
    for (const OwnedRange &piece : owned)
      ranges += " " + range(piece.start, piece.stop);
    errors.push_back(prefix +
                     "the owned ranges (start/stop less "
                     "communication padding)" +
                     ranges + " do not tile the axis " + range(0, size));
    return;
  }
  // One halo per dimension: the widest communication padding on each side,
  // cut at a non-periodic edge as dac's ghost cells are.
  int64_t last = static_cast<int64_t>(at.size()) - 1, haloLo = 0, haloHi = 0;
  for (const DimData *dim : at) {
    auto [lo, hi] = communicationPadding(*dim);
    haloLo = std::max(haloLo, lo);
    haloHi = std::max(haloHi, hi);
  }
  for (int64_t c = 0; c <= last; ++c) {
    auto [lo, hi] = communicationPadding(*at[c]);
    int64_t wantLo = periodic ? haloLo : std::min(haloLo, owned[c].start);
    int64_t wantHi = periodic ? haloHi : std::min(haloHi, size - owned[c].stop);
    auto report = [&](const char *side, int64_t got, int64_t want) {
      errors.push_back(prefix +
                       "communication padding disagrees between "
                       "neighbours: grid position " +
                       str(c) + " has " + str(got) + " " + side +
                       " its owned range where the dimension's halo gives " +
                       str(want));
    };
    if ((periodic || c > 0) && lo != wantLo)
      report("below", lo, wantLo);
    if ((periodic || c < last) && hi != wantHi)
      report("above", hi, wantHi);
  }
}

void checkUnstructuredAxis(const std::vector<const DimData *> &at, size_t d,
                           std::vector<std::string> &errors) {
  std::string prefix = "dimension " + str(d) + ": ";
  int64_t size = *at[0]->size;
  bool oneToOne = *at[0]->oneToOne;
  std::vector<int64_t> holder(static_cast<size_t>(size), -1);
  size_t reported = 0;
  for (size_t c = 0; c < at.size(); ++c) {
    for (int64_t index : *at[c]->indices) {
      if (holder[index] >= 0 && oneToOne && reported++ < 5)
        errors.push_back(prefix + "index " + str(index) +
                         " is on grid positions " + str(holder[index]) +
                         " and " + str(static_cast<int64_t>(c)) +
                         " although one_to_one is true");
      if (holder[index] < 0)
        holder[index] = static_cast<int64_t>(c);
    }
  }
  auto missing = std::find(holder.begin(), holder.end(), -1);
  if (missing != holder.end())
    errors.push_back(prefix + "index " + str(missing - holder.begin()) +
                     " is on no grid position (" +
                     str(std::count(holder.begin(), holder.end(), -1)) +
                     " indices are missing)");
}

} // namespace

std::vector<std::string>
dap::validateAll(const std::vector<DistBuffer> &ranks) {
  std::vector<std::string> errors;
  if (ranks.empty())
    return {"there are no ranks"};
  for (size_t r = 0; r < ranks.size(); ++r)
    for (const std::string &error : validateLocal(ranks[r]))
      errors.push_back("rank " + str(r) + ": " + error);
  if (!errors.empty())
    return errors;
  size_t numDims = ranks[0].dimData.size();
  for (size_t r = 1; r < ranks.size(); ++r)
    if (ranks[r].dimData.size() != numDims)
      errors.push_back("rank " + str(r) + " has " +
                       str(ranks[r].dimData.size()) +
                       " dimensions but rank 0 has " + str(numDims));
  if (!errors.empty())
    return errors;

  DimTable dims(ranks.size());
  for (size_t r = 0; r < ranks.size(); ++r)
    for (size_t d = 0; d < numDims; ++d)
      dims[r].push_back(
          normalize(ranks[r].dimData[d], ranks[r].bufferShape[d]));
  for (size_t d = 0; d < numDims; ++d)
    checkAgreement(ranks, dims, d, errors);
  if (!errors.empty())
    return errors;
  checkGrid(dims, errors);
  if (!errors.empty())
    return errors;
  for (size_t d = 0; d < numDims; ++d) {
    size_t before = errors.size();
    std::vector<const DimData *> at = positionsOf(dims, d, errors);
    if (errors.size() != before)
      continue;
    if (at[0]->distType == "b")
      checkBlockAxis(at, d, errors);
    else if (at[0]->distType == "u")
      checkUnstructuredAxis(at, d, errors);
  }
  return errors;
}
