//===- LayoutSpec.h - Layout attributes and the runtime's layouts -*- C++
//-*-===//
//
// A `#dist.layout` and the runtime's LayoutSpec say the same thing; this is
// the one translation between them (descriptors for compiled code, the
// Distributed Array Protocol in the C++ API).
//
//===----------------------------------------------------------------------===//

#ifndef DAC_COMPILER_LAYOUTSPEC_H
#define DAC_COMPILER_LAYOUTSPEC_H

#include "dac/Dialect/Dist/IR/DistAttrs.h"
#include "dac/Runtime/LayoutDescriptor.h"

namespace dac {

/// The runtime's form of `layout`.
rt::LayoutSpec toLayoutSpec(dist::LayoutAttr layout);

/// The attribute of a runtime layout (one that the runtime validated).
dist::LayoutAttr fromLayoutSpec(mlir::MLIRContext *ctx,
                                const rt::LayoutSpec &spec);

} // namespace dac

#endif // DAC_COMPILER_LAYOUTSPEC_H
