//===- Layout.cpp - The per-axis counting rules ---------------------------===//
//
// The balanced block rule, ScaLAPACK's NUMROC and the C entry point of the
// block rule that generated code uses for the default layout.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Layout.h"
#include "Detail.h"
#include "dac/Runtime/RuntimeABI.h"

#include <algorithm>
#include <string>

using namespace dac::rt;

BlockRange dac::rt::blockRange(int64_t size, int64_t parts, int64_t part) {
  int64_t base = size / parts;
  int64_t extra = size % parts;
  // Parts before `part` that got one extra element shift its start.
  int64_t start = part * base + std::min(part, extra);
  return {start, base + (part < extra ? 1 : 0)};
}

int64_t dac::rt::blockOwner(int64_t size, int64_t parts, int64_t index) {
  int64_t base = size / parts;
  int64_t extra = size % parts;
  // The first `extra` parts hold base + 1 elements each, the rest base; an
  // index past the wide ones implies base >= 1.
  int64_t wideEnd = extra * (base + 1);
  if (index < wideEnd)
    return index / (base + 1);
  return extra + (index - wideEnd) / base;
}

int64_t dac::rt::cyclicCount(int64_t size, int64_t blockSize, int64_t parts,
                             int64_t part) {
  int64_t fullBlocks = size / blockSize;
  int64_t rest = size % blockSize;
  // Every part gets fullBlocks / parts whole blocks; the next fullBlocks %
  // parts parts one more, and the part after them the partial block.
  int64_t count = (fullBlocks / parts) * blockSize;
  int64_t extra = fullBlocks % parts;
  if (part < extra)
    count += blockSize;
  else if (part == extra)
    count += rest;
  return count;
}

std::string dac::rt::formatPythonTuple(const std::vector<int64_t> &values) {
  std::string text = "(";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i)
      text += ", ";
    text += std::to_string(values[i]);
  }
  // Python writes a 1-tuple with a trailing comma: (4,).
  text += values.size() == 1 ? ",)" : ")";
  return text;
}

extern "C" void dac_rt_layout_block_range(int64_t size, int64_t parts,
                                          int64_t part, void *out) {
  detail::guard("dac_rt_layout_block_range", [&] {
    if (size < 0 || parts < 1 || part < 0 || part >= parts || !out)
      fatal("dac_rt_layout_block_range: invalid arguments (size " +
            std::to_string(size) + ", parts " + std::to_string(parts) +
            ", part " + std::to_string(part) + ")");
    BlockRange range = blockRange(size, parts, part);
    int64_t *result = static_cast<int64_t *>(out);
    result[0] = range.start;
    result[1] = range.count;
  });
}
