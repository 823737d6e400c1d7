//===- DistArrayProtocol.h - The Distributed Array Protocol ----*- C++ -*-===//
//
// Version 0.10.0 of the Distributed Array Protocol (DAP): the per-rank
// description of a distributed array that DistArray, IPython parallel and
// others exchange. A rank's DistBuffer carries its local buffer's shape and
// one dimension dictionary (DimData) per dimension. This file exports a
// dac Layout in that form, imports it back, renders it as JSON and
// validates it more strictly than the protocol's reference validator: local
// buffer extents, owned ranges tiling every axis and the process grid are
// checked across all ranks of a communicator.
//
// Conventions (design/ARCHITECTURE.md, oracle/DISTRIBUTIONS.md):
// * 'b': start/stop include the communication padding (the halo), so the
//   buffer extent is stop - start and the owned range is start/stop less
//   the padding on communication sides (every side of a periodic axis, the
//   inner sides otherwise; padding on an outer side of a non-periodic axis
//   is boundary padding and owned). A halo exports as the ghost cells the
//   chunk really has, so its padding is cut at a non-periodic edge. On a
//   periodic axis the wrapped ghost cells count as if unwrapped: start may
//   be negative and stop past the size by at most the padding.
// * Padding agrees between neighbours when the communication padding of
//   every grid position along a dimension is the dimension's halo (lo, hi)
//   (the largest declared), cut at a non-periodic edge like a dac halo.
// * 'c': start is grid rank * block size; the extent follows NUMROC.
// * 'u': indices lie in [0, size), are unique per rank and together cover
//   the axis; with one_to_one no index is on two grid positions.
// * An undistributed ('n') dimension exports as 'b' with grid size 1; the
//   ranks holding the same grid position are replicas, and the grid product
//   times the number of replicas must be the number of ranks.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_DISTARRAYPROTOCOL_H
#define DAC_RUNTIME_DISTARRAYPROTOCOL_H

#include "dac/Runtime/Layout.h"

#include <mpi.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dac::rt::dap {

/// The protocol version this runtime exports.
inline constexpr const char *ProtocolVersion = "0.10.0";

/// One dimension dictionary. Every key is optional here, as in the
/// protocol's Python dict, so that a missing key can be represented and
/// reported. Required: dist_type, size, proc_grid_size, proc_grid_rank and
/// 'b': start, stop; 'c': start; 'u': indices. Optional with defaults:
/// padding (0, 0) and periodic false ('b'), block_size 1 ('c'), one_to_one
/// false ('u'). A dictionary without any key is the protocol's shorthand
/// `{}` for an undistributed dimension.
struct DimData {
  std::optional<std::string> distType;
  std::optional<int64_t> size;
  std::optional<int64_t> procGridSize;
  std::optional<int64_t> procGridRank;
  std::optional<int64_t> start;
  std::optional<int64_t> stop;
  std::optional<std::pair<int64_t, int64_t>> padding;
  std::optional<bool> periodic;
  std::optional<int64_t> blockSize;
  std::optional<std::vector<int64_t>> indices;
  std::optional<bool> oneToOne;

  /// Whether this is the `{}` shorthand.
  bool isEmpty() const;
  bool operator==(const DimData &other) const;
  bool operator!=(const DimData &other) const { return !(*this == other); }
};

/// What one rank's `__distarray__()` returns, with the buffer's shape in
/// place of the buffer itself.
struct DistBuffer {
  std::string version = ProtocolVersion;
  std::vector<int64_t> bufferShape;
  std::vector<DimData> dimData;

  bool operator==(const DistBuffer &other) const {
    return version == other.version && bufferShape == other.bufferShape &&
           dimData == other.dimData;
  }
};

/// The export of \p rank's chunk of \p layout (its buffer holds the owned
/// elements plus the ghost cells of every halo).
DistBuffer exportLayout(const Layout &layout, int64_t rank);

/// JSON renderings, keys in the protocol's order (`buffer_shape` stands for
/// the buffer); absent keys are left out.
std::string toJson(const DimData &dim);
std::string toJson(const DistBuffer &buffer);

/// The checks one rank can make on its own; one message per problem
/// (empty: valid).
std::vector<std::string> validateLocal(const DistBuffer &buffer);

/// All checks on the buffers of every rank of a job, in rank order: each
/// rank's local checks (messages prefixed `rank R: `), then, when those
/// pass, agreement between ranks, the process grid and its replicas,
/// tiling of owned ranges, padding between neighbours and index coverage.
std::vector<std::string> validateAll(const std::vector<DistBuffer> &ranks);

/// Collective over \p comm: every rank gets the same messages.
std::vector<std::string> validate(const DistBuffer &local, MPI_Comm comm);

/// The layout the buffers of all ranks describe (on ranks.size() ranks);
/// throws LayoutError with validateAll's messages when they are invalid or
/// describe something a dac layout cannot (replicas of a distributed
/// dimension, unstructured lists that overlap). A 'b' dimension of grid
/// size 1 without padding imports as undistributed.
Layout importLayout(const std::vector<DistBuffer> &ranks);

/// Collective over \p comm: the layout of all ranks' buffers, on each rank.
Layout importLayout(const DistBuffer &local, MPI_Comm comm);

/// Every rank's buffer, in rank order, on every rank of \p comm.
std::vector<DistBuffer> allgather(const DistBuffer &local, MPI_Comm comm);

/// The flat int64 form in which the collectives exchange buffers.
std::vector<int64_t> serialize(const DistBuffer &buffer);
DistBuffer deserialize(const int64_t *words, size_t length);

} // namespace dac::rt::dap

#endif // DAC_RUNTIME_DISTARRAYPROTOCOL_H
