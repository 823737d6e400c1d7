//===- LayoutABI.cpp - Layouts for generated code -------------------------===//
//
// dac_rt_layout_* and the print entry points of dac.localshapes and
// dac.grid_shape. Every rank decodes and validates the same descriptor, so
// an invalid layout stops all ranks with the same message.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "LayoutHandle.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/LayoutDescriptor.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace dac::rt;
using detail::LayoutHandle;

const LayoutHandle &detail::getLayoutHandle(void *handle,
                                            const char *entryPoint) {
  if (!handle)
    fatal(std::string(entryPoint) + ": null layout handle");
  return *static_cast<const LayoutHandle *>(handle);
}

namespace {

/// Handles by descriptor words and shape. Generated code asks for a handle
/// where it needs one, possibly inside a loop, so equal requests share one
/// handle: memory stays bounded and handles live until the program exits.
std::map<std::vector<int64_t>, std::unique_ptr<LayoutHandle>> &handles() {
  static std::map<std::vector<int64_t>, std::unique_ptr<LayoutHandle>> Handles;
  return Handles;
}

unsigned checkDim(const LayoutHandle &handle, int64_t dim,
                  const char *entryPoint) {
  if (dim < 0 || dim >= static_cast<int64_t>(handle.Map.rank()))
    fatal(std::string(entryPoint) + ": dimension " + std::to_string(dim) +
          " of a layout of " + std::to_string(handle.Map.rank()) +
          " dimensions");
  return static_cast<unsigned>(dim);
}

LayoutHandle *createHandle(const int64_t *desc, const int64_t *extents,
                           const char *location) {
  try {
    size_t consumed = 0;
    LayoutSpec spec = decodeLayoutDescriptor(desc, SIZE_MAX, &consumed);
    if (!extents && !spec.dims.empty())
      throw LayoutError("the shape is a null pointer");
    std::vector<int64_t> shape(extents, extents + spec.dims.size());
    std::vector<int64_t> key(desc, desc + consumed);
    key.insert(key.end(), shape.begin(), shape.end());
    auto found = handles().find(key);
    if (found != handles().end())
      return found->second.get();
    auto handle = std::make_unique<LayoutHandle>(
        LayoutHandle{makeLayout(spec, std::move(shape), detail::worldSize()),
                     detail::worldRank()});
    return handles()
        .emplace(std::move(key), std::move(handle))
        .first->second.get();
  } catch (const LayoutError &error) {
    // Every rank validates the same layout, so every rank gets here.
    fatalCollective((std::string("invalid layout: ") + error.what()).c_str(),
                    location);
  }
}

} // namespace

extern "C" void *dac_rt_layout_create(void *desc, void *shape, void *location) {
  return detail::guard("dac_rt_layout_create", [&]() -> void * {
    return createHandle(static_cast<const int64_t *>(desc),
                        static_cast<const int64_t *>(shape),
                        static_cast<const char *>(location));
  });
}

extern "C" int64_t dac_rt_layout_local_size(void *layout, int64_t dim) {
  return detail::guard("dac_rt_layout_local_size", [&] {
    const LayoutHandle &handle =
        detail::getLayoutHandle(layout, "dac_rt_layout_local_size");
    unsigned d = checkDim(handle, dim, "dac_rt_layout_local_size");
    return handle.Map.axis(d).localSize(handle.Map.coordAlong(handle.Rank, d));
  });
}

extern "C" void dac_rt_layout_global_indices(void *layout, int64_t dim,
                                             void *out) {
  detail::guard("dac_rt_layout_global_indices", [&] {
    const LayoutHandle &handle =
        detail::getLayoutHandle(layout, "dac_rt_layout_global_indices");
    unsigned d = checkDim(handle, dim, "dac_rt_layout_global_indices");
    std::vector<int64_t> indices = handle.Map.ownedIndices(handle.Rank, d);
    if (indices.empty())
      return;
    if (!out)
      fatal("dac_rt_layout_global_indices: null output buffer");
    std::copy(indices.begin(), indices.end(), static_cast<int64_t *>(out));
  });
}

extern "C" void dac_rt_layout_owned_range(void *layout, int64_t dim,
                                          void *out) {
  detail::guard("dac_rt_layout_owned_range", [&] {
    const LayoutHandle &handle =
        detail::getLayoutHandle(layout, "dac_rt_layout_owned_range");
    unsigned d = checkDim(handle, dim, "dac_rt_layout_owned_range");
    if (handle.Map.dim(d).kind != DimKind::Block || !out)
      fatal("dac_rt_layout_owned_range: needs a block dimension and an "
            "output buffer");
    BlockRange range =
        handle.Map.axis(d).ownedRange(handle.Map.coordAlong(handle.Rank, d));
    static_cast<int64_t *>(out)[0] = range.start;
    static_cast<int64_t *>(out)[1] = range.count;
  });
}

extern "C" void dac_rt_print_localshapes(void *layout) {
  detail::guard("dac_rt_print_localshapes", [&] {
    const LayoutHandle &handle =
        detail::getLayoutHandle(layout, "dac_rt_print_localshapes");
    // What every rank really holds, gathered everywhere so that all ranks
    // keep the same print line (only rank 0 writes it).
    std::vector<int64_t> mine = handle.Map.localShape(handle.Rank);
    size_t rank = mine.size();
    int size = detail::worldSize();
    std::vector<int64_t> all(rank * static_cast<size_t>(size));
    if (detail::mpiActive() && rank > 0)
      checkMpi(MPI_Allgather(mine.data(), static_cast<int>(rank), MPI_INT64_T,
                             all.data(), static_cast<int>(rank), MPI_INT64_T,
                             communicator()),
               "MPI_Allgather");
    else if (rank > 0)
      all = mine;
    std::string text = "[";
    for (int r = 0; r < size; ++r) {
      std::vector<int64_t> shape(all.begin() + r * rank,
                                 all.begin() + (r + 1) * rank);
      text += (r ? ", " : "") + formatPythonTuple(shape);
    }
    detail::appendToPrintLine(text + "]");
  });
}

extern "C" void dac_rt_print_grid_shape(void *layout) {
  detail::guard("dac_rt_print_grid_shape", [&] {
    const LayoutHandle &handle =
        detail::getLayoutHandle(layout, "dac_rt_print_grid_shape");
    // DistArray's form: one extent per dimension, 1 where not distributed.
    detail::appendToPrintLine(formatPythonTuple(handle.Map.gridPerDim()));
  });
}
