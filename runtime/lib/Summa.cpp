//===- Summa.cpp - Matrix products on a 2-D process grid ------------------===//
//
// C = A B with C split in blocks over a pr x pc grid of ranks (SUMMA, van
// de Geijn and Watts): A is brought to C's rows split over the grid's rows
// and its columns over the grid's columns, B to its rows over the grid's
// rows and C's columns over the grid's columns. The contracted dimension
// is then cut where either split changes; for each piece the rank column
// that owns it broadcasts its columns of A along each grid row, the rank
// row that owns it its rows of B down each grid column, and every rank
// adds the product of the two panels to its block of C. A rank receives
// about m k / pr + k n / pc elements in all instead of a whole operand:
// the traffic per rank falls as the grid grows.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "ExchangePlan.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <cblas.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <tuple>

using namespace dac::rt;
using namespace dac::rt::exchange;
using detail::LayoutHandle;

namespace {

/// Communicators of the ranks of one grid row and of one grid column.
struct GridComms {
  MPI_Comm row = MPI_COMM_NULL, column = MPI_COMM_NULL;
};

std::map<std::pair<int64_t, int64_t>, GridComms> &gridComms() {
  static std::map<std::pair<int64_t, int64_t>, GridComms> Comms;
  return Comms;
}

/// What one product of three layouts needs, made at its first call.
struct Setup {
  int64_t pr, pc, r, q, k;
  GridComms comms;
  /// The operands in the layouts SUMMA reads (null: already so), their
  /// plans, and where they land.
  std::unique_ptr<LayoutHandle> aHandle, bHandle;
  std::shared_ptr<Plan> toA, toB;
  std::vector<char> aData, bData;
  /// This rank's rows of C, its columns, and where A's and B's local
  /// parts start along the contracted dimension.
  BlockRange rows, cols, aDepth, bDepth;
  /// The pieces [first, last) of the contracted dimension.
  std::vector<std::pair<int64_t, int64_t>> pieces;
  std::vector<char> aPanel, bPanel;
};

/// A plan moving `from`'s array to `to` (one dimension onto itself each).
std::shared_ptr<Plan> identityPlan(const LayoutHandle &from,
                                   const LayoutHandle &to) {
  AccessMap map;
  map.counts = from.Map.shape();
  for (unsigned d = 0; d < from.Map.rank(); ++d) {
    map.src.push_back({0, 1, static_cast<int64_t>(d), 0});
    map.dst.push_back({0, 1, static_cast<int64_t>(d), 0});
  }
  return buildPlan(from, to, map);
}

bool sameLayout(const Layout &x, const Layout &y) {
  if (x.shape() != y.shape() || x.grid() != y.grid())
    return false;
  for (unsigned d = 0; d < x.rank(); ++d)
    if (x.dim(d) != y.dim(d))
      return false;
  return true;
}

/// The layout SUMMA reads an operand in (`rowsDim`, `colsDim`: its
/// dimensions' distributions) on C's grid, and the plan bringing it there.
void prepare(const LayoutHandle &operand, DimDistribution rowsDim,
             DimDistribution colsDim, const Layout &c,
             std::unique_ptr<LayoutHandle> &handle, std::shared_ptr<Plan> &plan,
             std::vector<char> &data, size_t bytes) {
  Layout target(operand.Map.shape(), {rowsDim, colsDim}, c.numRanks(),
                c.grid());
  if (sameLayout(target, operand.Map))
    return;
  handle = std::make_unique<LayoutHandle>(
      LayoutHandle{std::move(target), operand.Rank});
  plan = identityPlan(operand, *handle);
  std::vector<int64_t> shape = handle->Map.localShape(handle->Rank);
  data.resize(shape[0] * shape[1] * bytes);
}

Setup &setupFor(const LayoutHandle &a, const LayoutHandle &b,
                const LayoutHandle &c, size_t bytes) {
  static std::map<std::tuple<const void *, const void *, const void *>,
                  std::unique_ptr<Setup>>
      Setups;
  auto &slot = Setups[{&a, &b, &c}];
  if (slot)
    return *slot;
  slot = std::make_unique<Setup>();
  Setup &s = *slot;
  const Layout &lc = c.Map;
  std::vector<int64_t> grid = lc.gridPerDim(), coords = lc.gridCoords(c.Rank);
  s.pr = grid[0];
  s.pc = grid[1];
  s.r = coords[0];
  s.q = coords[1];
  auto [found, fresh] = gridComms().try_emplace({s.pr, s.pc});
  if (fresh) {
    checkMpi(MPI_Comm_split(communicator(), static_cast<int>(s.r),
                            static_cast<int>(s.q), &found->second.row),
             "MPI_Comm_split");
    checkMpi(MPI_Comm_split(communicator(), static_cast<int>(s.q),
                            static_cast<int>(s.r), &found->second.column),
             "MPI_Comm_split");
  }
  s.comms = found->second;
  prepare(a, lc.dim(0), DimDistribution::block(), lc, s.aHandle, s.toA, s.aData,
          bytes);
  prepare(b, DimDistribution::block(), lc.dim(1), lc, s.bHandle, s.toB, s.bData,
          bytes);
  int64_t k = s.k = a.Map.shape()[1];
  s.rows = lc.axis(0).ownedRange(s.r);
  s.cols = lc.axis(1).ownedRange(s.q);
  s.aDepth = blockRange(k, s.pc, s.q);
  s.bDepth = blockRange(k, s.pr, s.r);
  std::set<int64_t> cuts{0, k};
  for (int64_t j = 0; j < s.pc; ++j)
    cuts.insert(blockRange(k, s.pc, j).start);
  for (int64_t i = 0; i < s.pr; ++i)
    cuts.insert(blockRange(k, s.pr, i).start);
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it)
    s.pieces.push_back({*it, *std::next(it)});
  return s;
}

