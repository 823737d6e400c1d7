//===- HoistScratch.cpp - Small per-iteration buffers onto the stack ------===//
//
// The lowering of `bufferization.dealloc` decides at run time which of a
// loop's carried buffers to free, through small arrays of pointers and
// flags that it allocates and frees again in the loop body: five heap
// allocations per sweep of a time-step loop. An allocation freed in the
// block that made it is dead before that block runs again, so one stack
// slot made at function entry serves every execution.
//
//===----------------------------------------------------------------------===//

#include "dac/Compiler/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace dac {
#define GEN_PASS_DEF_HOISTSCRATCH
#include "dac/Compiler/Passes.h.inc"
} // namespace dac

using namespace mlir;

namespace {

/// The dealloc freeing `alloc` in its own block, if that is its only one.
memref::DeallocOp findLocalDealloc(memref::AllocOp alloc) {
  memref::DeallocOp found;
  for (Operation *user : alloc->getUsers()) {
    auto dealloc = dyn_cast<memref::DeallocOp>(user);
    if (!dealloc)
      continue;
    if (found || dealloc->getBlock() != alloc->getBlock())
      return {};
    found = dealloc;
  }
  return found;
}

struct HoistScratch : dac::impl::HoistScratchBase<HoistScratch> {
  using HoistScratchBase::HoistScratchBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    SmallVector<std::pair<memref::AllocOp, memref::DeallocOp>> moves;
    int64_t total = 0;
    func.walk([&](memref::AllocOp alloc) {
      MemRefType type = alloc.getType();
      if (!type.hasStaticShape() || !type.getLayout().isIdentity() ||
          !type.getElementType().isIntOrIndexOrFloat())
        return;
      // Index elements take 8 bytes on the targets dac builds for.
      int64_t bits = type.getElementType().isIndex()
                         ? 64
                         : type.getElementType().getIntOrFloatBitWidth();
      int64_t bytes = type.getNumElements() * ((bits + 7) / 8);
      if (bytes > maxBytes || total + bytes > maxTotalBytes)
        return;
      if (memref::DeallocOp dealloc = findLocalDealloc(alloc)) {
        moves.emplace_back(alloc, dealloc);
        total += bytes;
      }
    });
    OpBuilder b(func.getBody());
    for (auto [alloc, dealloc] : moves) {
      auto slot = memref::AllocaOp::create(b, alloc.getLoc(), alloc.getType(),
                                           alloc.getAlignmentAttr());
      alloc.replaceAllUsesWith(slot.getResult());
      dealloc.erase();
      alloc.erase();
    }
  }
};

} // namespace
