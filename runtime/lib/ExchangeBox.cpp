//===- ExchangeBox.cpp - Planning the exchange dimension by dimension -----===//
//
// Most maps move each array dimension by itself: a redistribution, a
// transpose, a slice with steps, a broadcast. Under such a map the
// elements one rank sends another are the product, over the destination's
// dimensions, of the indices along each that both ends agree on, so a plan
// holds per peer one list of offsets per dimension (a box) instead of one
// offset per element. Every rank computes what it sends and what it gets
// from the layouts alone, with no communication, in time proportional to
// the extents times the number of ranks.
//
//===----------------------------------------------------------------------===//

#include "ExchangePlan.h"

#include "Detail.h"

#include <stdexcept>

using namespace dac::rt;
using namespace dac::rt::exchange;
using detail::LayoutHandle;

int64_t Pattern::oneRun() const {
  if (!boxed)
    return runs.size() == 1 ? runs[0].first : -1;
  for (const std::vector<int64_t> &list : box)
    if (list.empty())
      return -1;
  // Consecutive innermost offsets; each outer list either one offset or
  // stepping by the span of everything inside it.
  int64_t first = base, span = 1;
  for (size_t d = box.size(); d-- > 0;) {
    const std::vector<int64_t> &list = box[d];
    for (size_t i = 1; i < list.size(); ++i)
      if (list[i] != list[0] + static_cast<int64_t>(i) * span)
        return -1;
    first += list[0];
    span *= static_cast<int64_t>(list.size());
  }
  return first;
}

void Pattern::pack(char *to, const char *from, size_t bytes) const {
  forEachRun([&](int64_t first, int64_t count) {
    copy(to, from + first * bytes, count * bytes);
    to += count * bytes;
  });
}

void Pattern::unpack(char *to, const char *from, size_t bytes) const {
  forEachRun([&](int64_t first, int64_t count) {
    copy(to + first * bytes, from, count * bytes);
    from += count * bytes;
  });
}

void exchange::copyPatterns(const Pattern &fromPattern,
                            const Pattern &toPattern, const char *from,
                            char *to, size_t bytes) {
  if (fromPattern.boxed != toPattern.boxed)
    throw std::logic_error("copying between a box and runs");
  if (!fromPattern.boxed) {
    // Two cuts of one sequence into runs: copy the overlaps.
    const auto &fromRuns = fromPattern.runs, &toRuns = toPattern.runs;
    size_t i = 0, j = 0;
    int64_t usedFrom = 0, usedTo = 0;
    while (i < fromRuns.size() && j < toRuns.size()) {
      auto [fromFirst, fromCount] = fromRuns[i];
      auto [toFirst, toCount] = toRuns[j];
      int64_t n = std::min(fromCount - usedFrom, toCount - usedTo);
      Runs::copy(to + (toFirst + usedTo) * bytes,
                 from + (fromFirst + usedFrom) * bytes, n * bytes);
      usedFrom += n;
      usedTo += n;
      if (usedFrom == fromCount) {
        ++i;
        usedFrom = 0;
      }
      if (usedTo == toCount) {
        ++j;
        usedTo = 0;
      }
    }
    return;
  }
  // Boxes of one shape: the innermost lists as runs consecutive on both
  // sides, then one pass per outer point.
  const auto &a = fromPattern.box, &b = toPattern.box;
  for (const auto *side : {&a, &b})
    for (const std::vector<int64_t> &list : *side)
      if (list.empty())
        return;
  if (a.size() != b.size())
    throw std::logic_error("copying between boxes of different shapes");
  for (size_t d = 0; d < a.size(); ++d)
    if (a[d].size() != b[d].size())
      throw std::logic_error("copying between boxes of different shapes");
  if (a.empty()) {
    Runs::copy(to + toPattern.base * bytes, from + fromPattern.base * bytes,
               bytes);
    return;
  }
  struct Piece {
    int64_t from, to, count;
  };
  std::vector<Piece> inner;
  for (size_t i = 0; i < a.back().size(); ++i) {
    int64_t f = a.back()[i], t = b.back()[i];
    if (!inner.empty() && inner.back().from + inner.back().count == f &&
        inner.back().to + inner.back().count == t)
      ++inner.back().count;
    else
      inner.push_back({f, t, 1});
  }
  size_t outer = a.size() - 1;
  std::vector<size_t> pos(outer, 0);
  do {
    int64_t f = fromPattern.base, t = toPattern.base;
    for (size_t d = 0; d < outer; ++d) {
      f += a[d][pos[d]];
      t += b[d][pos[d]];
    }
    for (const Piece &p : inner)
      Runs::copy(to + (t + p.to) * bytes, from + (f + p.from) * bytes,
                 p.count * bytes);
  } while (advance(pos, outer, [&](size_t d) { return a[d].size(); }));
}

