//===- Layout.h - Index maps of distributed axes ---------------*- C++ -*-===//
//
// The one home of the rules that decide which rank owns which global index.
// Generated code reaches them through dac_rt_layout_*; the C++ API and the
// tests call them directly.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_LAYOUT_H
#define DAC_RUNTIME_LAYOUT_H

#include <cstdint>

namespace dac::rt {

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

} // namespace dac::rt

#endif // DAC_RUNTIME_LAYOUT_H
