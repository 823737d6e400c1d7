//===- ArraySize.cpp - Arrays NumPy could not allocate --------------------===//
//
// dac_rt_check_size: NumPy allocates every array whole, in one process; a
// program whose NumPy run stops with "array is too big" or "Unable to
// allocate ..." stops here too, with the same message, even where dac
// never materialises the array (a fused `np.zeros(10**13).sum()`).
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Error.h"
#include "dac/Runtime/RuntimeABI.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include <sys/sysinfo.h>

using namespace dac::rt;

namespace {

/// NumPy's _ArrayMemoryError._size_to_string: binary units, three
/// significant figures below 1000 of a unit.
std::string sizeToString(uint64_t bytes) {
  static const char *const units[] = {"bytes", "KiB", "MiB", "GiB",
                                      "TiB",   "PiB", "EiB"};
  int bitLength = 0;
  for (uint64_t v = bytes; v; v >>= 1)
    ++bitLength;
  int unit = std::max(bitLength - 1, 1) / 10;
  double count = static_cast<double>(bytes) / std::ldexp(1.0, 10 * unit);
  // Python's round: halves to even, as nearbyint does by default.
  if (std::nearbyint(count) == 1024) {
    ++unit;
    count /= 1024;
  }
  char text[64];
  if (unit == 0)
    std::snprintf(text, sizeof(text), "%.0f %s", count, units[unit]);
  else if (std::nearbyint(count) < 1000)
    std::snprintf(text, sizeof(text), "%#.3g %s", count, units[unit]);
  else
    std::snprintf(text, sizeof(text), "%#.0f %s", count, units[unit]);
  return text;
}

/// Python's repr of a shape tuple: "(5,)", "(2, 3)", "()".
std::string shapeToString(const int64_t *shape, int64_t rank) {
  std::string text = "(";
  for (int64_t d = 0; d < rank; ++d)
    text += (d ? ", " : "") + std::to_string(shape[d]);
  return text + (rank == 1 ? ",)" : ")");
}

/// The largest single allocation the kernel grants: RAM and swap under
/// Linux's default overcommit heuristic (asked once: the check may run in
/// a loop).
uint64_t allocatableBytes() {
  static const uint64_t Bytes = [] {
    struct sysinfo info;
    if (sysinfo(&info) != 0)
      return UINT64_MAX;
    return (static_cast<uint64_t>(info.totalram) + info.totalswap) *
           info.mem_unit;
  }();
  return Bytes;
}

} // namespace

extern "C" void dac_rt_check_size(void *shape, int64_t rank,
                                  int64_t elementBytes, void *dtype,
                                  void *location) {
  const auto *extents = static_cast<const int64_t *>(shape);
  const char *where = static_cast<const char *>(location);
  // As NumPy: the element size times every non-zero extent must fit, also
  // for an empty array.
  int64_t bytes = elementBytes;
  bool overflow = false, empty = false;
  for (int64_t d = 0; d < rank; ++d) {
    empty |= extents[d] == 0;
    if (extents[d] != 0)
      overflow |= __builtin_mul_overflow(bytes, extents[d], &bytes);
  }
  if (overflow)
    fatalCollective("ValueError: array is too big; `arr.size * "
                    "arr.dtype.itemsize` is larger than the maximum "
                    "possible size.",
                    where);
  if (!empty && static_cast<uint64_t>(bytes) > allocatableBytes()) {
    std::string message = "MemoryError: Unable to allocate " +
                          sizeToString(bytes) + " for an array with shape " +
                          shapeToString(extents, rank) + " and data type " +
                          static_cast<const char *>(dtype);
    fatalCollective(message.c_str(), where);
  }
}
