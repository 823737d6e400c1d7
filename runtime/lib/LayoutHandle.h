//===- LayoutHandle.h - What dac_rt_layout_create returns ------*- C++ -*-===//
//
// Private to runtime/lib: the object behind the opaque layout handles of the
// ABI, for every entry point that takes one (prints, halo exchange, IO).
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_LIB_LAYOUTHANDLE_H
#define DAC_RUNTIME_LIB_LAYOUTHANDLE_H

#include "dac/Runtime/Layout.h"

#include <cstdint>

namespace dac::rt::detail {

/// A layout on the world communicator, seen from this rank.
struct LayoutHandle {
  Layout Map;
  int64_t Rank;
};

/// The handle behind \p handle; stops the program (naming \p entryPoint)
/// when it is null.
const LayoutHandle &getLayoutHandle(void *handle, const char *entryPoint);

} // namespace dac::rt::detail

#endif // DAC_RUNTIME_LIB_LAYOUTHANDLE_H
