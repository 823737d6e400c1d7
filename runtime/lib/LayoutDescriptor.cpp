//===- LayoutDescriptor.cpp - Layouts in compiled code --------------------===//
//
// The int64 descriptor format of RuntimeABI.def:
//   [ndims, g, grid[0..g),  then per dimension:
//    kind, blockSize, haloLo, haloHi, periodic,
//    nBounds, bounds[0..nBounds), nLists, {len, index[0..len)} x nLists]
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/LayoutDescriptor.h"
#include "dac/Runtime/RuntimeABI.h"

#include <cstdint>
#include <string>

using namespace dac::rt;

namespace {

/// Reads words in order, refusing to pass the end or to accept counts that
/// cannot be right (a descriptor of garbage must not run away).
class DescriptorReader {
public:
  DescriptorReader(const int64_t *desc, size_t length)
      : Desc(desc), Length(length) {}

  int64_t next(const char *what) {
    if (Pos >= Length)
      throw LayoutError(std::string("layout descriptor ends before its ") +
                        what);
    return Desc[Pos++];
  }

  /// A count of following items, each at least one word long.
  int64_t count(const char *what) {
    int64_t value = next(what);
    if (value < 0 ||
        (Length != SIZE_MAX && static_cast<uint64_t>(value) > Length - Pos))
      throw LayoutError(std::string("layout descriptor has an invalid ") +
                        what + " (" + std::to_string(value) + ")");
    return value;
  }

  size_t position() const { return Pos; }

private:
  const int64_t *Desc;
  size_t Length;
  size_t Pos = 0;
};

DimKind decodeKind(int64_t code) {
  switch (code) {
  case DAC_RT_DIM_None:
    return DimKind::None;
  case DAC_RT_DIM_Block:
    return DimKind::Block;
  case DAC_RT_DIM_Cyclic:
    return DimKind::Cyclic;
  case DAC_RT_DIM_Unstructured:
    return DimKind::Unstructured;
  default:
    throw LayoutError("layout descriptor has an unknown dimension kind " +
                      std::to_string(code));
  }
}

DimDistribution decodeDim(DescriptorReader &reader) {
  DimDistribution dim;
  dim.kind = decodeKind(reader.next("dimension kind"));
  dim.blockSize = reader.next("block size");
  dim.haloLo = reader.next("halo");
  dim.haloHi = reader.next("halo");
  int64_t periodic = reader.next("periodic flag");
  if (periodic != 0 && periodic != 1)
    throw LayoutError("layout descriptor has an invalid periodic flag " +
                      std::to_string(periodic));
  dim.periodic = periodic == 1;
  int64_t numBounds = reader.count("number of bounds");
  for (int64_t i = 0; i < numBounds; ++i)
    dim.bounds.push_back(reader.next("bounds"));
  int64_t numLists = reader.count("number of index lists");
  dim.indices.resize(static_cast<size_t>(numLists));
  for (std::vector<int64_t> &list : dim.indices) {
    int64_t length = reader.count("index list length");
    list.reserve(static_cast<size_t>(length));
    for (int64_t i = 0; i < length; ++i)
      list.push_back(reader.next("index list"));
  }
  return dim;
}

} // namespace

LayoutSpec dac::rt::decodeLayoutDescriptor(const int64_t *desc, size_t length,
                                           size_t *consumed) {
  if (!desc)
    throw LayoutError("layout descriptor is a null pointer");
  DescriptorReader reader(desc, length);
  LayoutSpec spec;
  int64_t numDims = reader.count("number of dimensions");
  int64_t gridRank = reader.count("process grid rank");
  if (gridRank > 0) {
    spec.grid.emplace();
    for (int64_t i = 0; i < gridRank; ++i)
      spec.grid->push_back(reader.next("process grid"));
  }
  for (int64_t d = 0; d < numDims; ++d)
    spec.dims.push_back(decodeDim(reader));
  if (consumed)
    *consumed = reader.position();
  return spec;
}

std::vector<int64_t> dac::rt::encodeLayoutDescriptor(const LayoutSpec &spec) {
  std::vector<int64_t> desc;
  desc.push_back(static_cast<int64_t>(spec.dims.size()));
  desc.push_back(spec.grid ? static_cast<int64_t>(spec.grid->size()) : 0);
  if (spec.grid)
    desc.insert(desc.end(), spec.grid->begin(), spec.grid->end());
  for (const DimDistribution &dim : spec.dims) {
    desc.push_back(static_cast<int64_t>(dim.kind));
    desc.push_back(dim.blockSize);
    desc.push_back(dim.haloLo);
    desc.push_back(dim.haloHi);
    desc.push_back(dim.periodic ? 1 : 0);
    desc.push_back(static_cast<int64_t>(dim.bounds.size()));
    desc.insert(desc.end(), dim.bounds.begin(), dim.bounds.end());
    desc.push_back(static_cast<int64_t>(dim.indices.size()));
    for (const std::vector<int64_t> &list : dim.indices) {
      desc.push_back(static_cast<int64_t>(list.size()));
      desc.insert(desc.end(), list.begin(), list.end());
    }
  }
  return desc;
}
