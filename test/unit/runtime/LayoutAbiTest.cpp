//===- LayoutAbiTest.cpp - dac_rt_layout_* and the layout prints ----------===//
//
// Runs under 1 to 4 ranks: descriptors as generated code writes them are
// decoded, every rank's local sizes and global indices match the Layout
// rules, and dac.localshapes / dac.grid_shape print as Python would. Also
// reduces arrays of several layouts through the runtime's allreduce to the
// oracle's numbers, empty chunks included.
//
//===----------------------------------------------------------------------===//

#include "MpiTestUtils.h"
#include "dac/Runtime/LayoutDescriptor.h"
#include "dac/Runtime/RuntimeABI.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

using namespace dac::rt;
using dac::test::captureStdout;
using dac::test::worldRank;
using dac::test::worldSize;

namespace {

using Indices = std::vector<int64_t>;

void *create(const LayoutSpec &spec, Indices shape) {
  std::vector<int64_t> desc = encodeLayoutDescriptor(spec);
  return dac_rt_layout_create(desc.data(), shape.data(), nullptr);
}

/// This rank's owned global indices along every dimension, through the ABI.
std::vector<Indices> ownedThroughAbi(void *handle, unsigned rank) {
  std::vector<Indices> owned;
  for (unsigned d = 0; d < rank; ++d) {
    Indices indices(dac_rt_layout_local_size(handle, d), -1);
    dac_rt_layout_global_indices(handle, d, indices.data());
    owned.push_back(indices);
  }
  return owned;
}

/// Checks the ABI's answers for \p spec against the Layout rules.
void checkSpec(const LayoutSpec &spec, const Indices &shape) {
  Layout layout = makeLayout(spec, shape, worldSize());
  void *handle = create(spec, shape);
  std::vector<Indices> owned = ownedThroughAbi(handle, layout.rank());
  for (unsigned d = 0; d < layout.rank(); ++d)
    EXPECT_EQ(owned[d], layout.ownedIndices(worldRank(), d)) << "dim " << d;
}

std::string printed(void (*print)(void *), void *handle) {
  return captureStdout([&] {
    print(handle);
    dac_rt_print_str(const_cast<char *>("\n"), 1);
    dac_rt_print_flush();
  });
}

/// What rank 0 alone must have written.
std::string onRoot(const std::string &text) {
  return worldRank() == 0 ? text : "";
}

TEST(LayoutAbi, HandWrittenDescriptor) {
  // A 2-D ('b', 'c2') layout, grid chosen at run time, in the documented
  // word order: ndims, g, then per dimension kind, k, haloLo, haloHi,
  // periodic, nBounds, nLists.
  int64_t desc[] = {2, 0, DAC_RT_DIM_Block,  1, 0, 0, 0,
                    0, 0, DAC_RT_DIM_Cyclic, 2, 0, 0, 0,
                    0, 0};
  int64_t shape[] = {7, 9};
  void *handle = dac_rt_layout_create(desc, shape, nullptr);
  Layout layout({7, 9}, {DimDistribution::block(), DimDistribution::cyclic(2)},
                worldSize());
  std::vector<Indices> owned = ownedThroughAbi(handle, 2);
  EXPECT_EQ(owned[0], layout.ownedIndices(worldRank(), 0));
  EXPECT_EQ(owned[1], layout.ownedIndices(worldRank(), 1));
}

TEST(LayoutAbi, DescriptorRoundTrip) {
  LayoutSpec spec;
  spec.dims = {DimDistribution::haloBlock(1, 2, true),
               DimDistribution::irregularBlock({0, 3, 3, 8}),
               DimDistribution::unstructured({{2, 0}, {1}}),
               DimDistribution::cyclic(3), DimDistribution::none()};
  spec.grid = Indices{1, 3, 2, 1};
  std::vector<int64_t> desc = encodeLayoutDescriptor(spec);
  desc.push_back(12345); // Words past the end are not read.
  size_t consumed = 0;
  LayoutSpec decoded =
      decodeLayoutDescriptor(desc.data(), desc.size(), &consumed);
  EXPECT_EQ(consumed, desc.size() - 1);
  EXPECT_EQ(decoded.dims, spec.dims);
  EXPECT_EQ(decoded.grid, spec.grid);
}

TEST(LayoutAbi, MalformedDescriptorsAreRejected) {
  auto expectBad = [](std::vector<int64_t> desc, const char *text) {
    try {
      decodeLayoutDescriptor(desc.data(), desc.size());
      ADD_FAILURE() << "accepted; expected: " << text;
    } catch (const LayoutError &error) {
      EXPECT_NE(std::string(error.what()).find(text), std::string::npos)
          << error.what();
    }
  };
  expectBad({1, 0, 7, 1, 0, 0, 0, 0, 0}, "unknown dimension kind 7");
  expectBad({1, 0, 1, 1, 0, 0, 2, 0, 0}, "invalid periodic flag 2");
  expectBad({1, 0, 1, 1, 0, 0, 0}, "ends before its number of bounds");
  expectBad({-1, 0}, "invalid number of dimensions");
  expectBad({1, 0, 1, 1, 0, 0, 0, 5, 0, 0}, "invalid number of bounds (5)");
}

TEST(LayoutAbi, EveryKindMatchesTheRules) {
  int64_t p = worldSize();
  Indices bounds{0};
  for (int64_t c = 1; c <= p; ++c)
    bounds.push_back(c == p ? 11 : (c * 11) / (p + 1));
  std::vector<Indices> lists(p);
  for (int64_t g = 0; g < 11; ++g)
    lists[(g * 7) % p].push_back(10 - g);
  for (DimDistribution dist :
       {DimDistribution::block(), DimDistribution::irregularBlock(bounds),
        DimDistribution::haloBlock(2, 1, true), DimDistribution::cyclic(1),
        DimDistribution::cyclic(3), DimDistribution::unstructured(lists),
        DimDistribution::none()}) {
    SCOPED_TRACE(std::string(1, dimKindCode(dist.kind)));
    checkSpec({{dist}, std::nullopt}, {11});
  }
  // Fewer elements than ranks: empty chunks.
  checkSpec({{DimDistribution::block()}, std::nullopt}, {2});
  checkSpec({{DimDistribution::cyclic(2)}, std::nullopt}, {3});
  // Several dimensions, chosen and explicit grids.
  checkSpec(
      {{DimDistribution::block(), DimDistribution::cyclic()}, std::nullopt},
      {5, 9});
  checkSpec(
      {{DimDistribution::block(), DimDistribution::cyclic()}, Indices{1, p}},
      {5, 9});
  checkSpec({{DimDistribution::none(), DimDistribution::block(),
              DimDistribution::cyclic(2)},
             std::nullopt},
            {2, 3, 4});
}

TEST(LayoutAbi, EqualRequestsShareAHandle) {
  LayoutSpec spec{{DimDistribution::block()}, std::nullopt};
  void *first = create(spec, {10});
  EXPECT_EQ(create(spec, {10}), first);
  EXPECT_NE(create(spec, {11}), first);
}

TEST(LayoutAbi, PrintLocalShapesOfABlockAxis) {
  void *handle = create({{DimDistribution::block()}, std::nullopt}, {10});
  const char *expected[] = {"[(10,)]", "[(5,), (5,)]", "[(4,), (3,), (3,)]",
                            "[(3,), (3,), (2,), (2,)]"};
  ASSERT_LE(worldSize(), 4);
  EXPECT_EQ(printed(dac_rt_print_localshapes, handle),
            onRoot(std::string(expected[worldSize() - 1]) + "\n"));
}

TEST(LayoutAbi, PrintLocalShapesOfTwoDimensions) {
  void *handle = create(
      {{DimDistribution::block(), DimDistribution::block()}, std::nullopt},
      {5, 9});
  // Chosen grids (1, 1), (1, 2), (1, 3), (1, 4): 5 / 9 is closer to 1 / 4
  // than to 2 / 2.
  const char *expected[] = {"[(5, 9)]", "[(5, 5), (5, 4)]",
                            "[(5, 3), (5, 3), (5, 3)]",
                            "[(5, 3), (5, 2), (5, 2), (5, 2)]"};
  EXPECT_EQ(printed(dac_rt_print_localshapes, handle),
            onRoot(std::string(expected[worldSize() - 1]) + "\n"));
  const char *grids[] = {"(1, 1)", "(1, 2)", "(1, 3)", "(1, 4)"};
  EXPECT_EQ(printed(dac_rt_print_grid_shape, handle),
            onRoot(std::string(grids[worldSize() - 1]) + "\n"));
}

TEST(LayoutAbi, PrintLocalShapesWithAnExplicitGrid) {
  // Grid (2, 2) on 4 ranks, (P, 1) otherwise.
  Indices grid = worldSize() == 4 ? Indices{2, 2} : Indices{worldSize(), 1};
  void *handle = create(
      {{DimDistribution::block(), DimDistribution::block()}, grid}, {5, 9});
  const char *expected[] = {"[(5, 9)]", "[(3, 9), (2, 9)]",
                            "[(2, 9), (2, 9), (1, 9)]",
                            "[(3, 5), (3, 4), (2, 5), (2, 4)]"};
  EXPECT_EQ(printed(dac_rt_print_localshapes, handle),
            onRoot(std::string(expected[worldSize() - 1]) + "\n"));
  EXPECT_EQ(printed(dac_rt_print_grid_shape, handle),
            onRoot(formatPythonTuple(grid) + "\n"));
}

TEST(LayoutAbi, PrintGridShapeHasOneExtentPerDimension) {
  void *block = create(
      {{DimDistribution::block(), DimDistribution::none()}, std::nullopt},
      {10, 3});
  // DistArray's form: one extent per dimension, 1 where not distributed.
  EXPECT_EQ(printed(dac_rt_print_grid_shape, block),
            onRoot("(" + std::to_string(worldSize()) + ", 1)\n"));
  void *replicated = create({{DimDistribution::none()}, std::nullopt}, {4});
  EXPECT_EQ(printed(dac_rt_print_grid_shape, replicated), onRoot("(1,)\n"));
}

TEST(LayoutAbi, PrintLocalShapesOfZeroDimensionsAndReplicas) {
  void *scalar = create({{}, std::nullopt}, {});
  std::string shapes = "[";
  for (int r = 0; r < worldSize(); ++r)
    shapes += r ? ", ()" : "()";
  EXPECT_EQ(printed(dac_rt_print_localshapes, scalar), onRoot(shapes + "]\n"));
  EXPECT_EQ(printed(dac_rt_print_grid_shape, scalar), onRoot("()\n"));
  void *replicated = create({{DimDistribution::none()}, std::nullopt}, {4});
  shapes = "[";
  for (int r = 0; r < worldSize(); ++r)
    shapes += r ? ", (4,)" : "(4,)";
  EXPECT_EQ(printed(dac_rt_print_localshapes, replicated),
            onRoot(shapes + "]\n"));
}

TEST(LayoutAbi, PrintsJoinTheLine) {
  void *handle = create({{DimDistribution::cyclic(2)}, std::nullopt}, {7});
  std::string out = captureStdout([&] {
    dac_rt_print_str(const_cast<char *>("shapes "), 7);
    dac_rt_print_localshapes(handle);
    dac_rt_print_str(const_cast<char *>(" grid "), 6);
    dac_rt_print_grid_shape(handle);
    dac_rt_print_str(const_cast<char *>("\n"), 1);
    dac_rt_print_flush();
  });
  const char *expected[] = {"shapes [(7,)] grid (1,)\n",
                            "shapes [(4,), (3,)] grid (2,)\n",
                            "shapes [(3,), (2,), (2,)] grid (3,)\n",
                            "shapes [(2,), (2,), (2,), (1,)] grid (4,)\n"};
  EXPECT_EQ(out, onRoot(expected[worldSize() - 1]));
}

/// Over the elements this rank owns of a 1-D or 2-D layout: the sum of
/// value(i, j), or of its squared deviation from \p centre when given, and
/// the minimum and maximum.
struct Partial {
  double sum = 0, min = INFINITY, max = -INFINITY;
};

template <typename F>
Partial reduceOwned(const Layout &layout, F value,
                    std::optional<double> centre = std::nullopt) {
  Partial partial;
  Indices rows = layout.ownedIndices(worldRank(), 0);
  Indices columns =
      layout.rank() > 1 ? layout.ownedIndices(worldRank(), 1) : Indices{0};
  for (int64_t i : rows)
    for (int64_t j : columns) {
      double v = value(i, j);
      partial.sum += centre ? (v - *centre) * (v - *centre) : v;
      partial.min = std::min(partial.min, v);
      partial.max = std::max(partial.max, v);
    }
  return partial;
}

TEST(LayoutReductions, Arange16AsBlockBlock) {
  // arange(16).reshape(4, 4), ('b', 'b'): sum 120, mean 7.5, var 21.25.
  Layout layout({4, 4}, {DimDistribution::block(), DimDistribution::block()},
                worldSize());
  auto arange = [](int64_t i, int64_t j) { return double(i * 4 + j); };
  Partial partial = reduceOwned(layout, arange);
  double sum = dac_rt_allreduce_f64(partial.sum, DAC_RT_REDUCE_Sum);
  EXPECT_EQ(sum, 120);
  double mean = sum / 16;
  EXPECT_EQ(mean, 7.5);
  double squares = dac_rt_allreduce_f64(reduceOwned(layout, arange, mean).sum,
                                        DAC_RT_REDUCE_Sum);
  EXPECT_EQ(squares / 16, 21.25);
  EXPECT_EQ(std::sqrt(squares / 16), 4.6097722286464435);
  EXPECT_EQ(dac_rt_allreduce_f64(partial.min, DAC_RT_REDUCE_Min), 0);
  EXPECT_EQ(dac_rt_allreduce_f64(partial.max, DAC_RT_REDUCE_Max), 15);
}

TEST(LayoutReductions, Arange16AlongAxes) {
  // sum(axis=0) [24 28 32 36], sum(axis=1) [6 22 38 54], max(axis=1)
  // [3 7 11 15]: per-row/column partials combined over all ranks.
  for (DimDistribution second :
       {DimDistribution::block(), DimDistribution::cyclic()}) {
    Layout layout({4, 4}, {DimDistribution::cyclic(), second}, worldSize());
    std::vector<double> columns(4, 0), rows(4, 0), rowMax(4, -INFINITY);
    for (int64_t i : layout.ownedIndices(worldRank(), 0))
      for (int64_t j : layout.ownedIndices(worldRank(), 1)) {
        columns[j] += double(i * 4 + j);
        rows[i] += double(i * 4 + j);
        rowMax[i] = std::max(rowMax[i], double(i * 4 + j));
      }
    for (int k = 0; k < 4; ++k) {
      EXPECT_EQ(dac_rt_allreduce_f64(columns[k], DAC_RT_REDUCE_Sum),
                24 + 4 * k);
      EXPECT_EQ(dac_rt_allreduce_f64(rows[k], DAC_RT_REDUCE_Sum), 6 + 16 * k);
      EXPECT_EQ(dac_rt_allreduce_f64(rowMax[k], DAC_RT_REDUCE_Max), 3 + 4 * k);
    }
  }
}

TEST(LayoutReductions, OnesOf14HaveZeroVariance) {
  Layout layout({14}, {DimDistribution::block()}, worldSize());
  auto one = [](int64_t, int64_t) { return 1.0; };
  double sum =
      dac_rt_allreduce_f64(reduceOwned(layout, one).sum, DAC_RT_REDUCE_Sum);
  double squares = dac_rt_allreduce_f64(reduceOwned(layout, one, 1.0).sum,
                                        DAC_RT_REDUCE_Sum);
  EXPECT_EQ(sum, 14);
  EXPECT_EQ(squares / 14, 0.0);
}

TEST(LayoutReductions, EmptyChunksTakePart) {
  // Three elements on up to four ranks: rank 3 owns nothing yet reduces.
  Layout layout({3}, {DimDistribution::block()}, worldSize());
  auto value = [](int64_t i, int64_t) { return double(i + 1); };
  Partial partial = reduceOwned(layout, value);
  EXPECT_EQ(dac_rt_allreduce_f64(partial.sum, DAC_RT_REDUCE_Sum), 6);
  EXPECT_EQ(dac_rt_allreduce_f64(partial.max, DAC_RT_REDUCE_Max), 3);
  EXPECT_EQ(dac_rt_allreduce_f64(partial.min, DAC_RT_REDUCE_Min), 1);
}

} // namespace
