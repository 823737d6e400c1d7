//===- DistArrayProtocolImport.cpp - DAP dictionaries to layouts ----------===//
//
// importLayout rebuilds a dac Layout from the dictionaries of all ranks; the
// collective entry points exchange them in a flat int64 form first.
//
//===----------------------------------------------------------------------===//

#include "DistArrayProtocolDetail.h"

#include <algorithm>
#include <stdexcept>
#include <string>

using namespace dac::rt;
using namespace dac::rt::dap;

namespace {

/// The distribution that grid position data \p at (one dictionary per
/// position, validated) describes.
DimDistribution importDim(const std::vector<const DimData *> &at) {
  const DimData &first = *at[0];
  int64_t parts = static_cast<int64_t>(at.size());
  if (*first.distType == "c")
    return DimDistribution::cyclic(*first.blockSize);
  if (*first.distType == "u") {
    std::vector<std::vector<int64_t>> lists;
    for (const DimData *dim : at)
      lists.push_back(*dim->indices);
    return DimDistribution::unstructured(std::move(lists));
  }
  // 'b': the halo is the widest communication padding (the validator made
  // sure the others are that halo cut at an edge).
  std::vector<int64_t> bounds{0};
  int64_t haloLo = 0, haloHi = 0;
  for (const DimData *dim : at) {
    bounds.push_back(ownedRange(*dim).stop);
    auto [lo, hi] = communicationPadding(*dim);
    haloLo = std::max(haloLo, lo);
    haloHi = std::max(haloHi, hi);
  }
  bool periodic = *first.periodic;
  if (parts == 1 && !haloLo && !haloHi && !periodic)
    return DimDistribution::none();
  DimDistribution dist = DimDistribution::haloBlock(haloLo, haloHi, periodic);
  bool balanced = true;
  for (int64_t c = 0; c < parts; ++c)
    balanced &= blockRange(*first.size, parts, c).start == bounds[c];
  if (!balanced)
    dist.bounds = std::move(bounds);
  return dist;
}

/// Appends a string as its length and one word per character.
void putString(std::vector<int64_t> &words, const std::string &text) {
  words.push_back(static_cast<int64_t>(text.size()));
  for (unsigned char c : text)
    words.push_back(c);
}

/// Reads words in order; a short or inconsistent message is an error.
class WordReader {
public:
  WordReader(const int64_t *words, size_t length)
      : Words(words), Length(length) {}
  int64_t next() {
    if (Pos >= Length)
      throw LayoutError("truncated distributed array protocol message");
    return Words[Pos++];
  }
  size_t count() {
    int64_t value = next();
    if (value < 0 || static_cast<uint64_t>(value) > Length - Pos)
      throw LayoutError("corrupt distributed array protocol message");
    return static_cast<size_t>(value);
  }
  std::string string() {
    std::string text(count(), '\0');
    for (char &c : text)
      c = static_cast<char>(next());
    return text;
  }
  bool done() const { return Pos == Length; }

private:
  const int64_t *Words;
  size_t Length;
  size_t Pos = 0;
};

// Which optional keys a serialized dictionary carries.
constexpr int64_t HasDistType = 1 << 0;
constexpr int64_t HasSize = 1 << 1;
constexpr int64_t HasProcGridSize = 1 << 2;
constexpr int64_t HasProcGridRank = 1 << 3;
constexpr int64_t HasStart = 1 << 4;
constexpr int64_t HasStop = 1 << 5;
constexpr int64_t HasPadding = 1 << 6;
constexpr int64_t HasPeriodic = 1 << 7;
constexpr int64_t HasBlockSize = 1 << 8;
constexpr int64_t HasIndices = 1 << 9;
constexpr int64_t HasOneToOne = 1 << 10;

void checkMpiCall(int code, const char *call) {
  if (code != MPI_SUCCESS)
    throw std::runtime_error(std::string(call) + " failed");
}

} // namespace

Layout dap::importLayout(const std::vector<DistBuffer> &ranks) {
  std::vector<std::string> errors = validateAll(ranks);
  if (!errors.empty()) {
    std::string message = "invalid distributed array protocol data:";
    for (const std::string &error : errors)
      message += "\n  " + error;
    throw LayoutError(message);
  }
  size_t numDims = ranks[0].dimData.size();
  std::vector<int64_t> shape, grid;
  std::vector<DimDistribution> dims;
  int64_t positions = 1;
  for (size_t d = 0; d < numDims; ++d) {
    std::vector<DimData> normalized;
    for (const DistBuffer &buffer : ranks)
      normalized.push_back(normalize(buffer.dimData[d], buffer.bufferShape[d]));
    std::vector<const DimData *> at(
        static_cast<size_t>(*normalized[0].procGridSize));
    for (const DimData &dim : normalized)
      at[*dim.procGridRank] = &dim;
    shape.push_back(*normalized[0].size);
    dims.push_back(importDim(at));
    positions *= static_cast<int64_t>(at.size());
    if (dims.back().isDistributed())
      grid.push_back(static_cast<int64_t>(at.size()));
  }
  int64_t numRanks = static_cast<int64_t>(ranks.size());
  if (positions != numRanks && !grid.empty())
    throw LayoutError("dac replicates only undistributed arrays, but the "
                      "process grid " +
                      formatPythonTuple(grid) + " has " +
                      std::to_string(numRanks / positions) +
                      " replicas per position");
  return Layout(std::move(shape), std::move(dims), numRanks, std::move(grid));
}

