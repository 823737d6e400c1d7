//===- ExchangePlan.h - Plans of the general exchange ----------*- C++ -*-===//
//
// Private to runtime/lib: what a plan of the exchange holds (per peer, the
// elements to send and where received ones land), and the planners that
// make one from two layouts. Exchange.cpp caches and runs plans;
// ExchangePlans.cpp plans element by element, ExchangeBox.cpp per
// dimension.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_LIB_EXCHANGEPLAN_H
#define DAC_RUNTIME_LIB_EXCHANGEPLAN_H

#include "LayoutHandle.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace dac::rt::exchange {

/// One array dimension of an access map: index = start + step * k[iterDim]
/// (iterDim < 0: fixed at start), modulo the extent when `wrap`.
struct DimAccess {
  int64_t start, step, iterDim, wrap;
};

struct AccessMap {
  std::vector<int64_t> counts;
  std::vector<DimAccess> src, dst;
};

/// Decodes the words of an access map (see RuntimeABI.def), and counts them.
AccessMap decodeMap(const int64_t *words);
size_t mapWords(const int64_t *words);

/// C-order strides of a local shape.
std::vector<int64_t> stridesOf(const std::vector<int64_t> &shape);

/// Steps the odometer `pos` (its first `count` digits, the last fastest,
/// digit d running below `extent(d)`); false once it has gone round.
template <typename Index, typename Extent>
bool advance(std::vector<Index> &pos, size_t count, Extent extent) {
  for (size_t d = count; d-- > 0;) {
    if (++pos[d] < static_cast<Index>(extent(d)))
      return true;
    pos[d] = 0;
  }
  return false;
}

/// Offsets as (first, count) runs of consecutive elements, in order.
struct Runs {
  std::vector<std::pair<int64_t, int64_t>> runs;

  explicit Runs(const std::vector<int64_t> &offsets = {}) {
    for (int64_t offset : offsets)
      append(offset);
  }
  /// Adds the element at `offset` after the others.
  void append(int64_t offset) {
    if (!runs.empty() && runs.back().first + runs.back().second == offset)
      ++runs.back().second;
    else
      runs.push_back({offset, 1});
  }
  /// Copies the runs of `from` into the packed `to`.
  void pack(char *to, const char *from, size_t bytes) const {
    for (auto [first, count] : runs) {
      copy(to, from + first * bytes, count * bytes);
      to += count * bytes;
    }
  }
  /// The runs cut into consecutive pieces of `counts[r]` elements.
  std::vector<Runs> split(const std::vector<int> &counts) const {
    std::vector<Runs> pieces(counts.size());
    size_t at = 0;
    int64_t used = 0;
    for (size_t r = 0; r < counts.size(); ++r) {
      int64_t need = counts[r];
      while (need > 0) {
        auto [first, count] = runs[at];
        int64_t n = std::min(need, count - used);
        pieces[r].runs.push_back({first + used, n});
        need -= n;
        used += n;
        if (used == count) {
          ++at;
          used = 0;
        }
      }
    }
    return pieces;
  }
  /// Copies the packed `from` into the runs of `to`.
  void unpack(char *to, const char *from, size_t bytes) const {
    for (auto [first, count] : runs) {
      copy(to + first * bytes, from, count * bytes);
      from += count * bytes;
    }
  }
  /// A run's bytes: one 8-byte element (a strided access, a transpose) is
  /// a plain load and store, not a call of memcpy.
  static void copy(char *to, const char *from, size_t n) {
    if (n == 8) {
      uint64_t v;
      std::memcpy(&v, from, 8);
      std::memcpy(to, &v, 8);
      return;
    }
    std::memcpy(to, from, n);
  }
};

/// The elements of one side of a transfer, in order: runs, or (`boxed`)
/// the sums of one offset from each list of `box` plus `base`, in C order
/// over the lists (the first outermost). A box describes the elements a
/// peer gets under a map that works dimension by dimension (a transpose, a
/// redistribution) in memory proportional to the extents, not to the
/// number of elements.
struct Pattern : Runs {
  std::vector<std::vector<int64_t>> box;
  int64_t base = 0;
  bool boxed = false;

