//===- Exchange.cpp - Moving elements between two layouts -----------------===//
//
// The one general data movement of dac: dst[dstIndex(k)] = src[srcIndex(k)]
// for every point k of an iteration space, where every index of either side
// is affine in one iteration dimension per array dimension (see the access
// map in RuntimeABI.def). Slices with any step, integer indices, new axes,
// broadcasts, shifted reads, slice assignment and redistribution are all
// such maps, on any two layouts and any number of ranks.
//
// A plan is computed once per (source layout, destination layout, map) and
// cached: every rank lists the destination elements it owns, finds who owns
// each source element (the layout rules), and tells the owners what to send
// (one alltoall of counts and one alltoallv of local offsets). Running a
// plan packs, exchanges with a nonblocking alltoallv and unpacks; a rank's
// own elements are copied directly.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "LayoutHandle.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

using namespace dac::rt;
using detail::LayoutHandle;

namespace {

/// One array dimension of an access map: index = start + step * k[iterDim]
/// (iterDim < 0: fixed at start), modulo the extent when `wrap`.
struct DimAccess {
  int64_t start, step, iterDim, wrap;
};

struct AccessMap {
  std::vector<int64_t> counts;
  std::vector<DimAccess> src, dst;
};

AccessMap decodeMap(const int64_t *words) {
  AccessMap map;
  size_t at = 0;
  int64_t rank = words[at++];
  if (rank < 0 || rank > 64)
    throw std::invalid_argument("bad iteration rank");
  map.counts.assign(words + at, words + at + rank);
  at += rank;
  for (std::vector<DimAccess> *side : {&map.src, &map.dst}) {
    int64_t dims = words[at++];
    if (dims < 0 || dims > 64)
      throw std::invalid_argument("bad array rank");
    for (int64_t d = 0; d < dims; ++d, at += 4)
      side->push_back({words[at], words[at + 1], words[at + 2], words[at + 3]});
  }
  return map;
}

size_t mapWords(const int64_t *words) {
  size_t at = 1 + words[0];
  at += 1 + 4 * words[at];
  at += 1 + 4 * words[at];
  return at;
}

/// Offsets as (first, count) runs of consecutive elements, in order.
struct Runs {
  std::vector<std::pair<int64_t, int64_t>> runs;

