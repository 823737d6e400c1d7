//===- Memory.cpp - Where generated code's arrays live --------------------===//
//
// The memref lowering calls these instead of malloc/free (MLIR's "generic
// allocation functions"), so the runtime decides how chunks are placed:
// large ones (4 MiB and more, NumPy's threshold) are 2 MiB aligned and
// asked to be backed by transparent huge pages, as NumPy does — streaming
// over them then runs at memory bandwidth instead of stalling on TLB
// misses and hardware prefetchers that stop at every 4 KiB page.
//
// A large chunk that is freed is kept for the next request of its size (a
// few of them): a loop that makes a new array from the old one every
// iteration (`u[1:-1] = f(u)`) then swaps two buffers instead of paying
// for fresh zeroed pages every time.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Error.h"
#include "dac/Runtime/RuntimeABI.h"

#include <cstdlib>
#include <string>
#include <sys/mman.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {
constexpr size_t kHugePage = size_t(2) << 20;
constexpr size_t kHugeThreshold = size_t(4) << 20;

/// Large chunks by address (their rounded size), and the freed ones kept
/// for reuse, oldest first.
struct LargeChunks {
  std::unordered_map<void *, size_t> live;
  std::vector<std::pair<void *, size_t>> spare;
};
constexpr size_t kSpareChunks = 4;

LargeChunks &largeChunks() {
  static LargeChunks Chunks;
  return Chunks;
}

void *checked(void *p, size_t bytes) {
  if (!p && bytes)
    dac::rt::fatal("out of memory: cannot allocate " + std::to_string(bytes) +
                   " bytes for an array");
  return p;
}
} // namespace

extern "C" void *_mlir_memref_to_llvm_alloc(int64_t size) {
  size_t bytes = static_cast<size_t>(size);
  if (bytes < kHugeThreshold)
    return checked(std::malloc(bytes), bytes);
  size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  LargeChunks &chunks = largeChunks();
  for (auto it = chunks.spare.begin(); it != chunks.spare.end(); ++it) {
    if (it->second != rounded)
      continue;
    void *p = it->first;
    chunks.spare.erase(it);
    chunks.live[p] = rounded;
    return p;
  }
  void *p = checked(std::aligned_alloc(kHugePage, rounded), rounded);
  // Only a hint: without huge pages the memory works the same.
  madvise(p, rounded, MADV_HUGEPAGE);
  chunks.live[p] = rounded;
  return p;
}

extern "C" void *_mlir_memref_to_llvm_aligned_alloc(int64_t alignment,
                                                    int64_t size) {
  size_t bytes = static_cast<size_t>(size),
         align = static_cast<size_t>(alignment);
  if (align < kHugePage && bytes >= kHugeThreshold)
    return _mlir_memref_to_llvm_alloc(size);
  size_t rounded = (bytes + align - 1) / align * align;
  return checked(std::aligned_alloc(align, rounded), rounded);
}

extern "C" void _mlir_memref_to_llvm_free(void *p) {
  LargeChunks &chunks = largeChunks();
  auto found = p ? chunks.live.find(p) : chunks.live.end();
  if (found == chunks.live.end()) {
    std::free(p);
    return;
  }
  chunks.spare.push_back(*found);
  chunks.live.erase(found);
  if (chunks.spare.size() > kSpareChunks) {
    std::free(chunks.spare.front().first);
    chunks.spare.erase(chunks.spare.begin());
  }
}
