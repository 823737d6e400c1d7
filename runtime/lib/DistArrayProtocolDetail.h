//===- DistArrayProtocolDetail.h - Shared by the DAP sources ---*- C++ -*-===//
//
// Private to runtime/lib: the rules both the validator and the importer
// apply to dimension dictionaries.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_LIB_DISTARRAYPROTOCOLDETAIL_H
#define DAC_RUNTIME_LIB_DISTARRAYPROTOCOLDETAIL_H

#include "dac/Runtime/DistArrayProtocol.h"

#include <cstdint>

namespace dac::rt::dap {

/// The owned part `[start, stop)` of a 'b' dimension's buffer.
struct OwnedRange {
  int64_t start;
  int64_t stop;
};

/// The padding of a 'b' dimension on its communication sides: every side
/// of a periodic axis, otherwise the sides facing another grid position.
/// Padding on an outer side of a non-periodic axis is boundary padding.
std::pair<int64_t, int64_t> communicationPadding(const DimData &dim);

/// start/stop of a 'b' dimension less its communication padding.
OwnedRange ownedRange(const DimData &dim);

/// \p dim with the `{}` shorthand spelled out (a 'b' dimension of grid size
/// 1 over a buffer of \p extent elements) and every optional key of its
/// dist_type set to its default. Requires a locally valid dictionary.
DimData normalize(const DimData &dim, int64_t extent);

} // namespace dac::rt::dap

#endif // DAC_RUNTIME_LIB_DISTARRAYPROTOCOLDETAIL_H