  explicit Runs(const std::vector<int64_t> &offsets = {}) {
    for (int64_t offset : offsets) {
      if (!runs.empty() && runs.back().first + runs.back().second == offset)
        ++runs.back().second;
      else
        runs.push_back({offset, 1});
    }
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
  Runs sendRuns, recvRuns, selfSrcRuns, selfDstRuns;
  size_t sendCount = 0, recvCount = 0, selfCount = 0;
  bool remote = false;
  /// DAC_STATS: the kind of communication.
  const char *kind = "exchange";
  /// sendRuns and recvRuns cut per peer (made at the first start): a peer
  /// whose elements are one run is sent from (received into) place.
  std::vector<Runs> sendPeerRuns, recvPeerRuns;
  bool split = false;

  void splitPerPeer() {
    if (split || !remote)
      return;
    sendPeerRuns = sendRuns.split(sendCounts);
    recvPeerRuns = recvRuns.split(recvCounts);
    split = true;
  }
};

/// Copies the elements of `fromRuns` in `from` to those of `toRuns` in
/// `to`, in order (both hold as many elements, cut differently).
void copyRuns(const Runs &fromRuns, const Runs &toRuns, const char *from,
              char *to, size_t bytes) {
  size_t i = 0, j = 0;
  int64_t usedFrom = 0, usedTo = 0;
  while (i < fromRuns.runs.size() && j < toRuns.runs.size()) {
    auto [fromFirst, fromCount] = fromRuns.runs[i];
    auto [toFirst, toCount] = toRuns.runs[j];
    int64_t n = std::min(fromCount - usedFrom, toCount - usedTo);
    std::memcpy(to + (toFirst + usedTo) * bytes,
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
}

/// Bytes for packed elements, kept between transfers and not cleared (a
/// vector's resize would write zeros over megabytes it then overwrites).
class Buffer {
public:
  char *resize(size_t bytes) {
    if (bytes > capacity) {
      storage.reset(new char[bytes]);
      capacity = bytes;
    }
    return storage.get();
  }
  char *data() const { return storage.get(); }

private:
  std::unique_ptr<char[]> storage;
  size_t capacity = 0;
};

/// One run of a plan, between start and wait: several may be in flight at
/// once (the ghost rows of two arrays of one layout use one plan).
struct Transfer {
  std::shared_ptr<Plan> plan;
  Buffer sendBuffer, recvBuffer, selfBuffer;
  int64_t elementSize = 0;
  /// One receive and one send per peer that has elements to exchange.
  std::vector<MPI_Request> requests;
  /// DAC_STATS: seconds spent in start.
  double seconds = 0;
  /// The destination, and whether it is the source.
  char *dst = nullptr;
  bool inPlace = false;
};

/// The tag of the exchange's point-to-point messages.
constexpr int kExchangeTag = 7;

/// Finished transfers, kept with their buffers for the next start.
std::vector<std::unique_ptr<Transfer>> &spareTransfers() {
  static std::vector<std::unique_ptr<Transfer>> Spare;
  return Spare;
}

/// C-order strides of a local shape.
std::vector<int64_t> stridesOf(const std::vector<int64_t> &shape) {
  std::vector<int64_t> strides(shape.size(), 1);
  for (size_t d = shape.size(); d-- > 1;)
    strides[d - 1] = strides[d] * shape[d];
  return strides;
}

void checkMap(const AccessMap &map, const Layout &src, const Layout &dst) {
  if (map.src.size() != src.rank() || map.dst.size() != dst.rank())
    throw std::invalid_argument("access map does not match the arrays' ranks");
  std::vector<int> covered(map.counts.size(), 0);
  for (const DimAccess &a : map.dst)
    if (a.wrap)
      throw std::invalid_argument("a destination access cannot wrap");
  for (const DimAccess &a : map.dst)
    if (a.iterDim >= 0) {
      if (a.iterDim >= static_cast<int64_t>(map.counts.size()) || a.step == 0)
        throw std::invalid_argument("bad destination access");
      ++covered[a.iterDim];
    }
  for (int c : covered)
    if (c != 1)
      throw std::invalid_argument("the destination must cover every "
                                  "iteration dimension exactly once");
  bool empty = false;
  for (int64_t c : map.counts)
    empty |= c == 0;
  auto inBounds = [&](const std::vector<DimAccess> &side, const Layout &l) {
    for (size_t d = 0; d < side.size(); ++d) {
      const DimAccess &a = side[d];
      if (a.iterDim >= static_cast<int64_t>(map.counts.size()))
        throw std::invalid_argument("bad iteration dimension");
      int64_t last = a.iterDim < 0 || empty
                         ? a.start
                         : a.start + a.step * (map.counts[a.iterDim] - 1);
      // A wrapping index lands anywhere, but needs something to land on.
      if (a.wrap && (a.iterDim < 0 || (!empty && l.shape()[d] == 0)))
        throw std::invalid_argument("bad wrapping access");
      if (!empty && !a.wrap &&
          (a.start < 0 || a.start >= l.shape()[d] || last < 0 ||
           last >= l.shape()[d]))
        throw std::invalid_argument("access outside the array");
    }
  };
  inBounds(map.src, src);
  inBounds(map.dst, dst);
}

/// Completes a plan from what this rank needs: per owner rank, the
/// offsets to read there (`requests`) and where each lands here
/// (`landing`). The owners learn what to send (one alltoall of counts,
/// one alltoallv of offsets).
void finishPlan(Plan &plan, const std::vector<std::vector<int64_t>> &requests,
                const std::vector<std::vector<int64_t>> &landing);

/// True if `map` copies a whole array to the same positions (a
/// redistribution).
bool isIdentity(const AccessMap &map, const Layout &src, const Layout &dst) {
  if (src.shape() != dst.shape() || map.counts != src.shape())
    return false;
  for (const std::vector<DimAccess> *side : {&map.src, &map.dst})
    for (size_t d = 0; d < side->size(); ++d) {
      const DimAccess &a = (*side)[d];
      if (a.start != 0 || a.step != 1 || a.iterDim != int64_t(d) || a.wrap)
        return false;
    }
  return true;
}

/// The positions in a whole (replicated) array of `rank`'s chunk under
/// `layout`, in the chunk's C order, as runs: computed from the owned
/// indices per dimension, without asking who owns each element.
void appendLandingRuns(const Layout &layout, int64_t rank, Runs &runs) {
  unsigned dims = layout.shape().size();
  std::vector<std::vector<int64_t>> owned(dims);
  for (unsigned d = 0; d < dims; ++d) {
    owned[d] = layout.ownedIndices(rank, d);
    if (owned[d].empty())
      return;
  }
  std::vector<int64_t> strides = stridesOf(layout.shape());
  std::vector<size_t> pos(dims, 0);
  while (true) {
    int64_t base = 0;
    for (unsigned d = 0; d + 1 < dims; ++d)
      base += owned[d][pos[d]] * strides[d];
    for (int64_t g : owned[dims - 1]) {
      int64_t at = base + g * strides[dims - 1];
      auto &list = runs.runs;
      if (!list.empty() && list.back().first + list.back().second == at)
        ++list.back().second;
      else
        list.push_back({at, 1});
    }
    unsigned d = dims - 1;
    while (d-- > 0) {
      if (++pos[d] < owned[d].size())
        break;
      pos[d] = 0;
    }
    if (d == static_cast<unsigned>(-1))
      return;
  }
}

/// A redistribution into a replicated layout (an allgather): every rank
/// sends its whole chunk to every other and places each chunk it gets
/// where the chunk's elements are. Planned from the layouts alone, in time
/// proportional to the array, without an owner lookup per element or an
/// exchange of offsets.
std::shared_ptr<Plan> buildReplicationPlan(const Layout &src) {
  int me = detail::worldRank(), size = detail::worldSize();
  auto plan = std::make_shared<Plan>();
  auto count = [&](int64_t rank) {
    int64_t n = 1;
    for (int64_t e : src.localShape(rank))
      n *= e;
    return n;
  };
  int64_t mine = count(me);
  plan->selfCount = mine;
  if (mine)
    plan->selfSrcRuns.runs.push_back({0, mine});
  appendLandingRuns(src, me, plan->selfDstRuns);
  plan->sendCounts.assign(size, 0);
  plan->recvCounts.assign(size, 0);
  plan->sendDispls.assign(size, 0);
  plan->recvDispls.assign(size, 0);
  for (int r = 0; r < size; ++r) {
    if (r == me)
      continue;
    int64_t theirs = count(r);
    if (mine > INT32_MAX || theirs > INT32_MAX)
      throw std::length_error("a chunk of more than 2^31 elements");
    plan->sendCounts[r] = static_cast<int>(mine);
    plan->recvCounts[r] = static_cast<int>(theirs);
    if (mine)
      plan->sendRuns.runs.push_back({0, mine});
    appendLandingRuns(src, r, plan->recvRuns);
    plan->sendCount += mine;
    plan->recvCount += theirs;
  }
  for (int r = 1; r < size; ++r) {
    plan->sendDispls[r] = plan->sendDispls[r - 1] + plan->sendCounts[r - 1];
    plan->recvDispls[r] = plan->recvDispls[r - 1] + plan->recvCounts[r - 1];
  }
  plan->remote = size > 1 && detail::mpiActive();
  return plan;
}

/// Per destination dimension, the (local index, key) pairs of the elements
/// this rank owns that the exchange writes.
using DestinationPoints = std::vector<std::vector<std::pair<int64_t, int64_t>>>;

/// Completes a plan that writes the destination points `perDim` (all
/// combinations, C order): `sourceOf(keys, global)` gives the source
/// element (global index) of the point with these keys per dimension.
std::shared_ptr<Plan> planFromDestination(
    const LayoutHandle &srcHandle, const LayoutHandle &dstHandle,
    const DestinationPoints &perDim,
    const std::function<void(const std::vector<int64_t> &,
                             std::vector<int64_t> &)> &sourceOf) {
  const Layout &src = srcHandle.Map, &dst = dstHandle.Map;
  int me = detail::worldRank(), size = detail::worldSize();
  auto plan = std::make_shared<Plan>();
  std::vector<int64_t> dstStrides = stridesOf(dst.localShape(dstHandle.Rank));
  // Who owns each source element; requests grouped by owner.
  bool srcReplicated = src.distributedDims().empty();
  std::vector<int64_t> srcStrides = stridesOf(src.localShape(me));
  std::vector<std::vector<int64_t>> requests(size), landing(size);
  std::vector<int64_t> keys(dst.rank(), 0), global(src.rank()),
      local(src.rank()), pos(dst.rank(), 0);
  std::vector<std::vector<int64_t>> ownerStrides(size);
  auto visit = [&]() {
    int64_t dstOffset = 0;
    for (unsigned e = 0; e < dst.rank(); ++e) {
      auto [local, key] = perDim[e][pos[e]];
      dstOffset += local * dstStrides[e];
      keys[e] = key;
    }
    sourceOf(keys, global);
    int64_t owner = src.ownerInto(global.data(), local.data());
    int64_t rank = srcReplicated ? me : owner;
    if (rank == me) {
      // This rank's own chunk: its local index is the owner's.
      int64_t srcOffset = 0;
      for (unsigned d = 0; d < src.rank(); ++d)
        srcOffset += local[d] * srcStrides[d];
      plan->selfSrc.push_back(srcOffset);
      plan->selfDst.push_back(dstOffset);
      return;
    }
    // The owner's strides, computed once per owner (not per element).
    std::vector<int64_t> &strides = ownerStrides[rank];
    if (strides.empty())
      strides = stridesOf(src.localShape(rank));
    int64_t srcOffset = 0;
    for (unsigned d = 0; d < src.rank(); ++d)
      srcOffset += local[d] * strides[d];
    requests[rank].push_back(srcOffset);
    landing[rank].push_back(dstOffset);
  };
  bool any = true;
  for (unsigned e = 0; e < dst.rank(); ++e)
    any &= !perDim[e].empty();
  while (any) {
    visit();
    // Next point, C order over the destination dimensions.
    unsigned e = dst.rank();
    while (e-- > 0) {
      if (++pos[e] < static_cast<int64_t>(perDim[e].size()))
        break;
      pos[e] = 0;
    }
    if (e == static_cast<unsigned>(-1))
      break;
  }
  finishPlan(*plan, requests, landing);
  return plan;
}

std::shared_ptr<Plan> buildPlan(const LayoutHandle &srcHandle,
                                const LayoutHandle &dstHandle,
                                const AccessMap &map) {
  const Layout &src = srcHandle.Map, &dst = dstHandle.Map;
  checkMap(map, src, dst);
  bool identity = isIdentity(map, src, dst);
  if (identity && dst.distributedDims().empty() &&
      !src.distributedDims().empty()) {
    std::shared_ptr<Plan> plan = buildReplicationPlan(src);
    plan->kind = "redistribution";
    return plan;
  }
  // The destination elements this rank owns, per dimension: (local index,
  // iteration coordinate).
  bool empty = false;
  for (int64_t c : map.counts)
    empty |= c == 0;
  DestinationPoints perDim(dst.rank());
  for (unsigned e = 0; e < dst.rank() && !empty; ++e) {
    const DimAccess &a = map.dst[e];
    std::vector<int64_t> owned = dst.ownedIndices(dstHandle.Rank, e);
    for (size_t l = 0; l < owned.size(); ++l) {
      int64_t g = owned[l];
      if (a.iterDim < 0) {
        if (g == a.start)
          perDim[e].push_back({static_cast<int64_t>(l), 0});
        continue;
      }
      int64_t delta = g - a.start;
      if (delta % a.step != 0)
        continue;
      int64_t k = delta / a.step;
      if (k >= 0 && k < map.counts[a.iterDim])
        perDim[e].push_back({static_cast<int64_t>(l), k});
    }
  }
  if (empty)
    perDim.assign(dst.rank(), {});
  std::vector<int64_t> k(map.counts.size(), 0);
  std::shared_ptr<Plan> plan = planFromDestination(
      srcHandle, dstHandle, perDim,
      [&](const std::vector<int64_t> &keys, std::vector<int64_t> &global) {
        for (unsigned e = 0; e < dst.rank(); ++e)
          if (map.dst[e].iterDim >= 0)
            k[map.dst[e].iterDim] = keys[e];
        for (unsigned d = 0; d < src.rank(); ++d) {
          const DimAccess &a = map.src[d];
          global[d] = a.iterDim < 0 ? a.start : a.start + a.step * k[a.iterDim];
          if (a.wrap) {
            int64_t n = src.shape()[d];
            global[d] = ((global[d] % n) + n) % n;
          }
        }
      });
  if (identity)
    plan->kind = "redistribution";
  return plan;
}

/// A reshape: destination element g (global, C order) is the source
/// element with the same position in C order over the whole array.
std::shared_ptr<Plan> buildReshapePlan(const LayoutHandle &srcHandle,
                                       const LayoutHandle &dstHandle) {
  const Layout &src = srcHandle.Map, &dst = dstHandle.Map;
  DestinationPoints perDim(dst.rank());
  for (unsigned e = 0; e < dst.rank(); ++e) {
    std::vector<int64_t> owned = dst.ownedIndices(dstHandle.Rank, e);
    for (size_t l = 0; l < owned.size(); ++l)
      perDim[e].push_back({static_cast<int64_t>(l), owned[l]});
  }
  std::vector<int64_t> dstStrides = stridesOf(dst.shape());
  std::shared_ptr<Plan> plan = planFromDestination(
      srcHandle, dstHandle, perDim,
      [&](const std::vector<int64_t> &keys, std::vector<int64_t> &global) {
        int64_t linear = 0;
        for (unsigned e = 0; e < dst.rank(); ++e)
          linear += keys[e] * dstStrides[e];
        for (unsigned d = src.rank(); d-- > 0;) {
          global[d] = linear % src.shape()[d];
          linear /= src.shape()[d];
        }
      });
  plan->kind = "redistribution";
  return plan;
}

void finishPlan(Plan &plan, const std::vector<std::vector<int64_t>> &requests,
                const std::vector<std::vector<int64_t>> &landing) {
  int size = detail::worldSize();
  plan.recvCounts.assign(size, 0);
  plan.sendCounts.assign(size, 0);
  for (int r = 0; r < size; ++r) {
    plan.recvCounts[r] = static_cast<int>(requests[r].size());
    for (int64_t offset : landing[r])
      plan.recvOffsets.push_back(offset);
  }
  if (size > 1 && detail::mpiActive()) {
    checkMpi(MPI_Alltoall(plan.recvCounts.data(), 1, MPI_INT,
                          plan.sendCounts.data(), 1, MPI_INT, MPI_COMM_WORLD),
             "MPI_Alltoall");
    plan.recvDispls.assign(size, 0);
    plan.sendDispls.assign(size, 0);
    for (int r = 1; r < size; ++r) {
      plan.recvDispls[r] = plan.recvDispls[r - 1] + plan.recvCounts[r - 1];
      plan.sendDispls[r] = plan.sendDispls[r - 1] + plan.sendCounts[r - 1];
    }
    std::vector<int64_t> flat;
    for (int r = 0; r < size; ++r)
      flat.insert(flat.end(), requests[r].begin(), requests[r].end());
    plan.sendOffsets.resize(plan.sendDispls[size - 1] +
                            plan.sendCounts[size - 1]);
    checkMpi(MPI_Alltoallv(flat.data(), plan.recvCounts.data(),
                           plan.recvDispls.data(), MPI_INT64_T,
                           plan.sendOffsets.data(), plan.sendCounts.data(),
                           plan.sendDispls.data(), MPI_INT64_T, MPI_COMM_WORLD),
             "MPI_Alltoallv");
    plan.remote = true;
  }
  plan.sendRuns = Runs(plan.sendOffsets);
  plan.recvRuns = Runs(plan.recvOffsets);
  plan.selfSrcRuns = Runs(plan.selfSrc);
  plan.selfDstRuns = Runs(plan.selfDst);
  // Only the runs are used from now on (the offsets of a large exchange
  // would take 8 bytes per element for as long as the plan is cached).
  plan.sendCount = plan.sendOffsets.size();
  plan.recvCount = plan.recvOffsets.size();
  plan.selfCount = plan.selfSrc.size();
  for (std::vector<int64_t> *offsets :
       {&plan.sendOffsets, &plan.recvOffsets, &plan.selfSrc, &plan.selfDst})
    std::vector<int64_t>().swap(*offsets);
}

/// Plans by (source layout, destination layout, map words). Bounded: a
/// loop whose accesses change every iteration does not grow memory.
class PlanCache {
public:
  using Key = std::tuple<void *, void *, std::vector<int64_t>>;

  /// The plan for `key`, built by `build` the first time.
  Plan &get(Key key, const std::function<std::shared_ptr<Plan>()> &build) {
    auto found = index.find(key);
    if (found != index.end()) {
      order.splice(order.begin(), order, found->second);
      return *found->second->second;
    }
    order.emplace_front(key, build());
    index[key] = order.begin();
    if (order.size() > kCapacity) {
      // Every rank runs the same program, so all evict the same plan.
      index.erase(order.back().first);
      order.pop_back();
    }
    return *order.front().second;
  }

private:
  static constexpr size_t kCapacity = 64;
  std::list<std::pair<Key, std::shared_ptr<Plan>>> order;
  std::map<Key, std::list<std::pair<Key, std::shared_ptr<Plan>>>::iterator>
      index;
};

/// The extents of ghost slab `s` around a chunk of `shape` (see
/// dac_rt_ghost_plan in RuntimeABI.def); empty without widths along s.
std::vector<int64_t> slabShape(const std::vector<int64_t> &shape,
                               const std::vector<int64_t> &lo,
                               const std::vector<int64_t> &hi, unsigned s) {
  std::vector<int64_t> slab(shape.size(), 0);
  if (!lo[s] && !hi[s])
    return slab;
  for (unsigned d = 0; d < shape.size(); ++d)
    slab[d] = d < s    ? shape[d]
              : d == s ? lo[d] + hi[d]
                       : lo[d] + shape[d] + hi[d];
  return slab;
}

/// Each slab's first offset in the ghost buffer and, last, the total.
void slabBases(const std::vector<int64_t> &shape,
               const std::vector<int64_t> &lo, const std::vector<int64_t> &hi,
               int64_t *bases) {
  int64_t offset = 0;
  for (unsigned s = 0; s < shape.size(); ++s) {
    bases[s] = offset;
    int64_t count = 1;
    for (int64_t e : slabShape(shape, lo, hi, s))
      count *= e;
    offset += count;
  }
  bases[shape.size()] = offset;
}

/// The ghost cells around a rank's chunk, as slabs (see dac_rt_ghost_plan
/// in RuntimeABI.def): slab d holds the cells whose first index outside the
/// owned box is along d, with `lo[d]` + `hi[d]` positions along d, the
/// owned positions before it and the padded ones (lo + owned + hi) after.
/// Corners thus come from their diagonal owner. Cells are found by global
/// index, whoever owns them: next to small or empty chunks they come from
/// several ranks; past an edge they wrap along the dimensions of
/// `periodic`, else stay unfilled.
std::shared_ptr<Plan> buildGhostPlan(const LayoutHandle &handle,
                                     const std::vector<int64_t> &lo,
                                     const std::vector<int64_t> &hi,
                                     int64_t periodic) {
  const Layout &layout = handle.Map;
  unsigned rank = layout.rank();
  int me = handle.Rank, size = detail::worldSize();
  auto plan = std::make_shared<Plan>();
  plan->kind = "halo";
  std::vector<std::vector<int64_t>> requests(size), landing(size);
  std::vector<int64_t> shape = layout.localShape(me);
  std::vector<std::vector<int64_t>> indices(rank);
  std::vector<BlockRange> owned(rank);
  for (unsigned d = 0; d < rank; ++d) {
    indices[d] = layout.ownedIndices(me, d);
    if (lo[d] || hi[d])
      owned[d] = layout.axis(d).ownedRange(layout.coordAlong(me, d));
  }
  // The global index of position q along d: ghost (before or after the
  // owned range) or owned; -1 past a non-periodic edge.
  auto globalAt = [&](unsigned d, int64_t q, bool ghost) -> int64_t {
    if (!ghost && q >= lo[d] && q < lo[d] + shape[d])
      return indices[d][q - lo[d]];
    int64_t g = q < lo[d] ? owned[d].start - lo[d] + q
                          : owned[d].start + owned[d].count + q - lo[d] -
                                (ghost ? 0 : shape[d]);
    int64_t extent = layout.shape()[d];
    if ((periodic >> d) & 1)
      g = extent ? ((g % extent) + extent) % extent : -1;
    return g >= 0 && g < extent ? g : -1;
  };
  int64_t offset = 0;
  std::vector<int64_t> pos(rank), global(rank);
  for (unsigned s = 0; s < rank; ++s) {
    std::vector<int64_t> slab = slabShape(shape, lo, hi, s);
    int64_t count = 1;
    for (int64_t e : slab)
      count *= e;
    for (int64_t n = 0; n < count; ++n, ++offset) {
      int64_t rest = n;
      for (unsigned d = rank; d-- > 0;) {
        pos[d] = rest % slab[d];
        rest /= slab[d];
      }
      bool valid = true;
      for (unsigned d = 0; d < rank && valid; ++d) {
        global[d] = d < s ? indices[d][pos[d]] : globalAt(d, pos[d], d == s);
        valid = global[d] >= 0;
      }
      if (!valid)
        continue;
      ElementOwner owner = layout.owner(global);
      std::vector<int64_t> strides = stridesOf(layout.localShape(owner.rank));
      int64_t srcOffset = 0;
      for (unsigned d = 0; d < rank; ++d)
        srcOffset += owner.local[d] * strides[d];
      if (owner.rank == me) {
        // A periodic wrap on a rank that owns both ends.
        plan->selfSrc.push_back(srcOffset);
        plan->selfDst.push_back(offset);
        continue;
      }
      requests[owner.rank].push_back(srcOffset);
      landing[owner.rank].push_back(offset);
    }
  }
  finishPlan(*plan, requests, landing);
  return plan;
}

std::map<size_t, MPI_Datatype> &elementTypes() {
  static std::map<size_t, MPI_Datatype> Types;
  return Types;
}

PlanCache &plans() {
  static PlanCache Cache;
  return Cache;
}

} // namespace

MPI_Datatype detail::elementType(size_t bytes) {
  std::map<size_t, MPI_Datatype> &types = elementTypes();
  auto found = types.find(bytes);
  if (found != types.end())
    return found->second;
  MPI_Datatype type;
  checkMpi(MPI_Type_contiguous(static_cast<int>(bytes), MPI_BYTE, &type),
           "MPI_Type_contiguous");
  checkMpi(MPI_Type_commit(&type), "MPI_Type_commit");
  return types[bytes] = type;
}

void detail::freeExchangeTypes() {
  for (auto &[bytes, type] : elementTypes())
    MPI_Type_free(&type);
  elementTypes().clear();
}

extern "C" void *dac_rt_exchange_plan(void *srcLayout, void *dstLayout,
                                      void *map) {
  return detail::guard("dac_rt_exchange_plan", [&]() -> void * {
    if (!map)
      fatal("dac_rt_exchange_plan: null access map");
    const int64_t *words = static_cast<int64_t *>(map);
    PlanCache::Key key{srcLayout, dstLayout,
                       std::vector<int64_t>(words, words + mapWords(words))};
    return &plans().get(key, [&] {
      return buildPlan(
          detail::getLayoutHandle(srcLayout, "dac_rt_exchange_plan"),
          detail::getLayoutHandle(dstLayout, "dac_rt_exchange_plan"),
          decodeMap(words));
    });
  });
}

extern "C" void *dac_rt_reshape_plan(void *srcLayout, void *dstLayout) {
  return detail::guard("dac_rt_reshape_plan", [&]() -> void * {
    const LayoutHandle &src =
        detail::getLayoutHandle(srcLayout, "dac_rt_reshape_plan");
    const LayoutHandle &dst =
        detail::getLayoutHandle(dstLayout, "dac_rt_reshape_plan");
    int64_t srcCount = 1, dstCount = 1;
    for (int64_t e : src.Map.shape())
      srcCount *= e;
    for (int64_t e : dst.Map.shape())
      dstCount *= e;
    if (srcCount != dstCount)
      fatal("dac_rt_reshape_plan: the shapes hold different numbers of "
            "elements");
    // Map words never start with a negative rank, and ghost plans use -1.
    return &plans().get({srcLayout, dstLayout, {-2}},
                        [&] { return buildReshapePlan(src, dst); });
  });
}

extern "C" void *dac_rt_ghost_plan(void *layout, void *iteration, void *shifts,
                                   int64_t periodic, void *out) {
  return detail::guard("dac_rt_ghost_plan", [&]() -> void * {
    const LayoutHandle &src =
        detail::getLayoutHandle(layout, "dac_rt_ghost_plan");
    const LayoutHandle &iter = detail::getLayoutHandle(
        iteration ? iteration : layout, "dac_rt_ghost_plan");
    unsigned rank = src.Map.rank();
    if (!shifts || !out || iter.Map.rank() != rank)
      fatal("dac_rt_ghost_plan: needs shifts, an output and layouts of one "
            "rank");
    const int64_t *range = static_cast<const int64_t *>(shifts);
    int64_t *words = static_cast<int64_t *>(out);
    // Per dimension, the positions this rank's iteration reads, [first +
    // min, last + max], and those it owns: the ghost cells are what lies
    // outside on either side. Nothing when it iterates over nothing.
    bool iterates = true;
    for (unsigned d = 0; d < rank; ++d)
      iterates &= iter.Map.localShape(iter.Rank)[d] > 0;
    std::vector<int64_t> lo(rank, 0), hi(rank, 0);
    for (unsigned d = 0; d < rank; ++d) {
      int64_t minShift = range[2 * d], maxShift = range[2 * d + 1];
      bool block = src.Map.dim(d).kind == DimKind::Block &&
                   iter.Map.dim(d).kind == DimKind::Block;
      if (minShift > maxShift || (!block && (minShift || maxShift)))
        fatal("dac_rt_ghost_plan: shifts need a block dimension and an "
              "ordered range");
      if (!block || !iterates)
        continue;
      BlockRange rows =
          iter.Map.axis(d).ownedRange(iter.Map.coordAlong(iter.Rank, d));
      BlockRange own =
          src.Map.axis(d).ownedRange(src.Map.coordAlong(src.Rank, d));
      lo[d] = std::max<int64_t>(0, own.start - (rows.start + minShift));
      hi[d] = std::max<int64_t>(0, rows.start + rows.count + maxShift -
                                       (own.start + own.count));
    }
    for (unsigned d = 0; d < rank; ++d) {
      words[2 * d] = lo[d];
      words[2 * d + 1] = hi[d];
    }
    // The key is the same on every rank (the widths may not be): all ranks
    // find or build the plan together. Map words never start with a
    // negative rank, so these keys stay apart from exchange plans.
    std::vector<int64_t> key{-1, periodic};
    key.insert(key.end(), range, range + 2 * rank);
    slabBases(src.Map.localShape(src.Rank), lo, hi, words + 2 * rank);
    return &plans().get({layout, iteration, key},
                        [&] { return buildGhostPlan(src, lo, hi, periodic); });
  });
}

extern "C" void *dac_rt_exchange_start(void *handle, void *src, void *dst,
                                       int64_t elementSize) {
  return detail::guard("dac_rt_exchange_start", [&]() -> void * {
    if (!handle)
      fatal("dac_rt_exchange_start: null plan");
    std::vector<std::unique_ptr<Transfer>> &spare = spareTransfers();
    std::unique_ptr<Transfer> owned;
    if (spare.empty()) {
      owned = std::make_unique<Transfer>();
    } else {
      owned = std::move(spare.back());
      spare.pop_back();
    }
    Transfer &t = *owned;
    // The cache may drop the plan before the transfer ends: hold it.
    t.plan = static_cast<Plan *>(handle)->shared_from_this();
    Plan &plan = *t.plan;
    plan.splitPerPeer();
    double begin = detail::statsEnabled() ? MPI_Wtime() : 0;
    size_t bytes = static_cast<size_t>(elementSize);
    const char *from = static_cast<const char *>(src);
    char *to = static_cast<char *>(dst);
    t.elementSize = elementSize;
    t.dst = to;
    // In place (an overlapping assignment), the source is read before
    // anything is written: the rank's own elements and what arrives go
    // through buffers. Otherwise they are copied (received) straight into
    // place, and a peer's elements that are one run are sent from where
    // they are. Between start and wait the program writes neither.
    t.inPlace = from == to;
    if (t.inPlace)
      plan.selfSrcRuns.pack(t.selfBuffer.resize(plan.selfCount * bytes), from,
                            bytes);
    else
      copyRuns(plan.selfSrcRuns, plan.selfDstRuns, from, to, bytes);
    if (plan.remote) {
      char *sendBuffer = t.sendBuffer.resize(plan.sendCount * bytes);
      char *recvBuffer = t.recvBuffer.resize(plan.recvCount * bytes);
      // Counts in elements of one contiguous datatype of `bytes`: byte
      // counts would overflow an int beyond 2 GiB per peer. Point to point
      // with the peers that have something to exchange (a halo is two
      // neighbours, not a collective over every rank); transfers of one
      // plan in flight at once match in order (MPI's non-overtaking rule:
      // every rank starts them in the same order).
      MPI_Datatype element = detail::elementType(bytes);
      t.requests.clear();
      for (size_t r = 0; r < plan.recvCounts.size(); ++r) {
        if (!plan.recvCounts[r])
          continue;
        const Runs &runs = plan.recvPeerRuns[r];
        char *at = runs.runs.size() == 1 && !t.inPlace
                       ? to + runs.runs[0].first * bytes
                       : recvBuffer + plan.recvDispls[r] * bytes;
        t.requests.emplace_back();
        checkMpi(MPI_Irecv(at, plan.recvCounts[r], element, static_cast<int>(r),
                           kExchangeTag, MPI_COMM_WORLD, &t.requests.back()),
                 "MPI_Irecv");
      }
      for (size_t r = 0; r < plan.sendCounts.size(); ++r) {
        if (!plan.sendCounts[r])
          continue;
        const Runs &runs = plan.sendPeerRuns[r];
        const char *at =
            from + (runs.runs.size() == 1 ? runs.runs[0].first * bytes : 0);
        if (runs.runs.size() != 1) {
          char *packed = sendBuffer + plan.sendDispls[r] * bytes;
          runs.pack(packed, from, bytes);
          at = packed;
        }
        t.requests.emplace_back();
        checkMpi(MPI_Isend(at, plan.sendCounts[r], element, static_cast<int>(r),
                           kExchangeTag, MPI_COMM_WORLD, &t.requests.back()),
                 "MPI_Isend");
      }
    }
    t.seconds = detail::statsEnabled() ? MPI_Wtime() - begin : 0;
    return owned.release();
  });
}

extern "C" void dac_rt_exchange_wait(void *ticket) {
  detail::guard("dac_rt_exchange_wait", [&] {
    if (!ticket)
      fatal("dac_rt_exchange_wait: no exchange is running");
    std::unique_ptr<Transfer> owned(static_cast<Transfer *>(ticket));
    Transfer &t = *owned;
    const Plan &plan = *t.plan;
    double begin = detail::statsEnabled() ? MPI_Wtime() : 0;
    size_t bytes = static_cast<size_t>(t.elementSize);
    char *to = t.dst;
    if (!t.requests.empty())
      checkMpi(MPI_Waitall(static_cast<int>(t.requests.size()),
                           t.requests.data(), MPI_STATUSES_IGNORE),
               "MPI_Waitall");
    t.requests.clear();
    if (t.inPlace)
      plan.selfDstRuns.unpack(to, t.selfBuffer.data(), bytes);
    if (plan.remote)
      for (size_t r = 0; r < plan.recvCounts.size(); ++r) {
        const Runs &runs = plan.recvPeerRuns[r];
        if (plan.recvCounts[r] && (runs.runs.size() != 1 || t.inPlace))
          runs.unpack(to, t.recvBuffer.data() + plan.recvDispls[r] * bytes,
                      bytes);
      }
    if (detail::statsEnabled()) {
      int64_t messages = 0, sent = 0;
      for (size_t r = 0; r < plan.sendCounts.size(); ++r) {
        messages += plan.sendCounts[r] != 0;
        sent += plan.sendCounts[r];
      }
      detail::recordComm(plan.kind, messages, sent * t.elementSize,
                         plan.selfCount * t.elementSize,
                         t.seconds + (MPI_Wtime() - begin));
    }
    t.plan.reset();
    // A few finished transfers keep their buffers for the next ones.
    if (spareTransfers().size() < 8)
      spareTransfers().push_back(std::move(owned));
  });
}

extern "C" void dac_rt_read_element(void *layout, void *data, void *global,
                                    int64_t elementSize, void *out) {
  detail::guard("dac_rt_read_element", [&] {
    const LayoutHandle &handle =
        detail::getLayoutHandle(layout, "dac_rt_read_element");
    const Layout &map = handle.Map;
    const int64_t *index = static_cast<const int64_t *>(global);
    std::vector<int64_t> where(index, index + map.rank());
    ElementOwner owner = map.owner(where);
    // A replicated array: every rank has it.
    int64_t root = map.distributedDims().empty() ? handle.Rank : owner.rank;
    if (root == handle.Rank) {
      std::vector<int64_t> strides = stridesOf(map.localShape(handle.Rank));
      int64_t offset = 0;
      for (unsigned d = 0; d < map.rank(); ++d)
        offset += owner.local[d] * strides[d];
      std::memcpy(out, static_cast<const char *>(data) + offset * elementSize,
                  static_cast<size_t>(elementSize));
    }
    if (!map.distributedDims().empty() && detail::worldSize() > 1 &&
        detail::mpiActive()) {
      double begin = detail::statsEnabled() ? MPI_Wtime() : 0;
      checkMpi(MPI_Bcast(out, static_cast<int>(elementSize), MPI_BYTE,
                         static_cast<int>(root), MPI_COMM_WORLD),
               "MPI_Bcast");
      // The owner sends the element to every other rank.
      int64_t others = root == handle.Rank ? detail::worldSize() - 1 : 0;
      detail::recordComm("broadcast", others, others * elementSize, 0,
                         detail::statsEnabled() ? MPI_Wtime() - begin : 0);
    }
  });
}
