//===- DistDialect.cpp - The dist dialect ---------------------------------===//

#include "dac/Dialect/Dist/IR/DistDialect.h"
#include "dac/Dialect/Dist/IR/DistOps.h"

using namespace mlir;
using namespace dac::dist;

#include "dac/Dialect/Dist/IR/DistDialect.cpp.inc"

void DistDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dac/Dialect/Dist/IR/DistOps.cpp.inc"
      >();
  registerTypes();
  registerAttributes();
}
