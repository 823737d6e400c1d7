//===- ExchangeTest.cpp - dac_rt_exchange_* against brute force -----------===//
//
// Runs under 1 to 4 ranks. Layouts come from hand-written descriptors
// through dac_rt_layout_create (block, irregular bounds, cyclic,
// block-cyclic, unstructured lists, replicated; 2-D arrays on grids the
// runtime chooses; arrays smaller than the number of ranks). Every source
// element holds a code of its global multi-index; after an exchange every
// owned destination element must hold the code the access map sends there,
// found by enumerating the whole iteration space, or its old value.
//
//===----------------------------------------------------------------------===//

#include "MpiTestUtils.h"
#include "dac/Runtime/RuntimeABI.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

using dac::test::worldRank;
using dac::test::worldSize;

namespace {

using Words = std::vector<int64_t>;

std::string str(const Words &values) {
  std::string text = "(";
  for (size_t i = 0; i < values.size(); ++i)
    text += (i ? ", " : "") + std::to_string(values[i]);
  return text + ")";
}

//===----------------------------------------------------------------------===//
// Layouts
//===----------------------------------------------------------------------===//

/// The descriptor words of one dimension of length \p n on \p p ranks, by
/// code: 'b' block, 'i' irregular bounds (uneven, some parts empty), 'c'
/// cyclic, 'k' block-cyclic with k = 2, 'u' unstructured (scattered
/// indices, decreasing local order), 'n' none.
Words dimWords(char code, int64_t n, int64_t p) {
  int64_t kind = code == 'n'                  ? DAC_RT_DIM_None
                 : code == 'b' || code == 'i' ? DAC_RT_DIM_Block
                 : code == 'u'                ? DAC_RT_DIM_Unstructured
                                              : DAC_RT_DIM_Cyclic;
  // kind, blockSize, haloLo, haloHi, periodic
  Words words{kind, code == 'k' ? 2 : 1, 0, 0, 0};
  if (code == 'i') {
    words.push_back(p + 1); // Part c ends at n c^2 / p^2.
    for (int64_t c = 0; c <= p; ++c)
      words.push_back(n * c * c / (p * p));
  } else {
    words.push_back(0);
  }
  if (code == 'u') {
    std::vector<Words> lists(p);
    for (int64_t g = n; g-- > 0;)
      lists[(g * 5 + 1) % p].push_back(g);
    words.push_back(p);
    for (const Words &list : lists) {
      words.push_back(static_cast<int64_t>(list.size()));
      words.insert(words.end(), list.begin(), list.end());
    }
  } else {
    words.push_back(0);
  }
  return words;
}

/// An array's layout handle and what this rank owns, through the ABI.
struct Array {
  std::string name;
  Words shape;
  void *handle = nullptr;
  std::vector<Words> owned; // Global indices per dimension, local order.

  size_t localCount() const {
    size_t count = 1;
    for (const Words &indices : owned)
      count *= indices.size();
    return count;
  }
};

/// One code per dimension (see dimWords); the grid is chosen at run time.
Array makeArray(const std::string &codes, const Words &shape) {
  Array array{codes + str(shape), shape, nullptr, {}};
  Words desc{static_cast<int64_t>(shape.size()), 0};
  for (size_t d = 0; d < shape.size(); ++d) {
    Words dim = dimWords(codes.at(d), shape[d], worldSize());
    desc.insert(desc.end(), dim.begin(), dim.end());
  }
  Words extents = shape;
  array.handle = dac_rt_layout_create(desc.data(), extents.data(),
                                      const_cast<char *>("ExchangeTest.cpp"));
  for (size_t d = 0; d < shape.size(); ++d) {
    Words indices(dac_rt_layout_local_size(array.handle, d), -1);
    dac_rt_layout_global_indices(array.handle, d, indices.data());
    array.owned.push_back(indices);
  }
  return array;
}

/// Calls f(local offset, global multi-index) for every owned element, in
/// the C order of the local chunk.
template <typename F> void forEachOwned(const Array &array, F f) {
  size_t rank = array.shape.size();
  Words global(rank);
  for (size_t offset = 0; offset < array.localCount(); ++offset) {
    size_t rest = offset;
    for (size_t d = rank; d-- > 0;) {
      size_t n = array.owned[d].size();
      global[d] = array.owned[d][rest % n];
      rest /= n;
    }
    f(offset, global);
  }
}

/// The value an element starts with: 1000 i + j for a 2-D index (i, j).
int64_t encode(const Words &global) {
  int64_t code = 0;
  for (int64_t g : global)
    code = code * 1000 + g;
  return code;
}

constexpr int64_t kSentinel = -1;

//===----------------------------------------------------------------------===//
// Access maps
//===----------------------------------------------------------------------===//

struct Access {
  int64_t start, step, iterDim;
};
/// index = start + step * k[dim]
Access iter(int64_t dim, int64_t start = 0, int64_t step = 1) {
  return {start, step, dim};
}
/// index = start (an integer index, or a 0-step broadcast)
Access fixed(int64_t index) { return {index, 0, -1}; }

struct Map {
  std::string what; // The NumPy statement, for messages.
  Words counts;
  std::vector<Access> src, dst;

