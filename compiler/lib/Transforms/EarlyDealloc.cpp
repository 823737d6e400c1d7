//===- EarlyDealloc.cpp - Free each buffer after its last use -------------===//
//
// The ownership-based deallocation pipeline frees a buffer at the end of the
// block that made it. For a script's top level that is the end of the
// program: every intermediate array of a long script stayed allocated until
// exit (200 statements on an 8 MB array held 3.2 GB), and every buffer was
// live across the whole of `main`. This pass moves each `memref.dealloc` up
// to just after the last operation of its block that can still reach the
// buffer (see Passes.td for what counts as reaching it).
//
//===----------------------------------------------------------------------===//

#include "BufferReach.h"
#include "dac/Compiler/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace dac {
#define GEN_PASS_DEF_EARLYDEALLOC
#include "dac/Compiler/Passes.h.inc"
} // namespace dac

using namespace mlir;

namespace {

/// The last operation of `block` before `dealloc` through which the buffer
/// `dealloc` frees can still be reached, or null if none can.
Operation *lastUse(memref::DeallocOp dealloc) {
  Block *block = dealloc->getBlock();
  Value root = dac::rootBuffer(dealloc.getMemref());
  Operation *last = nullptr;
  auto note = [&](Operation *op) {
    if (op && op != dealloc && (!last || last->isBeforeInBlock(op)))
      last = op;
  };
  if (Operation *def = root.getDefiningOp())
    note(block->findAncestorOpInBlock(*def));
  dac::visitReachingUsers(root, [&](Operation *user) {
    note(block->findAncestorOpInBlock(*user));
  });
  return last;
}

struct EarlyDealloc : dac::impl::EarlyDeallocBase<EarlyDealloc> {
  void runOnOperation() override {
    SmallVector<memref::DeallocOp> deallocs;
    getOperation().walk([&](memref::DeallocOp op) { deallocs.push_back(op); });
    // All places first: moving an op renumbers its block, and asking for
    // the order after each move would make the pass quadratic.
    SmallVector<std::pair<memref::DeallocOp, Operation *>> moves;
    for (memref::DeallocOp dealloc : deallocs) {
      // Nothing in the block reaches it: it came from outside, and stays
      // freed where it was.
      Operation *last = lastUse(dealloc);
      if (last && last->isBeforeInBlock(dealloc))
        moves.emplace_back(dealloc, last);
    }
    for (auto [dealloc, last] : moves)
      dealloc->moveAfter(last);
  }
};

} // namespace
