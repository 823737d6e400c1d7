//===- BufferReach.h - Where a buffer can still be reached ------*- C++ -*-===//
//
// Both passes that move code relative to a buffer's lifetime (early-dealloc
// frees it sooner, split-long-functions moves a stack buffer into a callee)
// must know every operation that can still touch it, including through its
// address taken as an integer and handed to the runtime.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_TRANSFORMS_BUFFERREACH_H
#define DAC_TRANSFORMS_BUFFERREACH_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace dac {

/// The buffer `v` is a view of, through views, casts and metadata.
mlir::Value rootBuffer(mlir::Value v);

/// Calls `visit` on every operation through which `buffer` can be reached:
/// its users, and the users of every value that can carry its address on
/// (views, casts, its address as an integer and arithmetic on it, memory
/// an address of it is stored to, addresses returned by a call given one,
/// and addresses handed out by an operation whose regions use one).
/// Loaded elements, extents, strides and offsets are data and end the
/// chain.
void visitReachingUsers(mlir::Value buffer,
                        llvm::function_ref<void(mlir::Operation *)> visit);

} // namespace dac

#endif // DAC_TRANSFORMS_BUFFERREACH_H
