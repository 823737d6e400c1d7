//===- BufferReach.cpp - Where a buffer can still be reached --------------===//

#include "BufferReach.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

using namespace mlir;

namespace {

bool isAddress(Type type) {
  return isa<BaseMemRefType, LLVM::LLVMPointerType>(type);
}

/// An operation reading elements at `address`: its results are data.
bool readsElementsAt(Operation *op, Value address) {
  if (auto load = dyn_cast<memref::LoadOp>(op))
    return load.getMemRef() == address;
  if (auto load = dyn_cast<vector::LoadOp>(op))
    return load.getBase() == address;
  if (auto load = dyn_cast<vector::TransferReadOp>(op))
    return load.getBase() == address;
  if (auto load = dyn_cast<vector::MaskedLoadOp>(op))
    return load.getBase() == address;
  if (auto load = dyn_cast<LLVM::LoadOp>(op))
    return load.getAddr() == address && !isAddress(load.getType());
  return false;
}

/// The values through which `op`, given `v` that can reach a buffer, can
/// reach it too.
void reachedThrough(Operation *op, Value v, SmallVectorImpl<Value> &out) {
  // A stored address makes the memory it is stored to an address of it.
  if (auto store = dyn_cast<LLVM::StoreOp>(op)) {
    if (store.getValue() == v)
      out.push_back(store.getAddr());
    return;
  }
  if (auto store = dyn_cast<memref::StoreOp>(op)) {
    if (store.getValue() == v)
      out.push_back(store.getMemRef());
    return;
  }
  if (readsElementsAt(op, v))
    return;
  // Extents, strides and offsets are not the buffer.
  if (isa<memref::DimOp, memref::ExtractStridedMetadataOp, CallOpInterface>(
          op)) {
    for (Value r : op->getResults())
      if (isAddress(r.getType()))
        out.push_back(r);
    return;
  }
  // Anything else (views, casts, an address as an integer and the
  // arithmetic on it) may carry it on.
  llvm::append_range(out, op->getResults());
}

} // namespace

Value dac::rootBuffer(Value v) {
  while (Operation *def = v.getDefiningOp()) {
    if (auto view = dyn_cast<ViewLikeOpInterface>(def))
      v = view.getViewSource();
    else if (auto meta = dyn_cast<memref::ExtractStridedMetadataOp>(def))
      v = meta.getSource();
    else
      break;
  }
  return v;
}

void dac::visitReachingUsers(Value buffer,
                             function_ref<void(Operation *)> visit) {
  SmallVector<Value> work{buffer};
  llvm::SmallPtrSet<Value, 16> seen{buffer};
  while (!work.empty()) {
    Value v = work.pop_back_val();
    for (Operation *user : v.getUsers()) {
      visit(user);
      SmallVector<Value> next;
      reachedThrough(user, v, next);
      // A loop or branch that hands out an address of it.
      for (Operation *up = user->getParentOp(); up; up = up->getParentOp())
        for (Value r : up->getResults())
          if (isAddress(r.getType()))
            next.push_back(r);
      for (Value n : next)
        if (seen.insert(n).second)
          work.push_back(n);
    }
  }
}