  Words words() const {
    Words words{static_cast<int64_t>(counts.size())};
    words.insert(words.end(), counts.begin(), counts.end());
    for (const std::vector<Access> *side : {&src, &dst}) {
      words.push_back(static_cast<int64_t>(side->size()));
      for (const Access &a : *side)
        words.insert(words.end(), {a.start, a.step, a.iterDim, 0});
    }
    return words;
  }
};

/// Brute force: destination global index -> source global index, over the
/// whole iteration space. False (with a failure) if the map is not a valid
/// one for these shapes, so that it is never handed to the runtime.
bool enumerate(const Map &map, const Words &srcShape, const Words &dstShape,
               std::map<Words, Words> &writes) {
  int64_t total = 1;
  for (int64_t c : map.counts)
    total *= c;
  Words k(map.counts.size());
  auto at = [&](const std::vector<Access> &side, const Words &shape,
                Words &index) {
    index.clear();
    for (const Access &a : side)
      index.push_back(a.iterDim < 0 ? a.start
                                    : a.start + a.step * k[a.iterDim]);
    bool inside = index.size() == shape.size();
    for (size_t d = 0; inside && d < index.size(); ++d)
      inside = index[d] >= 0 && index[d] < shape[d];
    return inside;
  };
  Words from, to;
  for (int64_t t = 0; t < total; ++t) {
    int64_t rest = t;
    for (size_t d = k.size(); d-- > 0;) {
      k[d] = rest % map.counts[d];
      rest /= map.counts[d];
    }
    if (!at(map.src, srcShape, from) || !at(map.dst, dstShape, to) ||
        !writes.emplace(to, from).second) {
      ADD_FAILURE() << "test bug: invalid map " << map.what;
      return false;
    }
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Running an exchange and checking it
//===----------------------------------------------------------------------===//

/// Runs \p map from \p src to \p dst with elements of type T and checks
/// every owned destination element. Passing the same Array twice runs it
/// in place: one handle and one buffer, which NumPy reads before writing.
/// The plan runs twice (same result) and a second request returns it.
template <typename T>
void check(const Array &src, const Array &dst, const Map &map) {
  SCOPED_TRACE("dst " + dst.name + ", src " + src.name + ": " + map.what +
               ", " + std::to_string(sizeof(T)) + "-byte elements, rank " +
               std::to_string(worldRank()) + " of " +
               std::to_string(worldSize()));
  bool inPlace = &src == &dst;
  std::map<Words, Words> writes;
  if (!enumerate(map, src.shape, dst.shape, writes))
    return;
  Words words = map.words();
  void *plan = dac_rt_exchange_plan(src.handle, dst.handle, words.data());
  Words copy = words; // Same request, another buffer.
  EXPECT_EQ(dac_rt_exchange_plan(src.handle, dst.handle, copy.data()), plan)
      << "the plan is not cached";
  for (int run = 1; run <= 2; ++run) {
    std::vector<T> srcData(src.localCount()),
        dstData(dst.localCount(), static_cast<T>(kSentinel));
    forEachOwned(src, [&](size_t offset, const Words &global) {
      srcData[offset] = static_cast<T>(encode(global));
    });
    const std::vector<T> before = srcData;
    std::vector<T> &out = inPlace ? srcData : dstData;
    void *ticket =
        dac_rt_exchange_start(plan, srcData.data(), out.data(), sizeof(T));
    dac_rt_exchange_wait(ticket);
    if (!inPlace) {
      EXPECT_TRUE(srcData == before) << "run " << run << " changed the source";
    }
    int wrong = 0;
    forEachOwned(dst, [&](size_t offset, const Words &global) {
      auto write = writes.find(global);
      bool written = write != writes.end();
      int64_t want = written   ? encode(write->second)
                     : inPlace ? encode(global)
                               : kSentinel;
      if (out[offset] == static_cast<T>(want) || ++wrong > 3)
        return;
      ADD_FAILURE() << "run " << run << ": dst" << str(global) << " is "
                    << +out[offset] << ", expected " << want
                    << (written ? " = src" + str(write->second)
                                : std::string(" (not written)"));
    });
    EXPECT_EQ(wrong, 0) << "run " << run << ": wrong destination elements";
  }
}

/// All codes of one dimension, and 2-D pairs (several choose 2-D grids;
/// 'u' and 'i' fix their extent, so the other dimension gets 1).
const std::string kKinds1D = "bickun";
const std::vector<std::string> kKinds2D = {"bb", "ck", "nb", "bn",
                                           "ub", "ic", "kk", "nn"};

std::vector<Array> arrays1D(int64_t n) {
  std::vector<Array> arrays;
  for (char code : kKinds1D)
    arrays.push_back(makeArray(std::string(1, code), {n}));
  return arrays;
}

std::vector<Array> arrays2D(const Words &shape) {
  std::vector<Array> arrays;
  for (const std::string &codes : kKinds2D)
    arrays.push_back(makeArray(codes, shape));
  return arrays;
}

Map identity(size_t rank, int64_t n0, int64_t n1 = 0) {
  Map map{"dst[...] = src", {n0}, {iter(0)}, {iter(0)}};
  if (rank == 2) {
    map.counts.push_back(n1);
    map.src.push_back(iter(1));
    map.dst.push_back(iter(1));
  }
  return map;
}

//===----------------------------------------------------------------------===//
// Tests
//===----------------------------------------------------------------------===//

TEST(Exchange, RedistributesBetweenEveryPairOf1DLayouts) {
  // 13 elements, and 3: fewer than 4 ranks, so some chunks are empty.
  for (int64_t n : {13, 3}) {
    std::vector<Array> srcs = arrays1D(n), dsts = arrays1D(n);
    for (const Array &src : srcs)
      for (const Array &dst : dsts)
        check<double>(src, dst, identity(1, n));
  }
}

TEST(Exchange, RedistributesBetweenEveryPairOf2DLayouts) {
  // (1, 3) has fewer elements than 4 ranks.
  for (Words shape : {Words{6, 7}, Words{1, 3}}) {
    std::vector<Array> srcs = arrays2D(shape), dsts = arrays2D(shape);
    for (const Array &src : srcs)
      for (const Array &dst : dsts)
        check<double>(src, dst, identity(2, shape[0], shape[1]));
  }
}

TEST(Exchange, SlicesWithSteps) {
  std::vector<Array> src = arrays1D(20), dst5 = arrays1D(5), dst4 = arrays1D(4),
                     dst19 = arrays1D(19), dst20 = arrays1D(20),
                     src3 = arrays1D(3), dst3 = arrays1D(3), dst2 = arrays1D(2);
  for (size_t s = 0; s < kKinds1D.size(); ++s)
    for (size_t d = 0; d < kKinds1D.size(); ++d) {
      check<double>(src[s], dst5[d],
                    {"dst = src[2:17:3]", {5}, {iter(0, 2, 3)}, {iter(0)}});
      check<double>(src[s], dst20[d],
                    {"dst = src[::-1]", {20}, {iter(0, 19, -1)}, {iter(0)}});
      check<double>(src[s], dst4[d],
                    {"dst = src[15:2:-4]", {4}, {iter(0, 15, -4)}, {iter(0)}});
      check<double>(src[s], dst19[d],
                    {"dst = src[1:]", {19}, {iter(0, 1)}, {iter(0)}});
      check<double>(src[s], dst20[d],
                    {"dst[::-1] = src", {20}, {iter(0)}, {iter(0, 19, -1)}});
      check<double>(src3[s], dst2[d],
                    {"dst = src[1:]", {2}, {iter(0, 1)}, {iter(0)}});
      check<double>(src3[s], dst3[d],
                    {"dst = src[::-1]", {3}, {iter(0, 2, -1)}, {iter(0)}});
    }
}

TEST(Exchange, ElementSizesFourAndOne) {
  std::vector<Array> src = arrays1D(20), dst5 = arrays1D(5),
                     dst20 = arrays1D(20);
  for (size_t s = 0; s < kKinds1D.size(); ++s)
    for (size_t d = 0; d < kKinds1D.size(); ++d) {
      check<int32_t>(src[s], dst5[d],
                     {"dst = src[2:17:3]", {5}, {iter(0, 2, 3)}, {iter(0)}});
      check<int8_t>(src[s], dst20[d],
                    {"dst = src[::-1]", {20}, {iter(0, 19, -1)}, {iter(0)}});
    }
  std::vector<Array> src2 = arrays2D({6, 7}), dst2 = arrays2D({7, 6});
  for (const Array &s : src2)
    for (const Array &d : dst2)
      check<int32_t>(
          s, d,
          {"dst = src.T", {7, 6}, {iter(1), iter(0)}, {iter(0), iter(1)}});
}

TEST(Exchange, IntegerIndexDropsADimension) {
  std::vector<Array> src = arrays2D({6, 7}), row = arrays1D(7),
                     column = arrays1D(6);
  for (const Array &s : src)
    for (size_t d = 0; d < kKinds1D.size(); ++d) {
      check<double>(s, row[d],
                    {"dst = src[3, :]", {7}, {fixed(3), iter(0)}, {iter(0)}});
      check<double>(s, column[d],
                    {"dst = src[:, 2]", {6}, {iter(0), fixed(2)}, {iter(0)}});
    }
}

TEST(Exchange, Transposes) {
  for (Words shape : {Words{6, 7}, Words{1, 3}}) {
    std::vector<Array> src = arrays2D(shape),
                       dst = arrays2D({shape[1], shape[0]});
    for (const Array &s : src)
      for (const Array &d : dst)
        check<double>(s, d,
                      {"dst = src.T",
                       {shape[1], shape[0]},
                       {iter(1), iter(0)},
                       {iter(0), iter(1)}});
  }
}

// One iteration dimension moving two source dimensions cannot be planned
// per dimension: the element-by-element planner takes it.
TEST(Exchange, Diagonals) {
  std::vector<Array> src = arrays2D({5, 5}), dst = arrays1D(5),
                     shorter = arrays1D(3);
  for (const Array &s : src) {
    for (const Array &d : dst)
      check<double>(
          s, d, {"dst = np.diagonal(src)", {5}, {iter(0), iter(0)}, {iter(0)}});
    for (const Array &d : shorter)
      check<double>(
          s, d,
          {"dst = np.diagonal(src, 2)", {3}, {iter(0), iter(0, 2)}, {iter(0)}});
  }
}

TEST(Exchange, Broadcasts) {
  std::vector<Array> src = arrays1D(7), flat = arrays2D({1, 7}),
                     rows = arrays2D({4, 7}), columns = arrays2D({7, 4});
  for (const Array &d : rows) {
    for (const Array &s : src)
      check<double>(
          s, d, {"dst[i, j] = src[j]", {4, 7}, {iter(1)}, {iter(0), iter(1)}});
    for (const Array &s : flat)
      check<double>(s, d,
                    {"dst[...] = src (1, 7) by step 0",
                     {4, 7},
                     {iter(0, 0, 0), iter(1)},
                     {iter(0), iter(1)}});
  }
  for (const Array &d : columns)
    for (const Array &s : src)
      check<double>(
          s, d,
          {"dst[...] = src[:, None]", {7, 4}, {iter(0)}, {iter(0), iter(1)}});
}

TEST(Exchange, InsertsIntoARegionOfALargerArray) {
  std::vector<Array> src = arrays2D({3, 7}), dst = arrays2D({8, 7});
  for (const Array &s : src)
    for (const Array &d : dst)
      check<double>(s, d,
                    {"dst[1:7:2, :] = src",
                     {3, 7},
                     {iter(0), iter(1)},
                     {iter(0, 1, 2), iter(1)}});
  for (int64_t n : {13, 3}) {
    std::vector<Array> src1 = arrays1D(n), dst1 = arrays1D(13);
    for (const Array &s : src1)
      for (const Array &d : dst1)
        check<double>(
            s, d, {"dst[9:0:-3] = src[:3]", {3}, {iter(0)}, {iter(0, 9, -3)}});
  }
}

TEST(Exchange, ZeroDimensionalArrays) {
  Array scalar = makeArray("", {}), other = makeArray("", {});
  for (const Array &d : arrays2D({4, 5}))
    check<double>(scalar, d,
                  {"dst[...] = scalar", {4, 5}, {}, {iter(0), iter(1)}});
  for (const Array &d : arrays1D(3))
    check<int8_t>(scalar, d, {"dst[...] = scalar", {3}, {}, {iter(0)}});
  for (const Array &s : arrays1D(13))
    check<double>(s, scalar, {"scalar = src[4]", {}, {fixed(4)}, {}});
  for (const Array &s : arrays2D({6, 7}))
    check<double>(s, scalar,
                  {"scalar = src[3, 5]", {}, {fixed(3), fixed(5)}, {}});
  check<double>(scalar, other, {"scalar = scalar", {}, {}, {}});
}

TEST(Exchange, EmptyIterationSpacesChangeNothing) {
  std::vector<Array> src = arrays1D(13), dst = arrays1D(13),
                     empty = arrays1D(0), empty2 = arrays1D(0);
  for (size_t s = 0; s < kKinds1D.size(); ++s)
    for (size_t d = 0; d < kKinds1D.size(); ++d) {
      check<double>(src[s], dst[d],
                    {"dst[3:3] = src[5:5]", {0}, {iter(0, 5)}, {iter(0, 3)}});
      check<double>(src[s], empty[d],
                    {"dst (0,) = src[13:]", {0}, {iter(0, 13)}, {iter(0)}});
      check<double>(empty[s], empty2[d], identity(1, 0));
    }
  std::vector<Array> src2 = arrays2D({6, 7}), dst2 = arrays2D({6, 7});
  for (const Array &s : src2)
    for (const Array &d : dst2)
      check<double>(s, d,
                    {"dst[:, 2:2] = src[:4, 0:0]",
                     {4, 0},
                     {iter(0), iter(1)},
                     {iter(0), iter(1, 2)}});
}

TEST(Exchange, PlansAreCachedPerRequest) {
  Array src = makeArray("b", {10}), dst = makeArray("c", {10});
  Words shift = Map{"", {9}, {iter(0, 1)}, {iter(0)}}.words();
  Words same = shift, other = Map{"", {9}, {iter(0)}, {iter(0)}}.words();
  void *plan = dac_rt_exchange_plan(src.handle, dst.handle, shift.data());
  EXPECT_EQ(dac_rt_exchange_plan(src.handle, dst.handle, same.data()), plan);
  EXPECT_NE(dac_rt_exchange_plan(src.handle, dst.handle, other.data()), plan);
  EXPECT_NE(dac_rt_exchange_plan(dst.handle, src.handle, shift.data()), plan);
  // Other plans in between do not disturb it, and one plan serves any
  // element size, one after the other.
  Map map{"dst[:9] = src[1:]", {9}, {iter(0, 1)}, {iter(0)}};
  check<double>(src, dst, map);
  check<int8_t>(src, dst, map);
  check<int32_t>(src, dst, map);
}

TEST(Exchange, OverlappingSourceAndDestinationReadBeforeWriting) {
  for (int64_t n : {13, 3}) {
    for (const Array &a : arrays1D(n)) {
      check<double>(a, a, identity(1, n));
      check<double>(a, a, {"a[1:] = a[:-1]", {n - 1}, {iter(0)}, {iter(0, 1)}});
      check<double>(a, a, {"a[:-1] = a[1:]", {n - 1}, {iter(0, 1)}, {iter(0)}});
      check<double>(a, a,
                    {"a[:] = a[::-1]", {n}, {iter(0, n - 1, -1)}, {iter(0)}});
      check<int32_t>(
          a, a,
          {"a[:-1:2] = a[1::2]", {n / 2}, {iter(0, 1, 2)}, {iter(0, 0, 2)}});
    }
  }
  for (const Array &a : arrays2D({5, 5})) {
    check<double>(
        a, a, {"a[:] = a.T", {5, 5}, {iter(1), iter(0)}, {iter(0), iter(1)}});
    check<double>(a, a,
                  {"a[1:, :] = a[:-1, ::-1]",
                   {4, 5},
                   {iter(0), iter(1, 4, -1)},
                   {iter(0, 1), iter(1)}});
  }
}

/// A block dimension's owned range {first, count} through the ABI; where
/// the rank owns elements, it must agree with their global indices.
Words ownedRange(const Array &a, unsigned d) {
  Words range(2, -1);
  dac_rt_layout_owned_range(a.handle, d, range.data());
  const Words &own = a.owned[d];
  if (!own.empty()) {
    EXPECT_EQ(range[0], own.front()) << "dimension " << d;
    EXPECT_EQ(range[1], static_cast<int64_t>(own.size())) << "dimension " << d;
  }
  return range;
}

/// Checks the ghost cells a kernel iterating over `iter` (null: over `a`
/// itself) needs to read `a` shifts[2d]..shifts[2d+1] positions away along
/// each dimension d: the widths cover every position read and, iterating
/// over `a` itself, are no wider than the shifts; every cell around the
/// chunk is in exactly one slab and holds the code of its global index
/// (wrapped along the dimensions of `periodic`), cells past an edge keep
/// their old value.
void checkGhosts(const Array &a, const Array *iter, const Words &shifts,
                 int64_t periodic) {
  SCOPED_TRACE(a.name + (iter ? " over " + iter->name : "") + " shifts " +
               str(shifts) + " periodic " + std::to_string(periodic));
  size_t rank = a.shape.size();
  std::vector<int64_t> data;
  forEachOwned(a, [&](size_t, const Words &g) { data.push_back(encode(g)); });
  Words out(3 * rank + 1, -1);
  void *plan = dac_rt_ghost_plan(a.handle, iter ? iter->handle : nullptr,
                                 const_cast<int64_t *>(shifts.data()), periodic,
                                 out.data());
  Words lo(rank), hi(rank), first(rank), sizes(rank), padded(rank);
  bool iterates = true;
  for (size_t d = 0; d < rank; ++d) {
    lo[d] = out[2 * d];
    hi[d] = out[2 * d + 1];
    sizes[d] = static_cast<int64_t>(a.owned[d].size());
    padded[d] = lo[d] + sizes[d] + hi[d];
    iterates &= (iter ? iter->owned[d].size() : sizes[d]) > 0;
  }
  for (size_t d = 0; d < rank && iterates; ++d) {
    if (!shifts[2 * d] && !shifts[2 * d + 1] && !iter)
      continue;
    Words own = ownedRange(a, d);
    Words rows = iter ? ownedRange(*iter, d) : own;
    first[d] = own[0];
    EXPECT_LE(own[0] - lo[d], rows[0] + shifts[2 * d]) << "dimension " << d;
    EXPECT_GE(own[0] + own[1] + hi[d], rows[0] + rows[1] + shifts[2 * d + 1])
        << "dimension " << d;
    if (!iter) {
      EXPECT_EQ(lo[d], std::max<int64_t>(0, -shifts[2 * d]));
      EXPECT_EQ(hi[d], std::max<int64_t>(0, shifts[2 * d + 1]));
    }
  }
  std::vector<int64_t> ghosts(out[3 * rank], -7);
  void *ticket =
      dac_rt_exchange_start(plan, data.data(), ghosts.data(), sizeof(int64_t));
  dac_rt_exchange_wait(ticket);

  int64_t count = 1;
  for (int64_t e : padded)
    count *= e;
  std::vector<int> seen(ghosts.size(), 0);
  Words pos(rank), global(rank);
  for (int64_t n = 0; n < count; ++n) {
    int64_t rest = n;
    for (size_t d = rank; d-- > 0;) {
      pos[d] = rest % padded[d];
      rest /= padded[d];
    }
    // The first dimension along which the position is outside the chunk.
    size_t s = 0;
    while (s < rank && pos[s] >= lo[s] && pos[s] < lo[s] + sizes[s])
      ++s;
    if (s == rank)
      continue;
    int64_t offset = 0;
    bool past = false;
    for (size_t d = 0; d < rank; ++d) {
      int64_t extent = d < s ? sizes[d] : d == s ? lo[d] + hi[d] : padded[d];
      int64_t at = d < s                       ? pos[d] - lo[d]
                   : d == s && pos[d] >= lo[d] ? pos[d] - sizes[d]
                                               : pos[d];
      offset = offset * extent + at;
      int64_t g = pos[d] < lo[d]               ? first[d] - lo[d] + pos[d]
                  : pos[d] >= lo[d] + sizes[d] ? first[d] + pos[d] - lo[d]
                                               : a.owned[d][pos[d] - lo[d]];
      if ((periodic >> d) & 1)
        g = ((g % a.shape[d]) + a.shape[d]) % a.shape[d];
      past |= g < 0 || g >= a.shape[d];
      global[d] = g;
    }
    offset += out[2 * rank + s];
    ASSERT_LT(offset, out[2 * rank + s + 1]) << "slab " << s << str(pos);
    ++seen[offset];
    ASSERT_EQ(ghosts[offset], past ? -7 : encode(global))
        << "ghost cell at padded position " << str(pos);
  }
  for (size_t i = 0; i < seen.size(); ++i)
    ASSERT_EQ(seen[i], 1) << "ghost buffer offset " << i;
}

TEST(Exchange, GhostCellsComeFromTheirOwners) {
  // 13 and 3 elements on 1-4 ranks: widths wider than some chunks, empty
  // chunks (3 on 4 ranks), both edges, irregular bounds.
  for (int64_t n : {13, 3})
    for (const char *codes : {"b", "i"}) {
      Array a = makeArray(codes, {n});
      for (auto [min, max] : {std::pair{-1, 1}, {-2, 0}, {0, 3}, {-2, 2}})
        for (int64_t periodic : {0, 1}) {
          if (-min > n || max > n)
            continue;
          checkGhosts(a, nullptr, {min, max}, periodic);
        }
    }
  // Rows of a row-block matrix, columns and corners of 2-D grids (a
  // 9-point stencil reads all eight neighbours), a 3-D grid.
  checkGhosts(makeArray("bn", {9, 4}), nullptr, {-1, 2, 0, 0}, 0);
  checkGhosts(makeArray("bn", {9, 4}), nullptr, {-1, 1, 0, 0}, 1);
  checkGhosts(makeArray("nb", {4, 9}), nullptr, {0, 0, -2, 1}, 0);
  checkGhosts(makeArray("bb", {6, 7}), nullptr, {0, 0, -1, 1}, 0);
  checkGhosts(makeArray("bb", {6, 7}), nullptr, {-1, 1, -1, 1}, 0);
  checkGhosts(makeArray("bb", {6, 7}), nullptr, {-2, 1, -1, 2}, 3);
  checkGhosts(makeArray("bi", {5, 11}), nullptr, {-1, 1, -2, 2}, 2);
  checkGhosts(makeArray("bbb", {5, 4, 6}), nullptr, {-1, 1, -1, 1, -1, 1}, 0);
  // Iterating over other extents (x[1:] - x[:-1], u[2:, 1:-1] + ...): the
  // split differs, the widths differ between ranks.
  Array x = makeArray("b", {13}), dx = makeArray("b", {12});
  checkGhosts(x, &dx, {0, 1}, 0);
  Array u = makeArray("bb", {9, 7}), inner = makeArray("bb", {7, 5});
  checkGhosts(u, &inner, {0, 2, 0, 2}, 0);
  checkGhosts(u, &inner, {1, 1, 0, 2}, 0);
}

} // namespace