namespace {

/// One destination index along one dimension that a rank owns and the map
/// writes: its local index there, and the source index it reads along the
/// source dimension moved with it (its owner's grid coordinate, -1 when
/// any rank has it, and its local index there).
struct Entry {
  int64_t dstLocal, srcCoord, srcLocal;
};

} // namespace

std::shared_ptr<Plan> exchange::buildBoxPlan(const LayoutHandle &srcHandle,
                                             const LayoutHandle &dstHandle,
                                             const AccessMap &map) {
  const Layout &src = srcHandle.Map, &dst = dstHandle.Map;
  // The source dimension each iteration dimension moves (at most one).
  std::vector<int> srcDimOf(map.counts.size(), -1);
  for (unsigned d = 0; d < src.rank(); ++d) {
    int64_t t = map.src[d].iterDim;
    if (t < 0)
      continue;
    if (srcDimOf[t] >= 0)
      return nullptr;
    srcDimOf[t] = static_cast<int>(d);
  }
  int me = srcHandle.Rank, size = detail::worldSize();
  bool srcReplicated = src.distributedDims().empty();
  // Per rank and destination dimension, the entries it owns.
  auto entriesOf = [&](int64_t rank, unsigned e) {
    std::vector<Entry> entries;
    const DimAccess &a = map.dst[e];
    std::vector<int64_t> owned = dst.ownedIndices(rank, e);
    for (size_t l = 0; l < owned.size(); ++l) {
      int64_t g = owned[l], k = 0;
      if (a.iterDim < 0) {
        if (g != a.start)
          continue;
      } else {
        int64_t delta = g - a.start;
        if (delta % a.step != 0)
          continue;
        k = delta / a.step;
        if (k < 0 || k >= map.counts[a.iterDim])
          continue;
      }
      Entry entry{static_cast<int64_t>(l), -1, 0};
      int d = a.iterDim < 0 ? -1 : srcDimOf[a.iterDim];
      if (d >= 0) {
        const DimAccess &s = map.src[d];
        int64_t h = s.start + s.step * k;
        if (s.wrap) {
          int64_t n = src.shape()[d];
          h = ((h % n) + n) % n;
        }
        AxisOwner owner = src.axis(d).owner(h);
        entry.srcCoord = src.dim(d).isDistributed() ? owner.coord : -1;
        entry.srcLocal = owner.local;
      }
      entries.push_back(entry);
    }
    return entries;
  };
  // Source dimensions fixed at one index: the rank holding the element
  // must own it along them.
  auto fixedSourceOffset = [&](int64_t rank, int64_t &offset) {
    std::vector<int64_t> strides = stridesOf(src.localShape(rank));
    offset = 0;
    for (unsigned d = 0; d < src.rank(); ++d) {
      if (map.src[d].iterDim >= 0)
        continue;
      AxisOwner owner = src.axis(d).owner(map.src[d].start);
      if (src.dim(d).isDistributed() && owner.coord != src.coordAlong(rank, d))
        return false;
      offset += owner.local * strides[d];
    }
    return true;
  };
  // The box of the elements that `receiver` gets from `sender`, as offsets
  // on either side.
  auto boxOf = [&](int64_t receiver, int64_t sender,
                   const std::vector<std::vector<Entry>> &entries,
                   bool sourceSide, Pattern &box) {
    box = Pattern();
    box.boxed = true;
    int64_t fixed = 0;
    if (!fixedSourceOffset(sender, fixed)) {
      // No elements: one empty list (an empty box of no lists would be
      // the one element of a 0-d array).
      box.box.assign(1, {});
      return int64_t(0);
    }
    std::vector<int64_t> strides = sourceSide
                                       ? stridesOf(src.localShape(sender))
                                       : stridesOf(dst.localShape(receiver));
    box.base = sourceSide ? fixed : 0;
    int64_t count = 1;
    for (unsigned e = 0; e < dst.rank(); ++e) {
      const DimAccess &a = map.dst[e];
      int d = a.iterDim < 0 ? -1 : srcDimOf[a.iterDim];
      std::vector<int64_t> list;
      for (const Entry &entry : entries[e]) {
        if (!srcReplicated && entry.srcCoord >= 0 &&
            entry.srcCoord != src.coordAlong(sender, d))
          continue;
        if (!sourceSide)
          list.push_back(entry.dstLocal * strides[e]);
        else
          list.push_back(d < 0 ? 0 : entry.srcLocal * strides[d]);
      }
      count *= static_cast<int64_t>(list.size());
      box.box.push_back(std::move(list));
    }
    return count;
  };
  auto plan = std::make_shared<Plan>();
  plan->sendCounts.assign(size, 0);
  plan->recvCounts.assign(size, 0);
  plan->sendDispls.assign(size, 0);
  plan->recvDispls.assign(size, 0);
  plan->sendPeerRuns.resize(size);
  plan->recvPeerRuns.resize(size);
  auto checkedCount = [](int64_t n) {
    if (n > INT32_MAX)
      throw std::length_error("more than 2^31 elements for one peer");
    return static_cast<int>(n);
  };
  std::vector<std::vector<Entry>> mine(dst.rank());
  for (unsigned e = 0; e < dst.rank(); ++e)
    mine[e] = entriesOf(me, e);
  // Received: from every rank holding some (only this one when the source
  // is replicated).
  for (int p = 0; p < size; ++p) {
    if (srcReplicated && p != me)
      continue;
    if (p == me) {
      plan->selfCount = boxOf(me, me, mine, false, plan->selfDstRuns);
      boxOf(me, me, mine, true, plan->selfSrcRuns);
      continue;
    }
    plan->recvCounts[p] =
        checkedCount(boxOf(me, p, mine, false, plan->recvPeerRuns[p]));
  }
  // Sent: to every rank that needs some of this one's elements.
  if (!srcReplicated)
    for (int q = 0; q < size; ++q) {
      if (q == me)
        continue;
      std::vector<std::vector<Entry>> theirs(dst.rank());
      for (unsigned e = 0; e < dst.rank(); ++e)
        theirs[e] = entriesOf(q, e);
      plan->sendCounts[q] =
          checkedCount(boxOf(q, me, theirs, true, plan->sendPeerRuns[q]));
    }
  for (int r = 1; r < size; ++r) {
    plan->sendDispls[r] = plan->sendDispls[r - 1] + plan->sendCounts[r - 1];
    plan->recvDispls[r] = plan->recvDispls[r - 1] + plan->recvCounts[r - 1];
  }
  for (int r = 0; r < size; ++r) {
    plan->sendCount += plan->sendCounts[r];
    plan->recvCount += plan->recvCounts[r];
  }
  plan->remote = size > 1 && detail::mpiActive();
  plan->split = true;
  return plan;
}
