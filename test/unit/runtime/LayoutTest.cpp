//===- LayoutTest.cpp - The balanced block rule ---------------------------===//
//
// Against a brute-force definition, the oracle table of
// /work/shared/oracle/DISTRIBUTIONS.md, and across the ranks of a job.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Layout.h"
#include "dac/Runtime/RuntimeABI.h"

#include <gtest/gtest.h>
#include <mpi.h>

#include <utility>
#include <vector>

using namespace dac::rt;

namespace {

/// [start, stop) of every part, from the C entry point.
std::vector<std::pair<int64_t, int64_t>> allRanges(int64_t size,
                                                   int64_t parts) {
  std::vector<std::pair<int64_t, int64_t>> ranges;
  for (int64_t part = 0; part < parts; ++part) {
    int64_t out[2] = {-1, -1};
    dac_rt_layout_block_range(size, parts, part, out);
    ranges.emplace_back(out[0], out[0] + out[1]);
  }
  return ranges;
}

// Tests the defining properties: the parts tile [0, size) in order, their
// sizes differ by at most one, and the bigger ones come first.
TEST(BlockLayout, SmallCasesSatisfyTheDefinition) {
  for (int64_t size = 0; size <= 40; ++size) {
    for (int64_t parts = 1; parts <= 8; ++parts) {
      SCOPED_TRACE(testing::Message() << "size " << size << " parts " << parts);
      auto ranges = allRanges(size, parts);
      int64_t next = 0;
      for (auto [start, stop] : ranges) {
        EXPECT_EQ(start, next);
        EXPECT_GE(stop, start);
        next = stop;
      }
      EXPECT_EQ(next, size);
      for (size_t i = 1; i < ranges.size(); ++i) {
        int64_t previous = ranges[i - 1].second - ranges[i - 1].first;
        int64_t current = ranges[i].second - ranges[i].first;
        EXPECT_TRUE(previous == current || previous == current + 1);
      }
      for (int64_t index = 0; index < size; ++index) {
        int64_t owner = blockOwner(size, parts, index);
        EXPECT_GE(index, ranges[owner].first);
        EXPECT_LT(index, ranges[owner].second);
      }
    }
  }
}

using Ranges = std::vector<std::pair<int64_t, int64_t>>;

TEST(BlockLayout, OracleTable) {
  EXPECT_EQ(allRanges(10, 3), (Ranges{{0, 4}, {4, 7}, {7, 10}}));
  EXPECT_EQ(allRanges(10, 4), (Ranges{{0, 3}, {3, 6}, {6, 8}, {8, 10}}));
  EXPECT_EQ(allRanges(9, 4), (Ranges{{0, 3}, {3, 5}, {5, 7}, {7, 9}}));
  EXPECT_EQ(allRanges(300, 4),
            (Ranges{{0, 75}, {75, 150}, {150, 225}, {225, 300}}));
  EXPECT_EQ(allRanges(3, 4), (Ranges{{0, 1}, {1, 2}, {2, 3}, {3, 3}}));
  EXPECT_EQ(allRanges(0, 2), (Ranges{{0, 0}, {0, 0}}));
}

TEST(BlockLayout, OracleOwners) {
  // (10, 4): global 9 -> rank 3, local 1; global 5 -> rank 1, local 2.
  EXPECT_EQ(blockOwner(10, 4, 9), 3);
  EXPECT_EQ(9 - blockRange(10, 4, 3).start, 1);
  EXPECT_EQ(blockOwner(10, 4, 5), 1);
  EXPECT_EQ(5 - blockRange(10, 4, 1).start, 2);
}

TEST(BlockLayout, LargeSizes) {
  const int64_t size = (int64_t(1) << 62) + 3, parts = 7;
  BlockRange last = blockRange(size, parts, parts - 1);
  EXPECT_EQ(last.start + last.count, size);
  EXPECT_EQ(blockOwner(size, parts, size - 1), parts - 1);
  EXPECT_EQ(blockOwner(size, parts, 0), 0);
}

// Tests that the ranks of a job, each asking for its own piece, tile the
// axis: the counts sum to the size and each start is the previous end.
TEST(BlockLayout, RanksTileTheAxis) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  for (int64_t n : {0, 1, 3, 10, 17, 1000003}) {
    int64_t mine[2];
    dac_rt_layout_block_range(n, size, rank, mine);
    std::vector<int64_t> all(2 * size);
    MPI_Allgather(mine, 2, MPI_INT64_T, all.data(), 2, MPI_INT64_T,
                  MPI_COMM_WORLD);
    int64_t next = 0;
    for (int r = 0; r < size; ++r) {
      EXPECT_EQ(all[2 * r], next) << "n " << n << " rank " << r;
      next += all[2 * r + 1];
    }
    EXPECT_EQ(next, n);
  }
}

} // namespace
