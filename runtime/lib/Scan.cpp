//===- Scan.cpp - Running sums, products, minima and maxima ---------------===//
//
// np.cumsum / np.cumprod / np.minimum.accumulate / np.maximum.accumulate
// along one dimension. Each rank scans its chunk in place. When the
// dimension is split in blocks, the ranks along that grid axis hold
// consecutive pieces, and NumPy's result is one running combination:
//
// * integers, minima and maxima do not depend on the grouping: every rank
//   gathers the last slice (its totals) of every chunk and combines into
//   its own, in grid order, those of the chunks before it (one allgather);
// * float sums and products do: to give NumPy's numbers bit for bit, the
//   running value is handed along the grid axis, each rank starting its
//   scan from the last slice of the chunk before (a pipeline of
//   point-to-point messages, which serialises the work along that axis).
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "LayoutHandle.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

using namespace dac::rt;

namespace {

/// The combiner `kind` (dist's ReduceKind: 0 sum, 1 prod, 2 min, 3 max) on
/// elements of type T, with NumPy's rules: min and max propagate NaN.
template <typename T> struct Combiner {
  int kind;
  T identity() const {
    switch (kind) {
    case 0:
      return T(0);
    case 1:
      return T(1);
    case 2:
      return std::numeric_limits<T>::has_infinity
                 ? std::numeric_limits<T>::infinity()
                 : std::numeric_limits<T>::max();
    default:
      return std::numeric_limits<T>::has_infinity
                 ? -std::numeric_limits<T>::infinity()
                 : std::numeric_limits<T>::lowest();
    }
  }
  T operator()(T a, T b) const {
    switch (kind) {
    case 0:
      return static_cast<T>(a + b);
    case 1:
      return static_cast<T>(a * b);
    case 2:
      return a != a || b != b ? (a != a ? a : b) : (b < a ? b : a);
    default:
      return a != a || b != b ? (a != a ? a : b) : (b > a ? b : a);
    }
  }
};

/// Tag of the running values handed along a grid axis.
constexpr int kScanTag = 11;

template <typename T>
void scan(const Layout &map, T *data, unsigned dim, int kind, int me) {
  Combiner<T> combine{kind};
  std::vector<int64_t> shape = map.localShape(me);
  int64_t outer = 1, inner = 1, length = shape[dim];
  for (unsigned d = 0; d < dim; ++d)
    outer *= shape[d];
  for (size_t d = dim + 1; d < shape.size(); ++d)
    inner *= shape[d];
  auto at = [&](int64_t o, int64_t k, int64_t i) -> T & {
    return data[(o * length + k) * inner + i];
  };
  auto scanLocal = [&]() {
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t k = 1; k < length; ++k)
        for (int64_t i = 0; i < inner; ++i)
          at(o, k, i) = combine(at(o, k - 1, i), at(o, k, i));
  };
  bool split = map.dim(dim).kind != DimKind::None && detail::mpiActive() &&
               detail::worldSize() > 1;
  if (!split) {
    scanLocal();
    return;
  }
  std::vector<int64_t> coords = map.gridCoords(me);
  unsigned axis = 0;
  while (map.distributedDims()[axis] != dim)
    ++axis;
  auto neighbour = [&](int64_t step) {
    std::vector<int64_t> other = coords;
    other[axis] += step;
    return static_cast<int>(map.rankAt(other));
  };
  if (std::is_floating_point_v<T> && kind <= 1) {
    // The running value: a flag (whether any element came before) and the
    // last slice of the chunks before this one.
    size_t slice = outer * inner;
    std::vector<char> message(1 + slice * sizeof(T), 0);
    if (coords[axis] > 0) {
      checkMpi(MPI_Recv(message.data(), static_cast<int>(message.size()),
                        MPI_BYTE, neighbour(-1), kScanTag, communicator(),
                        MPI_STATUS_IGNORE),
               "MPI_Recv");
      if (message[0] && length > 0) {
        const char *before = message.data() + 1;
        for (int64_t o = 0; o < outer; ++o)
          for (int64_t i = 0; i < inner; ++i) {
            T prefix;
            std::memcpy(&prefix, before + (o * inner + i) * sizeof(T),
                        sizeof(T));
            at(o, 0, i) = combine(prefix, at(o, 0, i));
          }
      }
    }
    scanLocal();
    if (coords[axis] + 1 < map.gridPerDim()[dim]) {
      if (length > 0) {
        message[0] = 1;
        for (int64_t o = 0; o < outer; ++o)
          for (int64_t i = 0; i < inner; ++i)
            std::memcpy(message.data() + 1 + (o * inner + i) * sizeof(T),
                        &at(o, length - 1, i), sizeof(T));
      }
      checkMpi(MPI_Send(message.data(), static_cast<int>(message.size()),
                        MPI_BYTE, neighbour(1), kScanTag, communicator()),
               "MPI_Send");
    }
    return;
  }
  scanLocal();

