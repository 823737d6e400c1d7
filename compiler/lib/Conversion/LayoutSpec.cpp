//===- LayoutSpec.cpp - Layout attributes and the runtime's layouts -------===//

#include "dac/Compiler/LayoutSpec.h"

#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;

namespace {

/// The dimension kinds of the dialect and of the runtime, paired.
constexpr std::pair<DimKind, rt::DimKind> kKinds[] = {
    {DimKind::None, rt::DimKind::None},
    {DimKind::Block, rt::DimKind::Block},
    {DimKind::Cyclic, rt::DimKind::Cyclic},
    {DimKind::Unstructured, rt::DimKind::Unstructured},
};

} // namespace

rt::LayoutSpec dac::toLayoutSpec(LayoutAttr layout) {
  rt::LayoutSpec spec;
  if (!layout.getGrid().empty())
    spec.grid =
        std::vector<int64_t>(layout.getGrid().begin(), layout.getGrid().end());
  for (DimAttr dim : layout.getDims()) {
    rt::DimDistribution d;
    for (auto [kind, runtimeKind] : kKinds)
      if (kind == dim.getKind())
        d.kind = runtimeKind;
    d.blockSize = dim.getBlockSize();
    d.haloLo = dim.getHaloLo();
    d.haloHi = dim.getHaloHi();
    d.periodic = dim.getPeriodic();
    d.bounds.assign(dim.getBounds().begin(), dim.getBounds().end());
    if (dim.getIndices())
      for (Attribute list : dim.getIndices()) {
        ArrayRef<int64_t> indices = cast<DenseI64ArrayAttr>(list).asArrayRef();
        d.indices.emplace_back(indices.begin(), indices.end());
      }
    spec.dims.push_back(std::move(d));
  }
  return spec;
}

LayoutAttr dac::fromLayoutSpec(MLIRContext *ctx, const rt::LayoutSpec &spec) {
  SmallVector<DimAttr> dims;
  for (const rt::DimDistribution &d : spec.dims) {
    DimKind kind = DimKind::None;
    for (auto [k, runtimeKind] : kKinds)
      if (runtimeKind == d.kind)
        kind = k;
    ArrayAttr indices;
    if (!d.indices.empty()) {
      SmallVector<Attribute> lists;
      for (const std::vector<int64_t> &list : d.indices)
        lists.push_back(DenseI64ArrayAttr::get(ctx, list));
      indices = ArrayAttr::get(ctx, lists);
    }
    dims.push_back(DimAttr::get(ctx, kind, d.blockSize, d.haloLo, d.haloHi,
                                d.periodic, d.bounds, indices));
  }
  std::vector<int64_t> grid = spec.grid.value_or(std::vector<int64_t>{});
  return LayoutAttr::get(ctx, dims, grid);
}