  Pattern() = default;
  Pattern(Runs runs) : Runs(std::move(runs)) {}
  /// The first offset when the elements are one run, else -1.
  int64_t oneRun() const;
  /// Calls f(first, count) for each run of consecutive elements, in order.
  template <typename F> void forEachRun(F &&f) const;
  void pack(char *to, const char *from, size_t bytes) const;
  void unpack(char *to, const char *from, size_t bytes) const;
};

/// Copies the elements of `fromPattern` in `from` to those of `toPattern`
/// in `to`, in order (both hold as many elements; boxes of one shape).
void copyPatterns(const Pattern &fromPattern, const Pattern &toPattern,
                  const char *from, char *to, size_t bytes);

struct Plan : std::enable_shared_from_this<Plan> {
  // Per peer rank, in elements.
  std::vector<int> sendCounts, sendDispls, recvCounts, recvDispls;
  /// Local (C-order, owned chunk) offsets: what to pack for each peer, and
  /// where what each peer sends lands.
  std::vector<int64_t> sendOffsets, recvOffsets;
  /// The rank's own elements: source offset -> destination offset.
  std::vector<int64_t> selfSrc, selfDst;
  /// The same offsets as runs of consecutive elements, which start and
  /// wait copy with one memcpy each (a slab of rows is a few runs).
  Runs sendRuns, recvRuns;
  Pattern selfSrcRuns, selfDstRuns;
  size_t sendCount = 0, recvCount = 0, selfCount = 0;
  bool remote = false;
  /// DAC_STATS: the kind of communication.
  const char *kind = "exchange";
  /// sendRuns and recvRuns cut per peer (made at the first start, or by
  /// the planner): a peer whose elements are one run is sent from
  /// (received into) place.
  std::vector<Pattern> sendPeerRuns, recvPeerRuns;
  bool split = false;

  void splitPerPeer() {
    if (split || !remote)
      return;
    for (Runs &runs : sendRuns.split(sendCounts))
      sendPeerRuns.emplace_back(std::move(runs));
    for (Runs &runs : recvRuns.split(recvCounts))
      recvPeerRuns.emplace_back(std::move(runs));
    split = true;
  }
};

/// A plan for `map` from `src` to `dst`: per dimension when the map allows
/// (ExchangeBox.cpp), else element by element. Collective.
std::shared_ptr<Plan> buildPlan(const detail::LayoutHandle &src,
                                const detail::LayoutHandle &dst,
                                const AccessMap &map);
/// The plan of a map whose every iteration dimension moves one dimension
/// of each side (or none of the source), or null. Needs no communication.
std::shared_ptr<Plan> buildBoxPlan(const detail::LayoutHandle &src,
                                   const detail::LayoutHandle &dst,
                                   const AccessMap &map);
/// A reshape in C order between two layouts of as many elements.
std::shared_ptr<Plan> buildReshapePlan(const detail::LayoutHandle &src,
                                       const detail::LayoutHandle &dst);
/// The ghost cells around the rank's chunk (see dac_rt_ghost_plan).
std::shared_ptr<Plan> buildGhostPlan(const detail::LayoutHandle &handle,
                                     const std::vector<int64_t> &lo,
                                     const std::vector<int64_t> &hi,
                                     int64_t periodic);
/// Each ghost slab's first offset in the ghost buffer and, last, the total.
void slabBases(const std::vector<int64_t> &shape,
               const std::vector<int64_t> &lo, const std::vector<int64_t> &hi,
               int64_t *bases);

template <typename F> void Pattern::forEachRun(F &&f) const {
  if (!boxed) {
    for (auto [first, count] : runs)
      f(first, count);
    return;
  }
  for (const std::vector<int64_t> &list : box)
    if (list.empty())
      return;
  if (box.empty()) {
    f(base, 1);
    return;
  }
  // The runs of the innermost list, once; then one pass per outer point.
  Runs inner(box.back());
  size_t outer = box.size() - 1;
  std::vector<size_t> pos(outer, 0);
  do {
    int64_t at = base;
    for (size_t d = 0; d < outer; ++d)
      at += box[d][pos[d]];
    for (auto [first, count] : inner.runs)
      f(at + first, count);
  } while (advance(pos, outer, [&](size_t d) { return box[d].size(); }));
}

} // namespace dac::rt::exchange

#endif // DAC_RUNTIME_LIB_EXCHANGEPLAN_H
