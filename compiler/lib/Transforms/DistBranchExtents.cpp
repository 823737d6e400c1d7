//===- DistBranchExtents.cpp - Run-time extents out of scf.if -------------===//
//
// The extents of an array an `scf.if` yields are those its branches' arrays
// were made with (dist::getDynamicSizes). When a branch computes them (a
// mask's count, an extent of its own), they do not exist after the `if`:
// here each becomes an `index` result of the `if`, the value each branch
// computes yielded, which getDynamicSizes then finds.
//
//===----------------------------------------------------------------------===//

#include "dac/Compiler/Passes.h"
#include "dac/Dialect/Dist/IR/DistOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

namespace dac {
#define GEN_PASS_DEF_DISTBRANCHEXTENTS
#include "dac/Compiler/Passes.h.inc"
} // namespace dac

using namespace mlir;
using namespace dac::dist;

namespace {

/// Adds the results `branch` lacks; false if an extent cannot be found.
bool carryExtents(scf::IfOp branch) {
  if (!branch.elseBlock())
    return true;
  Operation *thenYield = branch.thenYield(), *elseYield = branch.elseYield();
  SmallVector<std::pair<Value, Value>> added;
  for (auto [i, result] : llvm::enumerate(branch.getResults())) {
    auto type = dyn_cast<ArrayType>(result.getType());
    if (!type || type.hasStaticShape())
      continue;
    auto thenSizes = getDynamicSizes(thenYield->getOperand(i));
    auto elseSizes = getDynamicSizes(elseYield->getOperand(i));
    if (failed(thenSizes) || failed(elseSizes) ||
        thenSizes->size() != elseSizes->size())
      return false;
    for (auto [t, e] : llvm::zip(*thenSizes, *elseSizes))
      if (!branchExtent(branch, t, e) &&
          !llvm::is_contained(added, std::make_pair(t, e)))
        added.push_back({t, e});
  }
  if (added.empty())
    return true;
  OpBuilder b(branch);
  SmallVector<Type> types(branch.getResultTypes());
  for (size_t i = 0; i < added.size(); ++i)
    types.push_back(b.getIndexType());
  auto grown =
      scf::IfOp::create(b, branch.getLoc(), types, branch.getCondition(),
                        /*withElseRegion=*/true);
  grown.getThenRegion().takeBody(branch.getThenRegion());
  grown.getElseRegion().takeBody(branch.getElseRegion());
  for (auto [t, e] : added) {
    grown.thenYield()->insertOperands(grown.thenYield()->getNumOperands(), t);
    grown.elseYield()->insertOperands(grown.elseYield()->getNumOperands(), e);
  }
  branch.replaceAllUsesWith(
      grown.getResults().take_front(branch.getNumResults()));
  branch.erase();
  return true;
}

struct DistBranchExtents : dac::impl::DistBranchExtentsBase<DistBranchExtents> {
  using DistBranchExtentsBase::DistBranchExtentsBase;

  void runOnOperation() override {
    // Inner branches first: an outer one finds their extents as results.
    SmallVector<scf::IfOp> branches;
    getOperation().walk<WalkOrder::PostOrder>(
        [&](scf::IfOp branch) { branches.push_back(branch); });
    for (scf::IfOp branch : branches)
      if (!carryExtents(branch)) {
        branch.emitError("cannot find the run-time extents of an array "
                         "this branch yields");
        return signalPassFailure();
      }
  }
};

} // namespace
