//===- ExchangePlans.cpp - Planning the exchange element by element -------===//
//
// Maps that do not work dimension by dimension (a diagonal, a reshape),
// replication and ghost cells: every rank lists the destination elements
// it owns, finds who owns each source element (the layout rules), and
// tells the owners what to send (one alltoall of counts and one alltoallv
// of local offsets). A rank's own elements are copied directly.
//
//===----------------------------------------------------------------------===//

#include "ExchangePlan.h"

#include "Detail.h"
#include "dac/Runtime/Comm.h"

#include <mpi.h>

#include <functional>
#include <stdexcept>

using namespace dac::rt;
using namespace dac::rt::exchange;
using detail::LayoutHandle;

AccessMap exchange::decodeMap(const int64_t *words) {
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

size_t exchange::mapWords(const int64_t *words) {
  size_t at = 1 + words[0];
  at += 1 + 4 * words[at];
  at += 1 + 4 * words[at];
  return at;
}

/// C-order strides of a local shape.
std::vector<int64_t> exchange::stridesOf(const std::vector<int64_t> &shape) {
  std::vector<int64_t> strides(shape.size(), 1);
  for (size_t d = shape.size(); d-- > 1;)
    strides[d - 1] = strides[d] * shape[d];
  return strides;
}

namespace {

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
  do {
    int64_t base = 0;
    for (unsigned d = 0; d + 1 < dims; ++d)
      base += owned[d][pos[d]] * strides[d];
    for (int64_t g : owned[dims - 1])
      runs.append(base + g * strides[dims - 1]);
  } while (advance(pos, dims - 1, [&](size_t d) { return owned[d].size(); }));
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
  // Every point, in C order over the destination dimensions.
  if (any)
    do
      visit();
    while (
        advance(pos, dst.rank(), [&](size_t e) { return perDim[e].size(); }));
  finishPlan(*plan, requests, landing);
  return plan;
}

} // namespace

std::shared_ptr<Plan> exchange::buildPlan(const LayoutHandle &srcHandle,
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
  if (std::shared_ptr<Plan> plan = buildBoxPlan(srcHandle, dstHandle, map)) {
    if (identity)
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
std::shared_ptr<Plan>
exchange::buildReshapePlan(const LayoutHandle &srcHandle,
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

namespace {

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
                          plan.sendCounts.data(), 1, MPI_INT, communicator()),
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
                           plan.sendDispls.data(), MPI_INT64_T, communicator()),
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

} // namespace

/// Each slab's first offset in the ghost buffer and, last, the total.
void exchange::slabBases(const std::vector<int64_t> &shape,
                         const std::vector<int64_t> &lo,
                         const std::vector<int64_t> &hi, int64_t *bases) {
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
std::shared_ptr<Plan> exchange::buildGhostPlan(const LayoutHandle &handle,
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
