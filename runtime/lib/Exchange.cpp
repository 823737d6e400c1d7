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
// cached (ExchangePlan.h has what it holds and how it is made). Running a
// plan sends each peer its elements with nonblocking point-to-point
// messages, from where they are when they are one run, else packed, and
// receives likewise; a rank's own elements are copied directly.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "ExchangePlan.h"
#include "dac/Runtime/Comm.h"
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
using namespace dac::rt::exchange;
using detail::LayoutHandle;

namespace {

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

std::map<size_t, MPI_Datatype> &elementTypes() {
  static std::map<size_t, MPI_Datatype> Types;
  return Types;
}

PlanCache &plans() {
  static PlanCache Cache;
  return Cache;
}

} // namespace

size_t detail::elementBytes(int32_t type, const char *who) {
  switch (type) {
  case DAC_RT_ELEMENT_Float64:
  case DAC_RT_ELEMENT_Int64:
    return 8;
  case DAC_RT_ELEMENT_Float32:
  case DAC_RT_ELEMENT_Int32:
    return 4;
  case DAC_RT_ELEMENT_Bool:
    return 1;
  }
  fatal(std::string(who) + ": unknown element type " + std::to_string(type));
}

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
      copyPatterns(plan.selfSrcRuns, plan.selfDstRuns, from, to, bytes);
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
        int64_t first = plan.recvPeerRuns[r].oneRun();
        char *at = first >= 0 && !t.inPlace
                       ? to + first * bytes
                       : recvBuffer + plan.recvDispls[r] * bytes;
        t.requests.emplace_back();
        checkMpi(MPI_Irecv(at, plan.recvCounts[r], element, static_cast<int>(r),
                           kExchangeTag, communicator(), &t.requests.back()),
                 "MPI_Irecv");
      }
      for (size_t r = 0; r < plan.sendCounts.size(); ++r) {
        if (!plan.sendCounts[r])
          continue;
        const Pattern &elements = plan.sendPeerRuns[r];
        int64_t first = elements.oneRun();
        const char *at = from + (first >= 0 ? first * bytes : 0);
        if (first < 0) {
          char *packed = sendBuffer + plan.sendDispls[r] * bytes;
          elements.pack(packed, from, bytes);
          at = packed;
        }
        t.requests.emplace_back();
        checkMpi(MPI_Isend(at, plan.sendCounts[r], element, static_cast<int>(r),
                           kExchangeTag, communicator(), &t.requests.back()),
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
        const Pattern &elements = plan.recvPeerRuns[r];
        if (plan.recvCounts[r] && (elements.oneRun() < 0 || t.inPlace))
          elements.unpack(to, t.recvBuffer.data() + plan.recvDispls[r] * bytes,
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
                         static_cast<int>(root), communicator()),
               "MPI_Bcast");
      // The owner sends the element to every other rank.
      int64_t others = root == handle.Rank ? detail::worldSize() - 1 : 0;
      detail::recordComm("broadcast", others, others * elementSize, 0,
                         detail::statsEnabled() ? MPI_Wtime() - begin : 0);
    }
  });
}