  // Every rank's totals (its last slice along the dimension).
  int size = detail::worldSize();
  std::vector<T> totals(outer * inner, combine.identity());
  if (length > 0)
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i)
        totals[o * inner + i] = at(o, length - 1, i);
  int mine = static_cast<int>(totals.size() * sizeof(T));
  std::vector<int> counts(size), displs(size);
  checkMpi(MPI_Allgather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT,
                         communicator()),
           "MPI_Allgather");
  int all = 0;
  for (int r = 0; r < size; ++r) {
    displs[r] = all;
    all += counts[r];
  }
  std::vector<char> gathered(all);
  checkMpi(MPI_Allgatherv(totals.data(), mine, MPI_BYTE, gathered.data(),
                          counts.data(), displs.data(), MPI_BYTE,
                          communicator()),
           "MPI_Allgatherv");
  // The chunks before this one along the dimension, in grid order: the
  // ranks at the same grid position except a lower coordinate along it.
  std::vector<T> prefix(outer * inner, combine.identity());
  bool any = false;
  for (int64_t c = 0; c < coords[axis]; ++c) {
    int r = neighbour(c - coords[axis]);
    const T *theirs = reinterpret_cast<const T *>(gathered.data() + displs[r]);
    for (size_t j = 0; j < prefix.size(); ++j)
      prefix[j] = combine(prefix[j], theirs[j]);
    any = true;
  }
  if (!any)
    return;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t k = 0; k < length; ++k)
      for (int64_t i = 0; i < inner; ++i)
        at(o, k, i) = combine(prefix[o * inner + i], at(o, k, i));
}

} // namespace

extern "C" void dac_rt_scan(void *layout, void *data, int64_t dim, int64_t kind,
                            int64_t elementType) {
  detail::guard("dac_rt_scan", [&] {
    const detail::LayoutHandle &handle =
        detail::getLayoutHandle(layout, "dac_rt_scan");
    const Layout &map = handle.Map;
    if (dim < 0 || dim >= static_cast<int64_t>(map.rank()) || kind < 0 ||
        kind > 3)
      fatal("dac_rt_scan: bad dimension or combiner");
    const DimDistribution &along = map.dim(static_cast<unsigned>(dim));
    if (along.kind != DimKind::None &&
        (along.kind != DimKind::Block || along.haloLo || along.haloHi))
      fatal("dac_rt_scan: the dimension must be undistributed or in plain "
            "blocks");
    int me = static_cast<int>(handle.Rank);
    unsigned d = static_cast<unsigned>(dim);
    int k = static_cast<int>(kind);
    switch (elementType) {
    case DAC_RT_ELEMENT_Float64:
      return scan(map, static_cast<double *>(data), d, k, me);
    case DAC_RT_ELEMENT_Float32:
      return scan(map, static_cast<float *>(data), d, k, me);
    case DAC_RT_ELEMENT_Int64:
      return scan(map, static_cast<int64_t *>(data), d, k, me);
    case DAC_RT_ELEMENT_Int32:
      return scan(map, static_cast<int32_t *>(data), d, k, me);
    default:
      fatal("dac_rt_scan: unsupported element type");
    }
  });
}
