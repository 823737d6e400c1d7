//===- DistArrayProtocolInvalidTest.cpp - What the validator rejects ------===//
//
// Every invalid case of oracle/DISTRIBUTIONS.md ("Distributed Array
// Protocol export"), each its own test, plus the valid forms next to them
// (defaults, the `{}` shorthand, boundary padding, the protocol's own
// examples). The buffers of all ranks of a job are written out here and
// checked with validateAll; DistArrayProtocolTest runs the collective form.
//
//===----------------------------------------------------------------------===//

#include "DapTestUtils.h"

#include <gtest/gtest.h>

using namespace dac::rt;
using namespace dac::rt::dap;
using namespace dac::test;

namespace {

//===----------------------------------------------------------------------===//
// The oracle's invalid cases
//===----------------------------------------------------------------------===//

TEST(DapInvalid, StopPastSize) {
  EXPECT_TRUE(hasError(validateAll(ranksOf({blockDim(10, 2, 0, 0, 5),
                                            blockDim(10, 2, 1, 5, 11)})),
                       "rank 1: dimension 0: stop (11) is past the size (10)"));
}

TEST(DapInvalid, NegativeStart) {
  EXPECT_TRUE(hasError(validateAll(ranksOf({blockDim(10, 2, 0, -1, 5),
                                            blockDim(10, 2, 1, 5, 10)})),
                       "rank 0: dimension 0: start (-1) is negative"));
}

TEST(DapInvalid, StopBeforeStart) {
  EXPECT_TRUE(hasError(validateAll(ranksOf({blockDim(10, 2, 0, 0, 5),
                                            blockDim(10, 2, 1, 7, 5)})),
                       "stop (5) is less than start (7)"));
}

TEST(DapInvalid, BlockSizeBelowOne) {
  DimData dim = cyclicDim(10, 1, 0, 1);
  dim.blockSize = 0;
  EXPECT_TRUE(hasError(validateLocal(bufferOf({dim})),
                       "dimension 0: block_size (0) is less than 1"));
}

TEST(DapInvalid, UnknownDistType) {
  DimData dim = blockDim(10, 1, 0, 0, 10);
  dim.distType = "x";
  EXPECT_TRUE(hasError(validateLocal(bufferOf({dim})),
                       "unknown dist_type 'x' (expected 'b', 'c' or 'u')"));
}

TEST(DapInvalid, MissingStopOfBlock) {
  DimData dim = blockDim(10, 1, 0, 0, 10);
  dim.stop.reset();
  EXPECT_TRUE(hasError(validateLocal(bufferOf({dim})),
                       "missing required key 'stop' for dist_type 'b'"));
}

TEST(DapInvalid, MissingStartOfCyclic) {
  DimData dim = cyclicDim(10, 1, 0);
  dim.start.reset();
  EXPECT_TRUE(hasError(validateLocal(bufferOf({dim})),
                       "missing required key 'start' for dist_type 'c'"));
}

TEST(DapInvalid, MissingIndicesOfUnstructured) {
  DimData dim = unstructuredDim(2, 1, 0, {0, 1});
  dim.indices.reset();
  EXPECT_TRUE(hasError(validateLocal(bufferOf({dim})),
                       "missing required key 'indices' for dist_type 'u'"));
}

TEST(DapInvalid, MissingCommonKeys) {
  DimData dim = blockDim(10, 1, 0, 0, 10);
  dim.size.reset();
  dim.procGridRank.reset();
  std::vector<std::string> errors = validateLocal(bufferOf({dim}));
  EXPECT_TRUE(hasError(errors, "missing required key 'size'"));
  EXPECT_TRUE(hasError(errors, "missing required key 'proc_grid_rank'"));
}

TEST(DapInvalid, MissingDistType) {
  DimData dim;
  dim.size = 4;
  EXPECT_TRUE(hasError(validateLocal(bufferOf({dim})),
                       "missing required key 'dist_type'"));
}

TEST(DapInvalid, BufferLengthIsNotStopMinusStart) {
  DistBuffer buffer = bufferOf({blockDim(10, 1, 0, 0, 10)});
  buffer.bufferShape = {9};
  EXPECT_TRUE(hasError(validateLocal(buffer),
                       "the local buffer has 9 elements along this dimension "
                       "but stop - start is 10"));
}

TEST(DapInvalid, BufferLengthOfCyclicAndUnstructured) {
  DistBuffer cyclic = bufferOf({cyclicDim(10, 4, 1, 2)});
  cyclic.bufferShape = {3};
  EXPECT_TRUE(hasError(validateLocal(cyclic),
                       "but the cyclic distribution gives 2 elements to grid "
                       "rank 1"));
  DistBuffer unstructured = bufferOf({unstructuredDim(4, 1, 0, {3, 1, 0, 2})});
  unstructured.bufferShape = {5};
  EXPECT_TRUE(hasError(validateLocal(unstructured), "there are 4 indices"));
}

TEST(DapInvalid, DuplicateIndicesWithinARank) {
  EXPECT_TRUE(hasError(
      validateLocal(bufferOf({unstructuredDim(4, 1, 0, {0, 2, 2, 1})})),
      "index 2 appears twice in this rank's indices"));
}

TEST(DapInvalid, DuplicateIndicesAcrossRanksWhenOneToOne) {
  EXPECT_TRUE(
      hasError(validateAll(ranksOf({unstructuredDim(4, 2, 0, {0, 1, 2}),
                                    unstructuredDim(4, 2, 1, {3, 2})})),
               "dimension 0: index 2 is on grid positions 0 and 1 although "
               "one_to_one is true"));
}

TEST(DapInvalid, CommunicationPaddingDisagreesBetweenNeighbours) {
  // Owned [0,4) [4,8) [8,12) tile the axis, but position 2 has one cell of
  // padding below where position 1 shows the halo is two wide.
  EXPECT_TRUE(hasError(
      validateAll(ranksOf({blockDim(12, 3, 0, 0, 5, {0, 1}),
                           blockDim(12, 3, 1, 2, 9, {2, 1}),
                           blockDim(12, 3, 2, 7, 12, {1, 0})})),
      "dimension 0: communication padding disagrees between neighbours: "
      "grid position 2 has 1 below its owned range where the dimension's "
      "halo gives 2"));
}

TEST(DapInvalid, PeriodicPaddingDisagreesBetweenNeighbours) {
  EXPECT_TRUE(
      hasError(validateAll(ranksOf({blockDim(8, 2, 0, -1, 5, {1, 1}, true),
                                    blockDim(8, 2, 1, 2, 9, {2, 1}, true)})),
               "communication padding disagrees between neighbours"));
}

TEST(DapInvalid, PaddingOnSomeRanksOnly) {
  DimData bare = blockDim(10, 2, 1, 4, 10);
  bare.padding.reset();
  EXPECT_TRUE(
      hasError(validateAll(ranksOf({blockDim(10, 2, 0, 0, 6, {0, 1}), bare})),
               "padding is given on some ranks but not on others"));
}

TEST(DapInvalid, OwnedRangesWithAGap) {
  EXPECT_TRUE(hasError(validateAll(ranksOf({blockDim(10, 2, 0, 0, 5),
                                            blockDim(10, 2, 1, 6, 10)})),
                       "dimension 0: the owned ranges (start/stop less "
                       "communication padding) [0, 5) [6, 10) do not tile the "
                       "axis [0, 10)"));
}

TEST(DapInvalid, OwnedRangesOverlap) {
  // Without padding the overlap is owned twice.
  EXPECT_TRUE(hasError(validateAll(ranksOf({blockDim(10, 2, 0, 0, 6),
                                            blockDim(10, 2, 1, 5, 10)})),
                       "[0, 6) [5, 10) do not tile the axis [0, 10)"));
}

TEST(DapInvalid, OwnedRangesStopShortOfTheSize) {
  EXPECT_TRUE(hasError(validateAll(ranksOf({blockDim(10, 2, 0, 0, 5),
                                            blockDim(10, 2, 1, 5, 9)})),
                       "[0, 5) [5, 9) do not tile the axis [0, 10)"));
}

TEST(DapInvalid, GridProductDoesNotDivideTheRanks) {
  EXPECT_TRUE(hasError(
      validateAll(ranksOf({blockDim(10, 2, 0, 0, 5), blockDim(10, 2, 1, 5, 10),
                           blockDim(10, 2, 1, 5, 10)})),
      "the process grid (2,) has 2 positions, which no number of replicas "
      "makes the 3 ranks"));
}

TEST(DapInvalid, GridProductLargerThanTheRanks) {
  EXPECT_TRUE(
      hasError(validateAll(ranksOf({cyclicDim(10, 4, 0), cyclicDim(10, 4, 1)})),
               "the process grid (4,) has 4 positions"));
}

TEST(DapInvalid, ReplicasUnevenlySpread) {
  // Grid (2,) x 2 replicas = 4 ranks, but position 0 is held three times.
  EXPECT_TRUE(hasError(
      validateAll(
          ranksOf({blockDim(10, 2, 0, 0, 5), blockDim(10, 2, 0, 0, 5),
                   blockDim(10, 2, 0, 0, 5), blockDim(10, 2, 1, 5, 10)})),
      "the process grid (2,) x 2 replicas does not match the 4 ranks: grid "
      "position (0,) is held by 3 ranks"));
}

TEST(DapInvalid, GridPositionsOutOfCOrder) {
  EXPECT_TRUE(hasError(validateAll(ranksOf({blockDim(10, 2, 1, 5, 10),
                                            blockDim(10, 2, 0, 0, 5)})),
                       "rank 0 is at grid position (1,) but the C-ordered "
                       "grid puts it at (0,)"));
}

//===----------------------------------------------------------------------===//
// More that the reference validator misses
//===----------------------------------------------------------------------===//

TEST(DapInvalid, RanksDisagreeOnTheSize) {
  EXPECT_TRUE(hasError(validateAll(ranksOf({blockDim(10, 2, 0, 0, 5),
                                            blockDim(12, 2, 1, 5, 12)})),
                       "dimension 0: rank 1 has size 12 but rank 0 has 10"));
}

TEST(DapInvalid, ReplicasDescribeDifferentChunks) {
  EXPECT_TRUE(
      hasError(validateAll(ranksOf({blockDim(4, 1, 0, 0, 4),
                                    unstructuredDim(4, 1, 0, {0, 1, 2, 3})})),
               "rank 1 has dist_type u but rank 0 has b"));
  EXPECT_TRUE(
      hasError(validateAll(ranksOf({unstructuredDim(3, 1, 0, {0, 1, 2}),
                                    unstructuredDim(3, 1, 0, {2, 1, 0})})),
               "ranks 0 and 1 are both at grid position 0 of it but describe "
               "different chunks"));
}

TEST(DapInvalid, UnstructuredIndicesMustCoverTheAxis) {
  EXPECT_TRUE(hasError(validateAll(ranksOf({unstructuredDim(5, 2, 0, {0, 4}),
                                            unstructuredDim(5, 2, 1, {1, 3})})),
                       "index 2 is on no grid position (1 indices are "
                       "missing)"));
}

TEST(DapInvalid, UnstructuredIndexOutsideTheAxis) {
  EXPECT_TRUE(hasError(
      validateLocal(bufferOf({unstructuredDim(3, 1, 0, {0, 1, 2, -1})})),
      "index -1 is outside the axis [0, 3)"));
}

TEST(DapInvalid, CyclicStartIsGridRankTimesBlockSize) {
  DimData dim = cyclicDim(10, 2, 1, 3);
  dim.start = 2;
  EXPECT_TRUE(hasError(validateLocal(bufferOf({dim})),
                       "start (2) is not proc_grid_rank * block_size (3)"));
}

TEST(DapInvalid, GridRankOutsideTheGrid) {
  EXPECT_TRUE(hasError(validateLocal(bufferOf({blockDim(10, 2, 2, 0, 5)})),
                       "proc_grid_rank (2) is outside [0, proc_grid_size = "
                       "2)"));
  EXPECT_TRUE(hasError(validateLocal(bufferOf({blockDim(10, 0, 0, 0, 5)})),
                       "proc_grid_size (0) is less than 1"));
}

TEST(DapInvalid, KeysOfAnotherDistType) {
  DimData dim = blockDim(4, 1, 0, 0, 4);
  dim.indices = std::vector<int64_t>{0, 1, 2, 3};
  EXPECT_TRUE(hasError(validateLocal(bufferOf({dim})),
                       "key 'indices' does not belong to dist_type 'b'"));
}

TEST(DapInvalid, NegativeSizeOrPadding) {
  EXPECT_TRUE(hasError(validateLocal(bufferOf({blockDim(-1, 1, 0, 0, 0)})),
                       "size (-1) is negative"));
  EXPECT_TRUE(
      hasError(validateLocal(bufferOf({blockDim(4, 1, 0, 0, 4, {-1, 0})})),
               "padding (-1, 0) must be non-negative"));
}

TEST(DapInvalid, PaddingWiderThanTheBuffer) {
  EXPECT_TRUE(
      hasError(validateLocal(bufferOf({blockDim(4, 2, 1, 1, 3, {2, 1})})),
               "padding (2, 1) is wider than the buffer [1, 3)"));
}

TEST(DapInvalid, DimDataDoesNotMatchTheBuffer) {
  DistBuffer buffer = bufferOf({blockDim(4, 1, 0, 0, 4)});
  buffer.bufferShape.push_back(3);
  EXPECT_TRUE(hasError(validateLocal(buffer),
                       "dim_data has 1 dictionaries but the buffer has 2 "
                       "dimensions"));
}

TEST(DapInvalid, UnknownVersion) {
  DistBuffer buffer = bufferOf({blockDim(4, 1, 0, 0, 4)});
  buffer.version = "1.0.0";
  EXPECT_TRUE(hasError(validateLocal(buffer), "__version__ '1.0.0'"));
}

TEST(DapInvalid, RanksDisagreeOnTheNumberOfDimensions) {
  std::vector<DistBuffer> ranks =
      ranksOf({blockDim(4, 1, 0, 0, 4), blockDim(4, 1, 0, 0, 4)});
  ranks[1] = bufferOf({blockDim(4, 1, 0, 0, 4), blockDim(2, 1, 0, 0, 2)});
  EXPECT_TRUE(
      hasError(validateAll(ranks), "rank 1 has 2 dimensions but rank 0 has 1"));
}

TEST(DapInvalid, ImportReportsTheMessages) {
  try {
    importLayout(
        ranksOf({blockDim(10, 2, 0, 0, 5), blockDim(10, 2, 1, 6, 10)}));
    ADD_FAILURE() << "imported an invalid layout";
  } catch (const LayoutError &error) {
    EXPECT_NE(std::string(error.what()).find("do not tile"), std::string::npos)
        << error.what();
  }
}

TEST(DapInvalid, ImportRefusesReplicasOfADistributedDimension) {
  // Valid DAP (grid (2,) twice over 4 ranks), but no dac layout.
  std::vector<DistBuffer> ranks =
      ranksOf({blockDim(10, 2, 0, 0, 5), blockDim(10, 2, 1, 5, 10),
               blockDim(10, 2, 0, 0, 5), blockDim(10, 2, 1, 5, 10)});
  ASSERT_TRUE(isValid(validateAll(ranks)));
  EXPECT_THROW(importLayout(ranks), LayoutError);
}

//===----------------------------------------------------------------------===//
// Valid forms
//===----------------------------------------------------------------------===//

TEST(DapValid, OptionalKeysTakeTheirDefaults) {
  DimData block = blockDim(10, 2, 0, 0, 5), block1 = blockDim(10, 2, 1, 5, 10);
  block.padding.reset();
  block.periodic.reset();
  block1.padding.reset();
  block1.periodic.reset();
  EXPECT_TRUE(isValid(validateAll(ranksOf({block, block1}))));
  DimData cyclic = cyclicDim(5, 1, 0);
  cyclic.blockSize.reset();
  DimData unstructured = unstructuredDim(3, 1, 0, {2, 0, 1});
  unstructured.oneToOne.reset();
  EXPECT_TRUE(isValid(validateAll({bufferOf({cyclic, unstructured})})));
}

TEST(DapValid, EmptyDictionaryIsAnUndistributedDimension) {
  DistBuffer first, second;
  first.bufferShape = second.bufferShape = {4, 3};
  first.dimData = {blockDim(8, 2, 0, 0, 4), DimData()};
  second.dimData = {blockDim(8, 2, 1, 4, 8), DimData()};
  EXPECT_TRUE(isValid(validateAll({first, second})));
  Layout layout = importLayout({first, second});
  EXPECT_EQ(layout.grid(), (std::vector<int64_t>{2}));
  EXPECT_EQ(layout.dim(1).kind, DimKind::None);
  EXPECT_EQ(layout.localShape(1), (std::vector<int64_t>{4, 3}));
}

TEST(DapValid, DuplicatesAcrossRanksWithoutOneToOne) {
  EXPECT_TRUE(
      isValid(validateAll(ranksOf({unstructuredDim(4, 2, 0, {0, 1, 2}, false),
                                   unstructuredDim(4, 2, 1, {3, 2}, false)}))));
}

TEST(DapValid, BoundaryPaddingAsDistArrayWroteIt) {
  // 18 elements on 2 ranks, padding (1, 1) everywhere: the outer cells are
  // boundary padding (owned), the inner ones communication padding.
  std::vector<DistBuffer> ranks = ranksOf(
      {blockDim(18, 2, 0, 0, 10, {1, 1}), blockDim(18, 2, 1, 8, 18, {1, 1})});
  EXPECT_TRUE(isValid(validateAll(ranks)));
  Layout layout = importLayout(ranks);
  EXPECT_EQ(layout.ownedIndices(0, 0).size(), 9u);
  EXPECT_EQ(layout.dim(0).haloLo, 1);
}

TEST(DapValid, TheProtocolsUnstructuredExample) {
  EXPECT_TRUE(isValid(validateAll(ranksOf(
      {unstructuredDim(30, 3, 0, {19, 1, 0, 12, 2, 15, 4}, false),
       unstructuredDim(30, 3, 1, {6, 13, 3}, false),
       unstructuredDim(30, 3, 2, {10, 25, 5,  21, 7, 18, 11, 26, 29, 24,
                                  23, 28, 14, 20, 9, 16, 27, 8,  17, 22},
                       false)}))));
}

TEST(DapValid, TheProtocolsBlockBlockExample) {
  // A 2 x 10 array on a 2 x 1 grid.
  EXPECT_TRUE(isValid(validateAll(
      {bufferOf({blockDim(2, 2, 0, 0, 1), blockDim(10, 1, 0, 0, 10)}),
       bufferOf({blockDim(2, 2, 1, 1, 2), blockDim(10, 1, 0, 0, 10)})})));
}

TEST(DapValid, EmptyChunks) {
  EXPECT_TRUE(isValid(
      validateAll(ranksOf({blockDim(1, 3, 0, 0, 1), blockDim(1, 3, 1, 1, 1),
                           blockDim(1, 3, 2, 1, 1)}))));
  // Cyclic start past the size on an empty chunk is grid rank x k.
  EXPECT_TRUE(isValid(
      validateAll(ranksOf({cyclicDim(9, 4, 0, 5), cyclicDim(9, 4, 1, 5),
                           cyclicDim(9, 4, 2, 5), cyclicDim(9, 4, 3, 5)}))));
}

} // namespace
