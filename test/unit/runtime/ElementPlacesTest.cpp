//===- ElementPlacesTest.cpp - Element owners by position
//------------------===//
//
// ElementPlaces (the runtime's lookup for element moves chosen by data:
// masks, integer indices) against the layout's own listing of what each
// rank owns: the i-th position of ownedPositions(r) must be element i of
// rank r's chunk, for block, cyclic, block-cyclic, irregular and
// replicated dimensions on 1-D to 3-D arrays, with empty chunks.
//
//===----------------------------------------------------------------------===//

#include "ElementMoves.h" // runtime/lib: private to the runtime

#include <gtest/gtest.h>

using namespace dac::rt;

namespace {

void expectPlaces(const Layout &layout) {
  detail::ElementPlaces places(layout);
  int64_t total = 1;
  for (int64_t extent : layout.shape())
    total *= extent;
  int64_t seen = 0;
  for (int64_t r = 0; r < layout.numRanks(); ++r) {
    std::vector<int64_t> owned = layout.ownedPositions(r);
    for (size_t i = 0; i < owned.size(); ++i) {
      auto [rank, local] = places.atPosition(owned[i]);
      // Replicated arrays: every rank owns everything (rank 0 answers).
      if (layout.distributedDims().empty()) {
        EXPECT_EQ(local, owned[i]);
        continue;
      }
      EXPECT_EQ(rank, r) << "position " << owned[i];
      EXPECT_EQ(local, static_cast<int64_t>(i)) << "position " << owned[i];
    }
    seen += owned.size();
  }
  if (!layout.distributedDims().empty()) {
    EXPECT_EQ(seen, total);
  }
}

TEST(ElementPlaces, OneDimension) {
  for (int64_t p = 1; p <= 5; ++p)
    for (int64_t n : {0, 1, 3, 7, 12}) {
      expectPlaces(Layout({n}, {DimDistribution::block()}, p));
      expectPlaces(Layout({n}, {DimDistribution::cyclic()}, p));
      expectPlaces(Layout({n}, {DimDistribution::cyclic(2)}, p));
      expectPlaces(Layout({n}, {DimDistribution::none()}, p));
    }
  expectPlaces(Layout({7}, {DimDistribution::irregularBlock({0, 5, 5, 7})}, 3));
}

TEST(ElementPlaces, SeveralDimensions) {
  for (int64_t p = 1; p <= 6; ++p) {
    expectPlaces(
        Layout({5, 3}, {DimDistribution::block(), DimDistribution::none()}, p));
    expectPlaces(Layout(
        {4, 6}, {DimDistribution::none(), DimDistribution::cyclic()}, p));
    expectPlaces(Layout(
        {5, 7}, {DimDistribution::block(), DimDistribution::cyclic(2)}, p));
    expectPlaces(Layout({3, 4, 5},
                        {DimDistribution::cyclic(), DimDistribution::none(),
                         DimDistribution::block()},
                        p));
  }
}

} // namespace
