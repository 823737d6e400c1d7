//===- LayoutExhaustiveTest.cpp - Layouts against brute-force tables ------===//
//
// For small axes (n <= 20), rank counts p <= 8 and block sizes k <= 4, in
// one, two and three dimensions, every layout is compared with an owner
// table built here independently, by dealing out elements or blocks the way
// the rules describe them. Checked: local shapes, owned indices in local
// order, global -> (rank, local), local -> global, and that the chunks of
// all ranks partition the index space.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <random>
#include <string>
#include <vector>

using namespace dac::rt;

namespace {

using Indices = std::vector<int64_t>;

/// Who owns each global index of one axis: (grid coordinate, local index).
struct AxisTable {
  std::vector<AxisOwner> owner;
  std::vector<Indices> owned; // per coordinate, in local order
};

AxisTable emptyTable(int64_t size, int64_t parts) {
  AxisTable table;
  table.owner.resize(size);
  table.owned.resize(parts);
  return table;
}

void give(AxisTable &table, int64_t global, int64_t coord) {
  table.owner[global] = {coord,
                         static_cast<int64_t>(table.owned[coord].size())};
  table.owned[coord].push_back(global);
}

/// The rules, written as the dealing they describe.
AxisTable bruteForce(const DimDistribution &dist, int64_t size, int64_t parts) {
  AxisTable table = emptyTable(size, parts);
  switch (dist.kind) {
  case DimKind::None:
    for (int64_t g = 0; g < size; ++g)
      give(table, g, 0);
    break;
  case DimKind::Block:
    if (!dist.bounds.empty()) {
      for (int64_t c = 0; c < parts; ++c)
        for (int64_t g = dist.bounds[c]; g < dist.bounds[c + 1]; ++g)
          give(table, g, c);
    } else {
      // Hand out one element at a time to ranks in order: each gets its
      // quota, the first size % parts one more.
      int64_t g = 0;
      for (int64_t c = 0; c < parts; ++c) {
        int64_t quota = size / parts + (c < size % parts ? 1 : 0);
        for (int64_t i = 0; i < quota; ++i)
          give(table, g++, c);
      }
    }
    break;
  case DimKind::Cyclic:
    // Deal blocks of k round-robin; the last may be partial.
    for (int64_t block = 0; block * dist.blockSize < size; ++block)
      for (int64_t g = block * dist.blockSize;
           g < std::min(size, (block + 1) * dist.blockSize); ++g)
        give(table, g, block % parts);
    break;
  case DimKind::Unstructured:
    for (int64_t c = 0; c < parts; ++c)
      for (int64_t g : dist.indices[c])
        give(table, g, c);
    break;
  }
  return table;
}

/// Random irregular bounds of \p parts parts (some empty).
Indices randomBounds(int64_t size, int64_t parts, std::mt19937 &rng) {
  Indices bounds{0};
  for (int64_t c = 1; c < parts; ++c)
    bounds.push_back(std::uniform_int_distribution<int64_t>(0, size)(rng));
  bounds.push_back(size);
  std::sort(bounds.begin(), bounds.end());
  return bounds;
}

/// A random partition of [0, size) into \p parts lists in random order.
std::vector<Indices> randomLists(int64_t size, int64_t parts,
                                 std::mt19937 &rng) {
  Indices all(size);
  std::iota(all.begin(), all.end(), 0);
  std::shuffle(all.begin(), all.end(), rng);
  std::vector<Indices> lists(parts);
  for (int64_t g : all)
    lists[std::uniform_int_distribution<int64_t>(0, parts - 1)(rng)].push_back(
        g);
  return lists;
}

/// The kinds of distribution the tests combine; `parts` fixes bounds and
/// index lists.
DimDistribution makeDim(int which, int64_t size, int64_t parts,
                        std::mt19937 &rng) {
  switch (which) {
  case 0:
    return DimDistribution::none();
  case 1:
    return DimDistribution::block();
  case 2:
    return DimDistribution::irregularBlock(randomBounds(size, parts, rng));
  case 3:
  case 4:
  case 5:
  case 6:
    return DimDistribution::cyclic(which - 2);
  case 7:
    return DimDistribution::unstructured(randomLists(size, parts, rng));
  default: {
    int64_t lo = std::uniform_int_distribution<int64_t>(0, size)(rng);
    int64_t hi = std::uniform_int_distribution<int64_t>(0, size)(rng);
    return DimDistribution::haloBlock(lo, hi, which == 9);
  }
  }
}
constexpr int NumDimKinds = 10;

std::string describe(const Layout &layout) {
  std::string text = "shape " + formatPythonTuple(layout.shape()) + " dist ";
  for (unsigned d = 0; d < layout.rank(); ++d) {
    const DimDistribution &dist = layout.dim(d);
    text += dimKindCode(dist.kind);
    if (dist.kind == DimKind::Cyclic)
      text += std::to_string(dist.blockSize);
    if (!dist.bounds.empty())
      text += "{bounds}";
    if (dist.haloLo || dist.haloHi)
      text += "{halo}";
  }
  return text + " grid " + formatPythonTuple(layout.grid()) + " on " +
         std::to_string(layout.numRanks());
}

/// Compares \p layout with brute-force tables, element by element.
void checkAgainstBruteForce(const Layout &layout) {
  SCOPED_TRACE(describe(layout));
  unsigned rank = layout.rank();
  std::vector<AxisTable> tables;
  for (unsigned d = 0; d < rank; ++d)
    tables.push_back(
        bruteForce(layout.dim(d), layout.shape()[d], layout.axis(d).parts()));
  // Grid coordinates of a rank in C order, computed here from the extents.
  Indices extents = layout.gridPerDim();
  auto coordsOf = [&](int64_t r) {
    Indices coords(rank);
    for (unsigned d = rank; d-- > 0;) {
      coords[d] = r % extents[d];
      r /= extents[d];
    }
    return coords;
  };
  int64_t positions = 1;
  for (int64_t extent : extents)
    positions *= extent;
  for (int64_t r = 0; r < layout.numRanks(); ++r) {
    // A fully replicated layout has one position held by every rank.
    Indices coords = coordsOf(positions == 1 ? 0 : r);
    Indices shape = layout.localShape(r);
    for (unsigned d = 0; d < rank; ++d) {
      const Indices &want = tables[d].owned[coords[d]];
      ASSERT_EQ(layout.ownedIndices(r, d), want)
          << "rank " << r << " dim " << d;
      ASSERT_EQ(shape[d], static_cast<int64_t>(want.size()));
    }
  }
  // Every global element: its owner, and back from the owner's local index.
  Indices global(rank, 0);
  int64_t total = 1;
  for (int64_t extent : layout.shape())
    total *= extent;
  std::vector<int64_t> ownedCount(layout.numRanks(), 0);
  for (int64_t flat = 0; flat < total; ++flat) {
    int64_t rest = flat;
    for (unsigned d = rank; d-- > 0;) {
      global[d] = rest % layout.shape()[d];
      rest /= layout.shape()[d];
    }
    Indices wantCoords(rank), wantLocal(rank);
    for (unsigned d = 0; d < rank; ++d) {
      wantCoords[d] = tables[d].owner[global[d]].coord;
      wantLocal[d] = tables[d].owner[global[d]].local;
    }
    int64_t wantRank = 0;
    for (unsigned d = 0; d < rank; ++d)
      wantRank = wantRank * extents[d] + wantCoords[d];
    ElementOwner got = layout.owner(global);
    ASSERT_EQ(got.rank, wantRank) << "global " << formatPythonTuple(global);
    ASSERT_EQ(got.local, wantLocal) << "global " << formatPythonTuple(global);
    ASSERT_EQ(layout.globalIndex(got.rank, got.local), global);
    ++ownedCount[got.rank];
  }
  // The chunks partition the index space: each rank's chunk holds exactly
  // the elements it is the owner of (replicas aside).
  if (positions == layout.numRanks()) {
    for (int64_t r = 0; r < layout.numRanks(); ++r) {
      Indices shape = layout.localShape(r);
      int64_t size = 1;
      for (int64_t extent : shape)
        size *= extent;
      ASSERT_EQ(size, ownedCount[r]) << "rank " << r;
    }
  }
}

/// Every ordered tuple of \p count positive integers with product \p p.
std::vector<Indices> orderedGrids(int64_t p, unsigned count) {
  if (count == 0)
    return p == 1 ? std::vector<Indices>{{}} : std::vector<Indices>{};
  std::vector<Indices> out;
  for (int64_t first = 1; first <= p; ++first) {
    if (p % first)
      continue;
    for (Indices rest : orderedGrids(p / first, count - 1)) {
      rest.insert(rest.begin(), first);
      out.push_back(rest);
    }
  }
  return out;
}

/// Builds and checks the layout of \p kinds (one per dimension) for every
/// ordered grid on \p p ranks, and with the grid chosen automatically.
void checkAllGrids(const Indices &shape, const std::vector<int> &kinds,
                   int64_t p, std::mt19937 &rng) {
  unsigned numDistributed = 0;
  for (int kind : kinds)
    numDistributed += kind != 0;
  for (const Indices &grid : orderedGrids(p, numDistributed)) {
    std::vector<DimDistribution> dims;
    size_t next = 0;
    for (size_t d = 0; d < kinds.size(); ++d)
      dims.push_back(
          makeDim(kinds[d], shape[d], kinds[d] ? grid[next++] : 1, rng));
    checkAgainstBruteForce(Layout(shape, dims, p, grid));
    if (::testing::Test::HasFatalFailure())
      return;
    // Without a grid: fixed extents stay, and the result must be a grid
    // that multiplies to p.
    Layout chosen(shape, dims, p);
    int64_t product = 1;
    for (int64_t extent : chosen.grid())
      product *= extent;
    ASSERT_EQ(product, numDistributed ? p : 1);
    checkAgainstBruteForce(chosen);
    if (::testing::Test::HasFatalFailure())
      return;
  }
}

TEST(LayoutExhaustive, OneDimension) {
  std::mt19937 rng(1);
  for (int64_t n = 0; n <= 20; ++n)
    for (int64_t p = 1; p <= 8; ++p)
      for (int kind = 0; kind < NumDimKinds; ++kind)
        for (int repeat = 0; repeat < 3; ++repeat) {
          checkAllGrids({n}, {kind}, p, rng);
          if (HasFatalFailure())
            return;
        }
}

TEST(LayoutExhaustive, TwoDimensions) {
  std::mt19937 rng(2);
  const Indices sizes{0, 1, 2, 3, 5, 7};
  for (int64_t n0 : sizes)
    for (int64_t n1 : sizes)
      for (int64_t p = 1; p <= 8; ++p)
        for (int k0 = 0; k0 < NumDimKinds; ++k0)
          for (int k1 = 0; k1 < NumDimKinds; ++k1) {
            checkAllGrids({n0, n1}, {k0, k1}, p, rng);
            if (HasFatalFailure())
              return;
          }
}

TEST(LayoutExhaustive, ThreeDimensionsSampled) {
  std::mt19937 rng(3);
  std::uniform_int_distribution<int64_t> size(0, 6), ranks(1, 8);
  std::uniform_int_distribution<int> kind(0, NumDimKinds - 1);
  for (int sample = 0; sample < 3000; ++sample) {
    checkAllGrids({size(rng), size(rng), size(rng)},
                  {kind(rng), kind(rng), kind(rng)}, ranks(rng), rng);
    if (HasFatalFailure())
      return;
  }
}

TEST(LayoutExhaustive, EveryRankCountUpTo8ForTheOracleShapes) {
  // Larger axes than above, single dimension, every block size up to 4.
  std::mt19937 rng(4);
  for (int64_t n : {9, 10, 16, 17, 20})
    for (int64_t p = 1; p <= 8; ++p)
      for (int64_t k = 1; k <= 4; ++k)
        checkAgainstBruteForce(Layout({n}, {DimDistribution::cyclic(k)}, p));
}

} // namespace