/// Moves an operand into the layout SUMMA reads it in; its local data.
const char *bring(const std::shared_ptr<Plan> &plan, const void *data,
                  std::vector<char> &landing, size_t bytes) {
  if (!plan)
    return static_cast<const char *>(data);
  dac_rt_exchange_wait(
      dac_rt_exchange_start(plan.get(), const_cast<void *>(data),
                            landing.data(), static_cast<int64_t>(bytes)));
  return landing.data();
}

int count(int64_t n) {
  if (n > INT32_MAX)
    fatal("dac_rt_summa: a panel of more than 2^31 elements");
  return static_cast<int>(n);
}

template <typename T, typename Gemm>
void summa(Setup &s, const char *aLocal, const char *bLocal, T *c, Gemm gemm) {
  int64_t m = s.rows.count, n = s.cols.count, widest = 0;
  for (auto [first, last] : s.pieces)
    widest = std::max(widest, last - first);
  s.aPanel.resize(m * widest * sizeof(T));
  s.bPanel.resize(widest * n * sizeof(T));
  T *aPanel = reinterpret_cast<T *>(s.aPanel.data());
  const T *a = reinterpret_cast<const T *>(aLocal);
  const T *b = reinterpret_cast<const T *>(bLocal);
  MPI_Datatype element = detail::elementType(sizeof(T));
  if (m != 0 && n != 0)
    std::memset(c, 0, m * n * sizeof(T));
  double begin = detail::statsEnabled() ? MPI_Wtime() : 0;
  int64_t messages = 0, sent = 0;
  for (auto [first, last] : s.pieces) {
    int64_t w = last - first;
    int64_t qa = blockOwner(s.k, s.pc, first),
            rb = blockOwner(s.k, s.pr, first);
    // This rank's rows of A along the piece, from the grid column owning
    // it (ranks of a row communicator are ordered by their column).
    if (s.q == qa)
      for (int64_t i = 0; i < m; ++i)
        std::memcpy(aPanel + i * w,
                    a + i * s.aDepth.count + (first - s.aDepth.start),
                    w * sizeof(T));
    checkMpi(MPI_Bcast(aPanel, count(m * w), element, static_cast<int>(qa),
                       s.comms.row),
             "MPI_Bcast");
    // B's rows of the piece, contiguous where the grid row owning them has
    // them.
    T *bPanel = s.r == rb ? const_cast<T *>(b) + (first - s.bDepth.start) * n
                          : reinterpret_cast<T *>(s.bPanel.data());
    checkMpi(MPI_Bcast(bPanel, count(w * n), element, static_cast<int>(rb),
                       s.comms.column),
             "MPI_Bcast");
    if (m && n && w)
      gemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, w, T(1), aPanel, w,
           bPanel, n, T(1), c, n);
    if (s.q == qa) {
      messages += s.pc - 1;
      sent += (s.pc - 1) * m * w;
    }
    if (s.r == rb) {
      messages += s.pr - 1;
      sent += (s.pr - 1) * w * n;
    }
  }
  if (detail::statsEnabled())
    detail::recordComm("broadcast", messages,
                       sent * static_cast<int64_t>(sizeof(T)), 0,
                       MPI_Wtime() - begin);
}

} // namespace

void detail::freeSummaComms() {
  for (auto &[grid, comms] : gridComms()) {
    MPI_Comm_free(&comms.row);
    MPI_Comm_free(&comms.column);
  }
  gridComms().clear();
}

extern "C" void dac_rt_summa(int32_t type, void *aLayout, void *a,
                             void *bLayout, void *b, void *cLayout, void *c) {
  detail::guard("dac_rt_summa", [&] {
    const LayoutHandle &la = detail::getLayoutHandle(aLayout, "dac_rt_summa");
    const LayoutHandle &lb = detail::getLayoutHandle(bLayout, "dac_rt_summa");
    const LayoutHandle &lc = detail::getLayoutHandle(cLayout, "dac_rt_summa");
    const Layout &mc = lc.Map;
    if (la.Map.rank() != 2 || lb.Map.rank() != 2 || mc.rank() != 2 ||
        la.Map.shape()[1] != lb.Map.shape()[0] ||
        mc.shape() !=
            std::vector<int64_t>{la.Map.shape()[0], lb.Map.shape()[1]} ||
        mc.dim(0).kind != DimKind::Block || mc.dim(1).kind != DimKind::Block ||
        mc.dim(0).haloLo || mc.dim(0).haloHi || mc.dim(1).haloLo ||
        mc.dim(1).haloHi)
      fatal("dac_rt_summa: needs (m, k) @ (k, n) -> (m, n) with the result "
            "in blocks on a 2-D grid");
    if (type != DAC_RT_ELEMENT_Float64 && type != DAC_RT_ELEMENT_Float32)
      fatal("dac_rt_summa: only float64 and float32 elements");
    size_t bytes = type == DAC_RT_ELEMENT_Float64 ? 8 : 4;
    Setup &s = setupFor(la, lb, lc, bytes);
    const char *aLocal = bring(s.toA, a, s.aData, bytes);
    const char *bLocal = bring(s.toB, b, s.bData, bytes);
    if (type == DAC_RT_ELEMENT_Float64)
      summa(s, aLocal, bLocal, static_cast<double *>(c), cblas_dgemm);
    else
      summa(s, aLocal, bLocal, static_cast<float *>(c), cblas_sgemm);
  });
}
