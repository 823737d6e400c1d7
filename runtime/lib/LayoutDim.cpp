//===- LayoutDim.cpp - Distributions of one dimension ---------------------===//
//
// The constructors of DimDistribution and the rules that make one valid for
// an axis. Messages name the problem in the script's terms ('b', 'c', ...);
// callers prefix the dimension.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Layout.h"

#include <string>
#include <utility>

using namespace dac::rt;

char dac::rt::dimKindCode(DimKind kind) {
  switch (kind) {
  case DimKind::None:
    return 'n';
  case DimKind::Block:
    return 'b';
  case DimKind::Cyclic:
    return 'c';
  case DimKind::Unstructured:
    return 'u';
  }
  return '?';
}

DimDistribution DimDistribution::none() { return DimDistribution(); }

DimDistribution DimDistribution::block() {
  DimDistribution dist;
  dist.kind = DimKind::Block;
  return dist;
}

DimDistribution DimDistribution::irregularBlock(std::vector<int64_t> bounds) {
  DimDistribution dist = block();
  dist.bounds = std::move(bounds);
  return dist;
}

DimDistribution DimDistribution::haloBlock(int64_t lo, int64_t hi,
                                           bool periodic) {
  DimDistribution dist = block();
  dist.haloLo = lo;
  dist.haloHi = hi;
  dist.periodic = periodic;
  return dist;
}

DimDistribution DimDistribution::cyclic(int64_t blockSize) {
  DimDistribution dist;
  dist.kind = DimKind::Cyclic;
  dist.blockSize = blockSize;
  return dist;
}

DimDistribution
DimDistribution::unstructured(std::vector<std::vector<int64_t>> indices) {
  DimDistribution dist;
  dist.kind = DimKind::Unstructured;
  dist.indices = std::move(indices);
  return dist;
}

std::optional<int64_t> DimDistribution::fixedParts() const {
  if (kind == DimKind::Block && !bounds.empty())
    return static_cast<int64_t>(bounds.size()) - 1;
  if (kind == DimKind::Unstructured)
    return static_cast<int64_t>(indices.size());
  return std::nullopt;
}

bool DimDistribution::operator==(const DimDistribution &other) const {
  return kind == other.kind && blockSize == other.blockSize &&
         haloLo == other.haloLo && haloHi == other.haloHi &&
         periodic == other.periodic && bounds == other.bounds &&
         indices == other.indices;
}

namespace {

std::string quotedCode(DimKind kind) {
  return std::string("'") + dimKindCode(kind) + "'";
}

std::string formatList(const std::vector<int64_t> &values) {
  std::string text = "[";
  for (size_t i = 0; i < values.size(); ++i)
    text += (i ? ", " : "") + std::to_string(values[i]);
  return text + "]";
}

void validateBounds(const std::vector<int64_t> &bounds, int64_t size) {
  if (bounds.size() < 2)
    throw LayoutError("bounds need at least two entries (0 and the axis "
                      "length " +
                      std::to_string(size) + "), got " + formatList(bounds));
  if (bounds.front() != 0)
    throw LayoutError("bounds must start at 0, got " + formatList(bounds));
  for (size_t i = 1; i < bounds.size(); ++i)
    if (bounds[i] < bounds[i - 1])
      throw LayoutError("bounds must be non-decreasing, got " +
                        formatList(bounds));
  if (bounds.back() != size)
    throw LayoutError("bounds must end at the axis length " +
                      std::to_string(size) + ", got " + formatList(bounds));
}

/// The lists must partition [0, size): every index exactly once.
void validateIndexLists(const std::vector<std::vector<int64_t>> &lists,
                        int64_t size) {
  std::vector<bool> seen(static_cast<size_t>(size), false);
  int64_t count = 0;
  for (const std::vector<int64_t> &list : lists) {
    for (int64_t index : list) {
      if (index < 0 || index >= size)
        throw LayoutError("index " + std::to_string(index) +
                          " is outside the axis [0, " + std::to_string(size) +
                          ")");
      if (seen[index])
        throw LayoutError("index " + std::to_string(index) +
                          " is listed twice; the lists must partition [0, " +
                          std::to_string(size) + ")");
      seen[index] = true;
      ++count;
    }
  }
  if (count == size)
    return;
  for (int64_t index = 0; index < size; ++index)
    if (!seen[index])
      throw LayoutError("index " + std::to_string(index) +
                        " is in no list; the lists must partition [0, " +
                        std::to_string(size) + ")");
}

} // namespace

void dac::rt::validateDimDistribution(const DimDistribution &dist,
                                      int64_t size) {
  DimKind kind = dist.kind;
  if (kind != DimKind::None && kind != DimKind::Block &&
      kind != DimKind::Cyclic && kind != DimKind::Unstructured)
    throw LayoutError("unknown distribution kind " +
                      std::to_string(static_cast<int>(kind)));
  if (kind == DimKind::Cyclic && dist.blockSize < 1)
    throw LayoutError("the block size of a cyclic distribution must be at "
                      "least 1, got " +
                      std::to_string(dist.blockSize));
  if (kind != DimKind::Cyclic && dist.blockSize != 1)
    throw LayoutError("only cyclic ('c') dimensions take a block size, got " +
                      std::to_string(dist.blockSize) + " for " +
                      quotedCode(kind));
  if (dist.haloLo < 0 || dist.haloHi < 0)
    throw LayoutError("halo widths must be non-negative, got (" +
                      std::to_string(dist.haloLo) + ", " +
                      std::to_string(dist.haloHi) + ")");
  if ((dist.haloLo || dist.haloHi || dist.periodic) && kind != DimKind::Block)
    throw LayoutError("halo and periodic need a block ('b') dimension, not " +
                      quotedCode(kind));
  if (dist.haloLo > size || dist.haloHi > size)
    throw LayoutError("halo (" + std::to_string(dist.haloLo) + ", " +
                      std::to_string(dist.haloHi) +
                      ") is wider than the axis (length " +
                      std::to_string(size) + ")");
  if (!dist.bounds.empty()) {
    if (kind != DimKind::Block)
      throw LayoutError("bounds need a block ('b') dimension, not " +
                        quotedCode(kind));
    validateBounds(dist.bounds, size);
  }
  if (kind == DimKind::Unstructured) {
    if (dist.indices.empty())
      throw LayoutError("an unstructured ('u') dimension needs its index "
                        "lists, one per grid position");
    validateIndexLists(dist.indices, size);
  } else if (!dist.indices.empty()) {
    throw LayoutError("index lists need an unstructured ('u') dimension, "
                      "not " +
                      quotedCode(kind));
  }
}
