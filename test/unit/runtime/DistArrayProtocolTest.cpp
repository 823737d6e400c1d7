//===- DistArrayProtocolTest.cpp - DAP export, import and validation ------===//
//
// Runs under 1 to 4 ranks: every kind of layout exported by every rank
// passes the collective validator and imports back to the same layout; the
// keys follow oracle/DISTRIBUTIONS.md; JSON and the wire form are checked;
// an invalid export is reported identically on every rank.
//
//===----------------------------------------------------------------------===//

#include "DapTestUtils.h"
#include "MpiTestUtils.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace dac::rt;
using namespace dac::rt::dap;
using namespace dac::test;

namespace {

using Indices = std::vector<int64_t>;

/// Layouts of every kind for the current number of ranks.
std::vector<Layout> everyKind() {
  int64_t p = worldSize();
  Indices bounds{0};
  for (int64_t c = 1; c <= p; ++c)
    bounds.push_back(c == p ? 9 : (c * 9) / (p + 2));
  std::vector<Indices> lists(p);
  for (int64_t g = 0; g < 11; ++g)
    lists[(g * 5) % p].push_back((g * 3) % 11);
  DimDistribution haloBounds = DimDistribution::haloBlock(1, 2);
  haloBounds.bounds = bounds;
  std::vector<Layout> layouts;
  auto add1d = [&](int64_t n, DimDistribution dist) {
    layouts.emplace_back(Indices{n}, std::vector<DimDistribution>{dist}, p);
  };
  add1d(10, DimDistribution::block());
  add1d(9, DimDistribution::irregularBlock(bounds));
  add1d(10, DimDistribution::haloBlock(1, 1));
  add1d(10, DimDistribution::haloBlock(2, 1, true));
  add1d(3, DimDistribution::haloBlock(2, 2));       // Empty chunks on 4.
  add1d(3, DimDistribution::haloBlock(3, 1, true)); // Wider than chunks.
  add1d(9, haloBounds);
  add1d(10, DimDistribution::cyclic());
  add1d(9, DimDistribution::cyclic(2));
  add1d(9, DimDistribution::cyclic(5));
  add1d(11, DimDistribution::unstructured(lists));
  add1d(7, DimDistribution::none());
  add1d(0, DimDistribution::block());
  layouts.emplace_back(Indices{}, std::vector<DimDistribution>{}, p);
  layouts.emplace_back(Indices{5, 9},
                       std::vector<DimDistribution>{DimDistribution::block(),
                                                    DimDistribution::cyclic(2)},
                       p);
  layouts.emplace_back(Indices{2, 3, 4},
                       std::vector<DimDistribution>{DimDistribution::none(),
                                                    DimDistribution::block(),
                                                    DimDistribution::cyclic()},
                       p);
  layouts.emplace_back(Indices{4, 6},
                       std::vector<DimDistribution>{
                           DimDistribution::haloBlock(1, 1, true),
                           DimDistribution::unstructured({{5, 0, 1, 2, 3, 4}})},
                       p, Indices{p, 1});
  return layouts;
}

std::string describe(const Layout &layout) {
  std::string text = "shape " + formatPythonTuple(layout.shape()) + " dist ";
  for (unsigned d = 0; d < layout.rank(); ++d)
    text += dimKindCode(layout.dim(d).kind);
  return text;
}

TEST(DapExport, EveryKindIsValidOnEveryRank) {
  for (const Layout &layout : everyKind()) {
    SCOPED_TRACE(describe(layout));
    DistBuffer local = exportLayout(layout, worldRank());
    EXPECT_TRUE(isValid(validate(local, MPI_COMM_WORLD)));
  }
}

TEST(DapExport, EveryKindImportsBack) {
  for (const Layout &layout : everyKind()) {
    SCOPED_TRACE(describe(layout));
    Layout imported =
        importLayout(exportLayout(layout, worldRank()), MPI_COMM_WORLD);
    ASSERT_EQ(imported.shape(), layout.shape());
    for (int64_t r = 0; r < layout.numRanks(); ++r) {
      EXPECT_EQ(imported.localShape(r), layout.localShape(r));
      for (unsigned d = 0; d < layout.rank(); ++d) {
        EXPECT_EQ(imported.ownedIndices(r, d), layout.ownedIndices(r, d));
        GhostIndices want = layout.ghostIndices(r, d),
                     got = imported.ghostIndices(r, d);
        EXPECT_EQ(got.lo, want.lo);
        EXPECT_EQ(got.hi, want.hi);
      }
    }
    // Exporting the import gives the same dictionaries.
    EXPECT_EQ(exportLayout(imported, worldRank()),
              exportLayout(layout, worldRank()));
  }
}

TEST(DapExport, BlockKeys) {
  Layout layout({10}, {DimDistribution::haloBlock(1, 1)}, 3);
  DistBuffer buffer = exportLayout(layout, 1);
  const DimData &dim = buffer.dimData[0];
  EXPECT_EQ(dim.distType, "b");
  EXPECT_EQ(dim.size, 10);
  EXPECT_EQ(dim.procGridSize, 3);
  EXPECT_EQ(dim.procGridRank, 1);
  // Owned [4, 7) and one ghost cell on either side.
  EXPECT_EQ(dim.start, 3);
  EXPECT_EQ(dim.stop, 8);
  EXPECT_EQ(dim.padding, std::make_pair(int64_t(1), int64_t(1)));
  EXPECT_EQ(dim.periodic, false);
  EXPECT_EQ(buffer.bufferShape, Indices{5});
  // No ghost cells past the edge.
  EXPECT_EQ(exportLayout(layout, 0).dimData[0].padding,
            std::make_pair(int64_t(0), int64_t(1)));
  EXPECT_EQ(exportLayout(layout, 0).dimData[0].start, 0);
}

TEST(DapExport, PeriodicStartStopCountUnwrapped) {
  Layout layout({10}, {DimDistribution::haloBlock(1, 2, true)}, 3);
  EXPECT_EQ(exportLayout(layout, 0).dimData[0].start, -1);
  EXPECT_EQ(exportLayout(layout, 2).dimData[0].stop, 12);
  EXPECT_EQ(exportLayout(layout, 2).bufferShape, Indices{6});
}

TEST(DapExport, CyclicKeys) {
  Layout layout({9}, {DimDistribution::cyclic(2)}, 4);
  DistBuffer buffer = exportLayout(layout, 3);
  EXPECT_EQ(buffer.dimData[0].distType, "c");
  EXPECT_EQ(buffer.dimData[0].start, 6); // Grid rank x block size.
  EXPECT_EQ(buffer.dimData[0].blockSize, 2);
  EXPECT_FALSE(buffer.dimData[0].stop.has_value());
  EXPECT_EQ(buffer.bufferShape, Indices{2});
}

TEST(DapExport, UnstructuredKeys) {
  Layout layout({5}, {DimDistribution::unstructured({{4, 0}, {1, 3, 2}})}, 2);
  DistBuffer buffer = exportLayout(layout, 1);
  EXPECT_EQ(buffer.dimData[0].distType, "u");
  EXPECT_EQ(buffer.dimData[0].indices, (Indices{1, 3, 2}));
  EXPECT_EQ(buffer.dimData[0].oneToOne, true);
  EXPECT_EQ(buffer.bufferShape, Indices{3});
}

TEST(DapExport, UndistributedIsBlockOfGridSizeOne) {
  Layout layout({7, 4}, {DimDistribution::block(), DimDistribution::none()}, 2);
  DimData dim = exportLayout(layout, 1).dimData[1];
  EXPECT_EQ(dim.distType, "b");
  EXPECT_EQ(dim.procGridSize, 1);
  EXPECT_EQ(dim.procGridRank, 0);
  EXPECT_EQ(dim.start, 0);
  EXPECT_EQ(dim.stop, 4);
}

TEST(DapExport, Json) {
  Layout layout({10, 5},
                {DimDistribution::haloBlock(1, 1), DimDistribution::cyclic(2)},
                4, Indices{2, 2});
  EXPECT_EQ(toJson(exportLayout(layout, 1)),
            "{\"__version__\": \"0.10.0\", \"buffer_shape\": [6, 2], "
            "\"dim_data\": [{\"dist_type\": \"b\", \"size\": 10, "
            "\"proc_grid_size\": 2, \"proc_grid_rank\": 0, \"start\": 0, "
            "\"stop\": 6, \"padding\": [0, 1], \"periodic\": false}, "
            "{\"dist_type\": \"c\", \"size\": 5, \"proc_grid_size\": 2, "
            "\"proc_grid_rank\": 1, \"start\": 2, \"block_size\": 2}]}");
  Layout unstructured({3}, {DimDistribution::unstructured({{2, 0, 1}})}, 1);
  EXPECT_EQ(toJson(exportLayout(unstructured, 0).dimData[0]),
            "{\"dist_type\": \"u\", \"size\": 3, \"proc_grid_size\": 1, "
            "\"proc_grid_rank\": 0, \"indices\": [2, 0, 1], "
            "\"one_to_one\": true}");
  DimData odd;
  odd.distType = "q\"\n";
  EXPECT_EQ(toJson(odd), "{\"dist_type\": \"q\\\"\\u000a\"}");
  EXPECT_EQ(toJson(DimData()), "{}");
}

TEST(DapExport, WireFormRoundTrip) {
  DimData partial;
  partial.distType = "zz";
  partial.stop = -3;
  partial.indices = Indices{};
  DistBuffer buffer = bufferOf(
      {blockDim(10, 2, 1, 4, 10, {1, 0}, true), cyclicDim(9, 3, 2, 2),
       unstructuredDim(3, 1, 0, {2, 1, 0}, false), DimData(), partial});
  buffer.version = "0.9.1";
  std::vector<int64_t> words = serialize(buffer);
  EXPECT_EQ(deserialize(words.data(), words.size()), buffer);
  EXPECT_THROW(deserialize(words.data(), words.size() - 1), LayoutError);
}

TEST(DapCollective, EveryRankGetsTheSameMessages) {
  // Every rank claims one grid position too many.
  Layout layout({10}, {DimDistribution::block()}, worldSize());
  DistBuffer local = exportLayout(layout, worldRank());
  local.dimData[0].procGridSize = worldSize() + 1;
  std::vector<std::string> errors = validate(local, MPI_COMM_WORLD);
  EXPECT_TRUE(hasError(errors, "positions, which no number of replicas "
                               "makes the " +
                                   std::to_string(worldSize()) + " ranks"));
  std::vector<DistBuffer> all = allgather(local, MPI_COMM_WORLD);
  EXPECT_EQ(errors, validateAll(all));
}

TEST(DapCollective, OneRankWithABadBufferIsNamed) {
  Layout layout({10}, {DimDistribution::block()}, worldSize());
  DistBuffer local = exportLayout(layout, worldRank());
  int last = worldSize() - 1;
  if (worldRank() == last)
    local.bufferShape[0] += 1;
  EXPECT_TRUE(hasError(validate(local, MPI_COMM_WORLD),
                       "rank " + std::to_string(last) +
                           ": dimension 0: the local buffer has"));
}

TEST(DapCollective, TilingIsCheckedAcrossRanks) {
  if (worldSize() < 2)
    GTEST_SKIP() << "needs two ranks";
  Layout layout({10}, {DimDistribution::block()}, worldSize());
  DistBuffer local = exportLayout(layout, worldRank());
  if (worldRank() == 1) {
    *local.dimData[0].start += 1;
    local.bufferShape[0] -= 1;
  }
  EXPECT_TRUE(hasError(validate(local, MPI_COMM_WORLD), "do not tile"));
}

TEST(DapCollective, ReplicatedArraysHaveOneReplicaPerRank) {
  Layout layout({6}, {DimDistribution::none()}, worldSize());
  std::vector<DistBuffer> all =
      allgather(exportLayout(layout, worldRank()), MPI_COMM_WORLD);
  EXPECT_TRUE(isValid(validateAll(all)));
  EXPECT_EQ(importLayout(all).grid(), Indices{});
}

} // namespace
