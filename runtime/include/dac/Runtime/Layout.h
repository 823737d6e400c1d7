//===- Layout.h - Index maps of distributed arrays -------------*- C++ -*-===//
//
// The one home of the rules that decide which rank owns which global index
// (design/ARCHITECTURE.md, "Distributions"). Generated code reaches them
// through dac_rt_layout_*; the C++ API, the Distributed Array Protocol
// export, the dac-layout tool and the tests call them directly.
//
// A layout is the global shape, one DimDistribution per dimension and a
// C-ordered process grid over the distributed (not `None`) dimensions whose
// product is the number of ranks. Each dimension is resolved against its
// axis length and grid extent into an AxisMap; a rank's chunk is the
// Cartesian product of what its grid coordinates own along every axis.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_LAYOUT_H
#define DAC_RUNTIME_LAYOUT_H

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace dac::rt {

//===----------------------------------------------------------------------===//
// The balanced block rule
//===----------------------------------------------------------------------===//

/// A contiguous piece `[start, start + count)` of an axis.
struct BlockRange {
  int64_t start;
  int64_t count;
};

/// The piece of an axis of \p size elements that part \p part of \p parts
/// owns under the balanced block rule (np.array_split): every part gets
/// floor(size / parts) elements and the first size % parts parts one more.
/// Requires size >= 0, parts >= 1 and 0 <= part < parts.
BlockRange blockRange(int64_t size, int64_t parts, int64_t part);

/// The part that owns global index \p index under the balanced block rule.
/// Requires 0 <= index < size and parts >= 1.
int64_t blockOwner(int64_t size, int64_t parts, int64_t index);

/// ScaLAPACK's NUMROC: how many elements of an axis of \p size, cut into
/// blocks of \p blockSize dealt round-robin (block b to part b mod parts),
/// part \p part owns. The partial last block belongs to part
/// (size div blockSize) mod parts.
int64_t cyclicCount(int64_t size, int64_t blockSize, int64_t parts,
                    int64_t part);

//===----------------------------------------------------------------------===//
// Distribution of one dimension
//===----------------------------------------------------------------------===//

/// A layout that cannot exist: bad parameters, or a grid that does not fit
/// the number of ranks. The message is meant for the user.
class LayoutError : public std::invalid_argument {
public:
  using std::invalid_argument::invalid_argument;
};

/// How one dimension is split over its axis of the process grid. The codes
/// match DAC_RT_DIM_KIND in RuntimeABI.def.
enum class DimKind { None = 0, Block = 1, Cyclic = 2, Unstructured = 3 };

/// The distribution code DistArray and scripts use: 'n', 'b', 'c' or 'u'.
char dimKindCode(DimKind kind);

/// The distribution of one dimension, independent of the axis length and
/// of the number of ranks (those come in when it is resolved to an
/// AxisMap). Fields that do not apply to the kind keep their defaults.
struct DimDistribution {
  DimKind kind = DimKind::None;
  /// Cyclic only: elements per block (k >= 1; k = 1 is plain cyclic).
  int64_t blockSize = 1;
  /// Block only: ghost cells below and above the owned range.
  int64_t haloLo = 0;
  int64_t haloHi = 0;
  /// Block only: ghost cells past an edge of the axis wrap around.
  bool periodic = false;
  /// Block only: explicit boundaries `0 = b[0] <= ... <= b[m] = size` of m
  /// parts (irregular blocks); empty means the balanced rule.
  std::vector<int64_t> bounds;
  /// Unstructured only: the global indices of each grid coordinate, in
  /// local order. The lists partition [0, size).
  std::vector<std::vector<int64_t>> indices;

  static DimDistribution none();
  static DimDistribution block();
  static DimDistribution irregularBlock(std::vector<int64_t> bounds);
  static DimDistribution haloBlock(int64_t lo, int64_t hi,
                                   bool periodic = false);
  static DimDistribution cyclic(int64_t blockSize = 1);
  static DimDistribution
  unstructured(std::vector<std::vector<int64_t>> indices);

  /// Whether the dimension is split over ranks at all.
  bool isDistributed() const { return kind != DimKind::None; }
  /// The grid extent the distribution itself fixes (m for bounds of m + 1
  /// entries, m for m index lists), if any.
  std::optional<int64_t> fixedParts() const;

  bool operator==(const DimDistribution &other) const;
  bool operator!=(const DimDistribution &other) const {
    return !(*this == other);
  }
};

/// Checks \p dist against an axis of \p size elements; throws LayoutError
/// naming the problem (without the dimension, which callers add).
void validateDimDistribution(const DimDistribution &dist, int64_t size);

/// Where a global index of one axis lives: a grid coordinate along that
/// axis and the local index there.
struct AxisOwner {
  int64_t coord;
  int64_t local;
  bool operator==(const AxisOwner &other) const {
    return coord == other.coord && local == other.local;
  }
};

/// The ghost cells of one axis of a chunk, by global index: `lo` holds
/// [start - haloLo, start) and `hi` holds [stop, stop + haloHi) of the
/// owned range, wrapped when periodic and cut off past a non-periodic edge.
struct GhostIndices {
  std::vector<int64_t> lo;
  std::vector<int64_t> hi;
};

/// One dimension resolved against its axis length and grid extent.
class AxisMap {
public:
  /// Throws LayoutError when \p dist is invalid for \p size elements or
  /// fixes another number of parts than \p parts.
  AxisMap(DimDistribution dist, int64_t size, int64_t parts);

  const DimDistribution &distribution() const { return Dist; }
  DimKind kind() const { return Dist.kind; }
  int64_t size() const { return Size; }
  int64_t parts() const { return Parts; }

  /// Elements owned by grid coordinate \p coord.
  int64_t localSize(int64_t coord) const;
  /// The owned range of a Block or None axis (None: the whole axis).
  BlockRange ownedRange(int64_t coord) const;
  /// The global indices owned by \p coord, in local order.
  std::vector<int64_t> ownedIndices(int64_t coord) const;
  /// The global index of local index \p local of coordinate \p coord.
  int64_t globalIndex(int64_t coord, int64_t local) const;
  /// Who owns global index \p global (0 <= global < size()).
  AxisOwner owner(int64_t global) const;
  /// The ghost cells of \p coord (empty unless a Block axis with a halo).
  GhostIndices ghostIndices(int64_t coord) const;

private:
  DimDistribution Dist;
  int64_t Size;
  int64_t Parts;
  /// Unstructured: the owner of every global index.
  std::vector<AxisOwner> OwnerTable;
};

//===----------------------------------------------------------------------===//
// Process grids
//===----------------------------------------------------------------------===//

/// The non-decreasing \p count-tuples of positive integers whose product is
/// \p parts, in lexicographic order.
std::vector<std::vector<int64_t>> factorizations(int64_t parts, int count);

/// The grid DistArray's rule picks for distributed axes of \p lengths on
/// \p parts ranks (oracle/DISTRIBUTIONS.md, "Grid choice"): one axis takes
/// all ranks; several get the factorization, factors handed out from the
/// shortest axis to the longest (ties in axis order), whose pairwise ratios
/// are closest (Euclidean) to those of the lengths; the first minimum wins.
std::vector<int64_t> chooseGrid(const std::vector<int64_t> &lengths,
                                int64_t parts);

//===----------------------------------------------------------------------===//
// Layouts
//===----------------------------------------------------------------------===//

/// Where a global element lives: a rank and the local multi-index there.
/// An element of a fully replicated array is reported on rank 0.
struct ElementOwner {
  int64_t rank;
  std::vector<int64_t> local;
};

/// A validated layout of an array of a given shape on a number of ranks.
class Layout {
public:
  /// Resolves and validates; throws LayoutError. Without \p grid the
  /// process grid is chosen: dimensions whose distribution fixes their
  /// extent (bounds, index lists) keep it and the remaining ranks go to the
  /// others by chooseGrid. An explicit grid has one extent per distributed
  /// dimension and must multiply to \p numRanks.
  Layout(std::vector<int64_t> shape, std::vector<DimDistribution> dims,
         int64_t numRanks,
         std::optional<std::vector<int64_t>> grid = std::nullopt);

  /// Number of dimensions.
  unsigned rank() const { return static_cast<unsigned>(Shape.size()); }
  const std::vector<int64_t> &shape() const { return Shape; }
  int64_t numRanks() const { return NumRanks; }
  /// The process grid: one extent per distributed dimension, in order.
  const std::vector<int64_t> &grid() const { return Grid; }
  /// The grid extent of every dimension, 1 for undistributed ones: the form
  /// in which DistArray (and oracle/DISTRIBUTIONS.md) writes grids.
  std::vector<int64_t> gridPerDim() const;
  /// The distributed dimensions, in order (those the grid covers).
  const std::vector<unsigned> &distributedDims() const { return DistDims; }
  const AxisMap &axis(unsigned dim) const { return Axes[dim]; }
  const DimDistribution &dim(unsigned dim) const {
    return Axes[dim].distribution();
  }

  /// C-ordered grid coordinates of \p rank (one per distributed dimension).
  std::vector<int64_t> gridCoords(int64_t rank) const;
  /// The rank at grid coordinates \p coords.
  int64_t rankAt(const std::vector<int64_t> &coords) const;
  /// The coordinate of \p rank along dimension \p dim (0 if undistributed).
  int64_t coordAlong(int64_t rank, unsigned dim) const;

  /// The owned (ghost-free) local shape of \p rank.
  std::vector<int64_t> localShape(int64_t rank) const;
  /// The global indices along \p dim that \p rank owns, in local order.
  std::vector<int64_t> ownedIndices(int64_t rank, unsigned dim) const;
  /// The C-order positions in the whole array of the elements \p rank
  /// owns, in local C order.
  std::vector<int64_t> ownedPositions(int64_t rank) const;
  /// The ghost cells of \p rank along \p dim.
  GhostIndices ghostIndices(int64_t rank, unsigned dim) const;
  /// Who owns the element at global multi-index \p global.
  ElementOwner owner(const std::vector<int64_t> &global) const;
  /// The same without allocating (plans look up every element): writes
  /// the owner's local index to \p local (rank() entries), returns its rank.
  int64_t ownerInto(const int64_t *global, int64_t *local) const;
  /// The global multi-index of \p local on \p rank.
  std::vector<int64_t> globalIndex(int64_t rank,
                                   const std::vector<int64_t> &local) const;

private:
  std::vector<int64_t> Shape;
  int64_t NumRanks;
  std::vector<unsigned> DistDims;
  std::vector<int64_t> Grid;
  std::vector<AxisMap> Axes;
};

/// Python's repr of a tuple of integers: `()`, `(4,)`, `(3, 5)`.
std::string formatPythonTuple(const std::vector<int64_t> &values);

} // namespace dac::rt

#endif // DAC_RUNTIME_LAYOUT_H
