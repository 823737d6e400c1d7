//===- DistDialect.cpp - The dist dialect ---------------------------------===//

#include "dac/Dialect/Dist/IR/DistDialect.h"
#include "dac/Dialect/Dist/IR/DistOps.h"

#include "mlir/Transforms/InliningUtils.h"

using namespace mlir;
using namespace dac::dist;

#include "dac/Dialect/Dist/IR/DistDialect.cpp.inc"

namespace {
/// The script frontend emits each user function as a func.func that the
/// pipeline inlines before partitioning. dist ops have value semantics and
/// refer to nothing outside their operands and regions, so every one of
/// them (and every region, such as a dist.map body) may be inlined.
struct DistInlinerInterface : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;

  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
  bool isLegalToInline(Region *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void DistDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dac/Dialect/Dist/IR/DistOps.cpp.inc"
      >();
  registerTypes();
  registerAttributes();
  addInterfaces<DistInlinerInterface>();
}
