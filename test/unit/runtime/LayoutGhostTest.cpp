//===- LayoutGhostTest.cpp - Ghost cells by global index ------------------===//
//
// A halo holds the global indices [start - lo, start) and [stop, stop + hi)
// of a rank's owned range, whichever ranks own them: next to small or empty
// chunks they come from beyond the nearest neighbour, past a non-periodic
// edge they are absent, and on a periodic axis they wrap.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Layout.h"

#include <gtest/gtest.h>

#include <vector>

using namespace dac::rt;

namespace {

using Indices = std::vector<int64_t>;

struct Ghosts {
  Indices lo, hi;
};

std::vector<Ghosts> ghostsPerRank(const Layout &layout, unsigned dim = 0) {
  std::vector<Ghosts> out;
  for (int64_t r = 0; r < layout.numRanks(); ++r) {
    GhostIndices ghosts = layout.ghostIndices(r, dim);
    out.push_back({ghosts.lo, ghosts.hi});
  }
  return out;
}

void expectGhosts(const Layout &layout, const std::vector<Ghosts> &want,
                  unsigned dim = 0) {
  std::vector<Ghosts> got = ghostsPerRank(layout, dim);
  ASSERT_EQ(got.size(), want.size());
  for (size_t r = 0; r < got.size(); ++r) {
    EXPECT_EQ(got[r].lo, want[r].lo) << "low ghosts of rank " << r;
    EXPECT_EQ(got[r].hi, want[r].hi) << "high ghosts of rank " << r;
  }
}

TEST(LayoutGhosts, NonPeriodicEdgesHaveNone) {
  expectGhosts(Layout({10}, {DimDistribution::haloBlock(1, 1)}, 3),
               {{{}, {4}}, {{3}, {7}}, {{6}, {}}});
}

TEST(LayoutGhosts, PeriodicEdgesWrap) {
  expectGhosts(Layout({10}, {DimDistribution::haloBlock(1, 1, true)}, 3),
               {{{9}, {4}}, {{3}, {7}}, {{6}, {0}}});
}

TEST(LayoutGhosts, AsymmetricWidths) {
  expectGhosts(Layout({10}, {DimDistribution::haloBlock(2, 1)}, 3),
               {{{}, {4}}, {{2, 3}, {7}}, {{5, 6}, {}}});
}

TEST(LayoutGhosts, SmallChunksReachPastTheNeighbour) {
  // n = 3 on 4 ranks: [0,1) [1,2) [2,3) [3,3).
  expectGhosts(Layout({3}, {DimDistribution::haloBlock(2, 2)}, 4),
               {{{}, {1, 2}}, {{0}, {2}}, {{0, 1}, {}}, {{1, 2}, {}}});
}

TEST(LayoutGhosts, SmallChunksPeriodic) {
  expectGhosts(
      Layout({3}, {DimDistribution::haloBlock(2, 2, true)}, 4),
      {{{1, 2}, {1, 2}}, {{2, 0}, {2, 0}}, {{0, 1}, {0, 1}}, {{1, 2}, {0, 1}}});
}

TEST(LayoutGhosts, EmptyChunkInTheMiddle) {
  // Rank 1 owns nothing at 3; its neighbours' ghosts skip it.
  expectGhosts(Layout({6}, {DimDistribution::irregularBlock({0, 3, 3, 6})}, 3),
               {{{}, {}}, {{}, {}}, {{}, {}}});
  DimDistribution dist = DimDistribution::haloBlock(1, 1);
  dist.bounds = {0, 3, 3, 6};
  expectGhosts(Layout({6}, {dist}, 3), {{{}, {3}}, {{2}, {3}}, {{2}, {}}});
}

TEST(LayoutGhosts, HaloAsWideAsThePeriodicAxis) {
  expectGhosts(Layout({4}, {DimDistribution::haloBlock(4, 4, true)}, 2),
               {{{0, 1, 2, 3}, {2, 3, 0, 1}}, {{2, 3, 0, 1}, {0, 1, 2, 3}}});
}

TEST(LayoutGhosts, EmptyAxisHasNoGhosts) {
  expectGhosts(Layout({0}, {DimDistribution::haloBlock(0, 0, true)}, 2),
               {{{}, {}}, {{}, {}}});
}

TEST(LayoutGhosts, OnlyTheHaloDimensionOfA2DLayout) {
  // Grid (2, 2): the halo is along dimension 1 only.
  Layout layout({4, 6},
                {DimDistribution::block(), DimDistribution::haloBlock(1, 1)}, 4,
                Indices{2, 2});
  expectGhosts(layout, {{{}, {}}, {{}, {}}, {{}, {}}, {{}, {}}}, 0);
  expectGhosts(layout, {{{}, {3}}, {{2}, {}}, {{}, {3}}, {{2}, {}}}, 1);
}

TEST(LayoutGhosts, OtherKindsHaveNone) {
  Layout layout({10}, {DimDistribution::cyclic(2)}, 3);
  for (const Ghosts &ghosts : ghostsPerRank(layout)) {
    EXPECT_TRUE(ghosts.lo.empty());
    EXPECT_TRUE(ghosts.hi.empty());
  }
}

} // namespace