std::vector<int64_t> dap::serialize(const DistBuffer &buffer) {
  std::vector<int64_t> words;
  putString(words, buffer.version);
  words.push_back(static_cast<int64_t>(buffer.bufferShape.size()));
  words.insert(words.end(), buffer.bufferShape.begin(),
               buffer.bufferShape.end());
  words.push_back(static_cast<int64_t>(buffer.dimData.size()));
  for (const DimData &dim : buffer.dimData) {
    int64_t keys =
        (dim.distType ? HasDistType : 0) | (dim.size ? HasSize : 0) |
        (dim.procGridSize ? HasProcGridSize : 0) |
        (dim.procGridRank ? HasProcGridRank : 0) | (dim.start ? HasStart : 0) |
        (dim.stop ? HasStop : 0) | (dim.padding ? HasPadding : 0) |
        (dim.periodic ? HasPeriodic : 0) | (dim.blockSize ? HasBlockSize : 0) |
        (dim.indices ? HasIndices : 0) | (dim.oneToOne ? HasOneToOne : 0);
    words.push_back(keys);
    putString(words, dim.distType.value_or(""));
    for (const std::optional<int64_t> &value :
         {dim.size, dim.procGridSize, dim.procGridRank, dim.start, dim.stop})
      words.push_back(value.value_or(0));
    auto padding = dim.padding.value_or(std::make_pair(0, 0));
    words.push_back(padding.first);
    words.push_back(padding.second);
    words.push_back(dim.periodic.value_or(false));
    words.push_back(dim.blockSize.value_or(0));
    const std::vector<int64_t> none;
    const std::vector<int64_t> &indices = dim.indices ? *dim.indices : none;
    words.push_back(static_cast<int64_t>(indices.size()));
    words.insert(words.end(), indices.begin(), indices.end());
    words.push_back(dim.oneToOne.value_or(false));
  }
  return words;
}

DistBuffer dap::deserialize(const int64_t *words, size_t length) {
  WordReader reader(words, length);
  DistBuffer buffer;
  buffer.version = reader.string();
  buffer.bufferShape.resize(reader.count());
  for (int64_t &extent : buffer.bufferShape)
    extent = reader.next();
  buffer.dimData.resize(reader.count());
  for (DimData &dim : buffer.dimData) {
    int64_t keys = reader.next();
    auto optional = [&](int64_t bit, int64_t value) {
      return keys & bit ? std::optional<int64_t>(value) : std::nullopt;
    };
    std::string type = reader.string();
    if (keys & HasDistType)
      dim.distType = type;
    dim.size = optional(HasSize, reader.next());
    dim.procGridSize = optional(HasProcGridSize, reader.next());
    dim.procGridRank = optional(HasProcGridRank, reader.next());
    dim.start = optional(HasStart, reader.next());
    dim.stop = optional(HasStop, reader.next());
    int64_t lo = reader.next(), hi = reader.next();
    if (keys & HasPadding)
      dim.padding = std::make_pair(lo, hi);
    int64_t periodic = reader.next();
    if (keys & HasPeriodic)
      dim.periodic = periodic != 0;
    dim.blockSize = optional(HasBlockSize, reader.next());
    std::vector<int64_t> indices(reader.count());
    for (int64_t &index : indices)
      index = reader.next();
    if (keys & HasIndices)
      dim.indices = std::move(indices);
    int64_t oneToOne = reader.next();
    if (keys & HasOneToOne)
      dim.oneToOne = oneToOne != 0;
  }
  if (!reader.done())
    throw LayoutError("corrupt distributed array protocol message");
  return buffer;
}

std::vector<DistBuffer> dap::allgather(const DistBuffer &local, MPI_Comm comm) {
  std::vector<int64_t> mine = serialize(local);
  int size = 1;
  checkMpiCall(MPI_Comm_size(comm, &size), "MPI_Comm_size");
  int count = static_cast<int>(mine.size());
  std::vector<int> counts(static_cast<size_t>(size)), offsets(counts.size());
  checkMpiCall(
      MPI_Allgather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, comm),
      "MPI_Allgather");
  int total = 0;
  for (size_t r = 0; r < counts.size(); ++r) {
    offsets[r] = total;
    total += counts[r];
  }
  std::vector<int64_t> all(static_cast<size_t>(total));
  checkMpiCall(MPI_Allgatherv(mine.data(), count, MPI_INT64_T, all.data(),
                              counts.data(), offsets.data(), MPI_INT64_T, comm),
               "MPI_Allgatherv");
  std::vector<DistBuffer> buffers;
  for (size_t r = 0; r < counts.size(); ++r)
    buffers.push_back(
        deserialize(all.data() + offsets[r], static_cast<size_t>(counts[r])));
  return buffers;
}

std::vector<std::string> dap::validate(const DistBuffer &local, MPI_Comm comm) {
  return validateAll(allgather(local, comm));
}

Layout dap::importLayout(const DistBuffer &local, MPI_Comm comm) {
  return importLayout(allgather(local, comm));
}
