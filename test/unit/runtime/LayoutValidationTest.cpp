//===- LayoutValidationTest.cpp - Layouts that cannot exist ---------------===//
//
// Each invalid layout throws LayoutError with a message that names the
// dimension and the problem.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Layout.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

using namespace dac::rt;

namespace {

using Indices = std::vector<int64_t>;

/// Expects \p build to throw a LayoutError whose message contains \p text.
void expectError(const std::function<void()> &build, const std::string &text) {
  try {
    build();
    ADD_FAILURE() << "no error; expected one containing \"" << text << "\"";
  } catch (const LayoutError &error) {
    EXPECT_NE(std::string(error.what()).find(text), std::string::npos)
        << "message: " << error.what() << "\nexpected to contain: " << text;
  }
}

void expect1d(int64_t size, int64_t ranks, DimDistribution dist,
              const std::string &text) {
  expectError([&] { Layout({size}, {dist}, ranks); }, text);
}

TEST(LayoutValidation, CyclicBlockSizeBelowOne) {
  expect1d(10, 2, DimDistribution::cyclic(0),
           "dimension 0: the block size of a cyclic distribution must be at "
           "least 1, got 0");
  expect1d(10, 2, DimDistribution::cyclic(-3), "at least 1, got -3");
}

TEST(LayoutValidation, BlockSizeOnlyForCyclic) {
  DimDistribution dist = DimDistribution::block();
  dist.blockSize = 2;
  expect1d(10, 2, dist, "only cyclic ('c') dimensions take a block size");
}

TEST(LayoutValidation, BoundsMustStartAtZero) {
  expect1d(10, 2, DimDistribution::irregularBlock({1, 5, 10}),
           "bounds must start at 0, got [1, 5, 10]");
}

TEST(LayoutValidation, BoundsMustEndAtTheSize) {
  expect1d(10, 2, DimDistribution::irregularBlock({0, 5, 9}),
           "bounds must end at the axis length 10, got [0, 5, 9]");
}

TEST(LayoutValidation, BoundsMustNotDecrease) {
  expect1d(10, 3, DimDistribution::irregularBlock({0, 6, 4, 10}),
           "bounds must be non-decreasing");
}

TEST(LayoutValidation, BoundsNeedTwoEntries) {
  expect1d(0, 1, DimDistribution::irregularBlock({0}),
           "bounds need at least two entries");
}

TEST(LayoutValidation, BoundsCountMustMatchTheRanks) {
  expect1d(9, 2, DimDistribution::irregularBlock({0, 2, 6, 9}),
           "the bounds/indices fix a process grid (3,) of 3 positions but "
           "there are 2 ranks");
}

TEST(LayoutValidation, BoundsCountMustMatchAnExplicitGrid) {
  expectError(
      [] {
        Layout({9, 4},
               {DimDistribution::irregularBlock({0, 2, 6, 9}),
                DimDistribution::block()},
               6, Indices{2, 3});
      },
      "dimension 0: its bounds describe 3 parts but the process grid gives "
      "it 2");
}

TEST(LayoutValidation, FixedExtentsMustDivideTheRanks) {
  expectError(
      [] {
        Layout({9, 4},
               {DimDistribution::irregularBlock({0, 4, 9}),
                DimDistribution::block()},
               3);
      },
      "the bounds/indices fix 2 grid positions, which does not divide the 3 "
      "ranks");
}

TEST(LayoutValidation, HaloMustNotBeNegative) {
  expect1d(10, 2, DimDistribution::haloBlock(-1, 1),
           "halo widths must be non-negative, got (-1, 1)");
}

TEST(LayoutValidation, HaloMustNotBeWiderThanTheAxis) {
  expect1d(3, 2, DimDistribution::haloBlock(1, 4, true),
           "halo (1, 4) is wider than the axis (length 3)");
}

TEST(LayoutValidation, HaloOnlyOnBlock) {
  DimDistribution dist = DimDistribution::cyclic(2);
  dist.haloLo = 1;
  expect1d(10, 2, dist, "halo and periodic need a block ('b') dimension");
  dist = DimDistribution::cyclic();
  dist.periodic = true;
  expect1d(10, 2, dist, "halo and periodic need a block ('b') dimension");
}

TEST(LayoutValidation, UnstructuredNeedsLists) {
  expect1d(3, 1, DimDistribution::unstructured({}),
           "an unstructured ('u') dimension needs its index lists");
}

TEST(LayoutValidation, UnstructuredListCountMustMatchTheRanks) {
  expect1d(3, 3, DimDistribution::unstructured({{0, 1}, {2}}),
           "the bounds/indices fix a process grid (2,) of 2 positions but "
           "there are 3 ranks");
}

TEST(LayoutValidation, UnstructuredIndexOutOfRange) {
  expect1d(3, 2, DimDistribution::unstructured({{0, 1}, {3}}),
           "index 3 is outside the axis [0, 3)");
  expect1d(3, 2, DimDistribution::unstructured({{0, -1}, {2}}),
           "index -1 is outside the axis [0, 3)");
}

TEST(LayoutValidation, UnstructuredIndexTwice) {
  expect1d(3, 2, DimDistribution::unstructured({{0, 1}, {1, 2}}),
           "index 1 is listed twice; the lists must partition [0, 3)");
}

TEST(LayoutValidation, UnstructuredIndexMissing) {
  expect1d(4, 2, DimDistribution::unstructured({{0, 1}, {3}}),
           "index 2 is in no list; the lists must partition [0, 4)");
}

TEST(LayoutValidation, IndicesOnlyForUnstructured) {
  DimDistribution dist = DimDistribution::block();
  dist.indices = {{0}};
  expect1d(1, 1, dist, "index lists need an unstructured ('u') dimension");
}

TEST(LayoutValidation, GridMustMultiplyToTheRanks) {
  expectError(
      [] {
        Layout({4, 4}, {DimDistribution::block(), DimDistribution::block()}, 3,
               Indices{2, 2});
      },
      "the process grid (2, 2) does not multiply to the 3 ranks of the "
      "program");
}

TEST(LayoutValidation, GridRankMustMatchTheDistributedDims) {
  expectError(
      [] {
        Layout({4, 4}, {DimDistribution::block(), DimDistribution::none()}, 4,
               Indices{2, 2});
      },
      "the process grid (2, 2) has 2 extents but the layout has 1 "
      "distributed dimension");
}

TEST(LayoutValidation, GridExtentsMustBePositive) {
  expectError(
      [] {
        Layout({4, 4}, {DimDistribution::block(), DimDistribution::block()}, 4,
               Indices{0, 4});
      },
      "process grid extents must be at least 1, got (0, 4)");
}

TEST(LayoutValidation, OneDistributionPerDimension) {
  expectError(
      [] {
        Layout({4, 4}, {DimDistribution::block()}, 2);
      },
      "the layout has 1 dimension but the array has 2 dimensions");
}

TEST(LayoutValidation, NegativeExtent) {
  expect1d(-1, 2, DimDistribution::block(),
           "dimension 0: the axis length must be non-negative, got -1");
}

TEST(LayoutValidation, AtLeastOneRank) {
  expect1d(4, 0, DimDistribution::block(),
           "the number of ranks must be at least 1, got 0");
}

TEST(LayoutValidation, TheDimensionIsNamed) {
  expectError(
      [] {
        Layout({4, 4}, {DimDistribution::block(), DimDistribution::cyclic(0)},
               1);
      },
      "dimension 1: ");
}

} // namespace
