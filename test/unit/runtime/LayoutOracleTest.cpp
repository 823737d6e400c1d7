//===- LayoutOracleTest.cpp - The rows of oracle/DISTRIBUTIONS.md ---------===//
//
// Every layout case of /work/shared/oracle/DISTRIBUTIONS.md (block,
// irregular, cyclic and block-cyclic, two and three dimensions, grid
// choice), one named test each, through the runtime's Layout.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Layout.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

using namespace dac::rt;

namespace {

using Indices = std::vector<int64_t>;
using Ranges = std::vector<std::pair<int64_t, int64_t>>;

/// A one-dimensional layout of \p size elements on \p ranks ranks.
Layout layout1d(int64_t size, int64_t ranks, DimDistribution dist) {
  return Layout({size}, {std::move(dist)}, ranks);
}

/// [start, stop) of every rank of a one-dimensional block layout.
Ranges ranges(const Layout &layout) {
  Ranges out;
  for (int64_t r = 0; r < layout.numRanks(); ++r) {
    BlockRange range = layout.axis(0).ownedRange(layout.coordAlong(r, 0));
    out.emplace_back(range.start, range.start + range.count);
  }
  return out;
}

std::vector<Indices> ownedPerRank(const Layout &layout, unsigned dim = 0) {
  std::vector<Indices> out;
  for (int64_t r = 0; r < layout.numRanks(); ++r)
    out.push_back(layout.ownedIndices(r, dim));
  return out;
}

std::vector<Indices> localShapes(const Layout &layout) {
  std::vector<Indices> out;
  for (int64_t r = 0; r < layout.numRanks(); ++r)
    out.push_back(layout.localShape(r));
  return out;
}

Ranges blockRanges(int64_t size, int64_t ranks) {
  return ranges(layout1d(size, ranks, DimDistribution::block()));
}

//===----------------------------------------------------------------------===//
// Block (balanced)
//===----------------------------------------------------------------------===//

TEST(BlockOracle, Size10On3Ranks) {
  // Not DistArray's ceil rule (4, 4, 2).
  EXPECT_EQ(blockRanges(10, 3), (Ranges{{0, 4}, {4, 7}, {7, 10}}));
}

TEST(BlockOracle, Size10On4Ranks) {
  EXPECT_EQ(blockRanges(10, 4), (Ranges{{0, 3}, {3, 6}, {6, 8}, {8, 10}}));
  Layout layout = layout1d(10, 4, DimDistribution::block());
  EXPECT_EQ(layout.owner({9}).rank, 3);
  EXPECT_EQ(layout.owner({9}).local, Indices{1});
  EXPECT_EQ(layout.owner({5}).rank, 1);
  EXPECT_EQ(layout.owner({5}).local, Indices{2});
}

TEST(BlockOracle, Size9On4Ranks) {
  EXPECT_EQ(blockRanges(9, 4), (Ranges{{0, 3}, {3, 5}, {5, 7}, {7, 9}}));
}

TEST(BlockOracle, Size300On4Ranks) {
  EXPECT_EQ(blockRanges(300, 4),
            (Ranges{{0, 75}, {75, 150}, {150, 225}, {225, 300}}));
  // DistArray's ones((300, 10)) example.
  Layout layout({300, 10}, {DimDistribution::block(), DimDistribution::none()},
                4);
  EXPECT_EQ(localShapes(layout), (std::vector<Indices>(4, Indices{75, 10})));
}

TEST(BlockOracle, Size3On4RanksLeavesTheLastEmpty) {
  EXPECT_EQ(blockRanges(3, 4), (Ranges{{0, 1}, {1, 2}, {2, 3}, {3, 3}}));
  Layout layout = layout1d(3, 4, DimDistribution::block());
  EXPECT_EQ(layout.localShape(3), Indices{0});
  EXPECT_TRUE(layout.ownedIndices(3, 0).empty());
}

TEST(BlockOracle, Size0On2RanksIsEmptyEverywhere) {
  EXPECT_EQ(blockRanges(0, 2), (Ranges{{0, 0}, {0, 0}}));
}

TEST(BlockOracle, IrregularBounds) {
  Layout layout =
      layout1d(9, 4, DimDistribution::irregularBlock({0, 2, 6, 7, 9}));
  EXPECT_EQ(localShapes(layout), (std::vector<Indices>{{2}, {4}, {1}, {2}}));
  EXPECT_EQ(ranges(layout), (Ranges{{0, 2}, {2, 6}, {6, 7}, {7, 9}}));
  EXPECT_EQ(layout.owner({6}).rank, 2);
  EXPECT_EQ(layout.owner({5}).local, Indices{3});
}

//===----------------------------------------------------------------------===//
// Cyclic and block-cyclic
//===----------------------------------------------------------------------===//

TEST(CyclicOracle, Size10On4RanksBlock1) {
  Layout layout = layout1d(10, 4, DimDistribution::cyclic(1));
  EXPECT_EQ(ownedPerRank(layout),
            (std::vector<Indices>{{0, 4, 8}, {1, 5, 9}, {2, 6}, {3, 7}}));
  // On rank 1: global 9 -> local 2; global 6 is not owned (rank 2's).
  EXPECT_EQ(layout.owner({9}).rank, 1);
  EXPECT_EQ(layout.owner({9}).local, Indices{2});
  EXPECT_NE(layout.owner({6}).rank, 1);
}

TEST(CyclicOracle, Size16On4RanksBlock2) {
  Layout layout = layout1d(16, 4, DimDistribution::cyclic(2));
  EXPECT_EQ(layout.ownedIndices(1, 0), (Indices{2, 3, 10, 11}));
  for (int64_t local = 0; local < 4; ++local)
    EXPECT_EQ(layout.owner({layout.ownedIndices(1, 0)[local]}).local,
              Indices{local});
  EXPECT_EQ(localShapes(layout), (std::vector<Indices>(4, Indices{4})));
}

TEST(CyclicOracle, Size7On2RanksBlock2GivesThePartialBlockToRank1) {
  // DistArray wrongly said 5, 2.
  Layout layout = layout1d(7, 2, DimDistribution::cyclic(2));
  EXPECT_EQ(ownedPerRank(layout),
            (std::vector<Indices>{{0, 1, 4, 5}, {2, 3, 6}}));
}

TEST(CyclicOracle, Size9On4RanksBlock5) {
  Layout layout = layout1d(9, 4, DimDistribution::cyclic(5));
  EXPECT_EQ(ownedPerRank(layout),
            (std::vector<Indices>{{0, 1, 2, 3, 4}, {5, 6, 7, 8}, {}, {}}));
}

TEST(CyclicOracle, Size9On4RanksBlock2) {
  Layout layout = layout1d(9, 4, DimDistribution::cyclic(2));
  EXPECT_EQ(ownedPerRank(layout),
            (std::vector<Indices>{{0, 1, 8}, {2, 3}, {4, 5}, {6, 7}}));
}

TEST(CyclicOracle, Size10On4RanksBlock3) {
  Layout layout = layout1d(10, 4, DimDistribution::cyclic(3));
  EXPECT_EQ(ownedPerRank(layout),
            (std::vector<Indices>{{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {9}}));
}

//===----------------------------------------------------------------------===//
// Two and three dimensions
//===----------------------------------------------------------------------===//

TEST(MultiDimOracle, BlockBlock5x9OnGrid2x2) {
  Layout layout({5, 9}, {DimDistribution::block(), DimDistribution::block()}, 4,
                std::vector<int64_t>{2, 2});
  EXPECT_EQ(layout.ownedIndices(0, 0), (Indices{0, 1, 2}));
  EXPECT_EQ(layout.ownedIndices(2, 0), (Indices{3, 4}));
  EXPECT_EQ(layout.ownedIndices(0, 1), (Indices{0, 1, 2, 3, 4}));
  EXPECT_EQ(layout.ownedIndices(1, 1), (Indices{5, 6, 7, 8}));
  ElementOwner owner = layout.owner({4, 8});
  EXPECT_EQ(owner.rank, 3);
  EXPECT_EQ(owner.local, (Indices{1, 3}));
}

TEST(MultiDimOracle, CyclicCyclic3x5OnGrid2x2) {
  Layout layout({3, 5}, {DimDistribution::cyclic(), DimDistribution::cyclic()},
                4, std::vector<int64_t>{2, 2});
  for (int64_t r = 0; r < 3; ++r)
    for (int64_t c = 0; c < 5; ++c)
      EXPECT_EQ(layout.owner({r, c}).rank, (r % 2) * 2 + (c % 2))
          << "(" << r << ", " << c << ")";
}

TEST(MultiDimOracle, NoneBlockCyclic2x3x4On4Ranks) {
  Layout layout({2, 3, 4},
                {DimDistribution::none(), DimDistribution::block(),
                 DimDistribution::cyclic()},
                4);
  // The oracle writes DistArray's grid form, with 1 for the 'n' dimension;
  // dac's grid covers the distributed dimensions only.
  EXPECT_EQ(layout.gridPerDim(), (Indices{1, 2, 2}));
  EXPECT_EQ(layout.grid(), (Indices{2, 2}));
  EXPECT_EQ(localShapes(layout),
            (std::vector<Indices>{{2, 2, 2}, {2, 2, 2}, {2, 1, 2}, {2, 1, 2}}));
}

//===----------------------------------------------------------------------===//
// Grid choice
//===----------------------------------------------------------------------===//

Indices chosenGrid(Indices shape, const char *dist, int64_t ranks) {
  std::vector<DimDistribution> dims;
  for (const char *c = dist; *c; ++c)
    dims.push_back(*c == 'b' ? DimDistribution::block()
                             : DimDistribution::none());
  return Layout(std::move(shape), std::move(dims), ranks).gridPerDim();
}

TEST(GridChoiceOracle, Square20x20On12) {
  EXPECT_EQ(chosenGrid({20, 20}, "bb", 12), (Indices{3, 4}));
}

TEST(GridChoiceOracle, Wide20x60On12) {
  EXPECT_EQ(chosenGrid({20, 60}, "bb", 12), (Indices{2, 6}));
}

TEST(GridChoiceOracle, Tall60x20On12) {
  EXPECT_EQ(chosenGrid({60, 20}, "bb", 12), (Indices{6, 2}));
}

TEST(GridChoiceOracle, ThreeDims100x50x300On12) {
  EXPECT_EQ(chosenGrid({100, 50, 300}, "bbb", 12), (Indices{2, 1, 6}));
}

TEST(GridChoiceOracle, ThreeDims100x100x150On12) {
  EXPECT_EQ(chosenGrid({100, 100, 150}, "bbb", 12), (Indices{2, 2, 3}));
}

TEST(GridChoiceOracle, BlockNone20x20On12) {
  EXPECT_EQ(chosenGrid({20, 20}, "bn", 12), (Indices{12, 1}));
  Layout layout({20, 20}, {DimDistribution::block(), DimDistribution::none()},
                12);
  EXPECT_EQ(layout.grid(), (Indices{12}));
}

TEST(GridChoiceOracle, OneDistributedAxisTakesAllRanksEvenWhenShort) {
  // DistArray used fewer ranks; dac keeps empty chunks.
  Layout layout = layout1d(3, 8, DimDistribution::block());
  EXPECT_EQ(layout.grid(), (Indices{8}));
  EXPECT_EQ(layout.localShape(7), Indices{0});
}

TEST(GridChoice, FactorizationsAreNonDecreasingAndLexicographic) {
  EXPECT_EQ(factorizations(12, 2),
            (std::vector<Indices>{{1, 12}, {2, 6}, {3, 4}}));
  EXPECT_EQ(
      factorizations(12, 3),
      (std::vector<Indices>{{1, 1, 12}, {1, 2, 6}, {1, 3, 4}, {2, 2, 3}}));
  EXPECT_EQ(factorizations(1, 3), (std::vector<Indices>{{1, 1, 1}}));
  EXPECT_EQ(factorizations(7, 1), (std::vector<Indices>{{7}}));
}

TEST(GridChoice, EqualLengthsKeepAxisOrder) {
  // Factors go from the smallest to the shortest axis; of equal axes the
  // earlier one gets the smaller factor.
  EXPECT_EQ(chooseGrid({10, 10}, 4), (Indices{2, 2}));
  EXPECT_EQ(chooseGrid({10, 10}, 2), (Indices{1, 2}));
  EXPECT_EQ(chooseGrid({10, 10, 10}, 8), (Indices{2, 2, 2}));
  EXPECT_EQ(chooseGrid({10, 10, 10}, 12), (Indices{2, 2, 3}));
}

TEST(GridChoice, EmptyAxes) {
  // 0 / 0 is NaN, and no score compares below a NaN: the first candidate.
  EXPECT_EQ(chooseGrid({0, 0}, 6), (Indices{1, 6}));
  // 0 / 5 = 0: the flattest grid, with the big factor on the long axis.
  EXPECT_EQ(chooseGrid({0, 5}, 6), (Indices{1, 6}));
  EXPECT_EQ(chooseGrid({5, 0}, 6), (Indices{6, 1}));
}

TEST(GridChoice, FixedExtentsStayAndTheRestIsChosen) {
  // Bounds fix 2 parts of dimension 0; dimension 1 gets 6 / 2 = 3.
  Layout layout(
      {9, 30},
      {DimDistribution::irregularBlock({0, 4, 9}), DimDistribution::block()},
      6);
  EXPECT_EQ(layout.grid(), (Indices{2, 3}));
}

TEST(GridChoice, ExplicitGridIsHonoured) {
  Layout layout({20, 20}, {DimDistribution::block(), DimDistribution::block()},
                12, Indices{12, 1});
  EXPECT_EQ(layout.grid(), (Indices{12, 1}));
  EXPECT_EQ(layout.localShape(11), (Indices{1, 20}));
}

} // namespace
