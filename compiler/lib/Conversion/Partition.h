//===- Partition.h - Shared by the dist-partition sources ------*- C++ -*-===//
//
// Private to compiler/lib/Conversion: the per-function partitioner of the
// dist-partition pass and the IR-building helpers its parts share.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_COMPILER_LIB_CONVERSION_PARTITION_H
#define DAC_COMPILER_LIB_CONVERSION_PARTITION_H

#include "dac/Compiler/Passes.h"
#include "dac/Compiler/RuntimeCalls.h"

#include "mlir/IR/IRMapping.h"

#include <array>
#include <map>

namespace dac::partition {

mlir::Value constI64(mlir::OpBuilder &b, mlir::Location loc, int64_t v);
mlir::Value constIndex(mlir::OpBuilder &b, mlir::Location loc, int64_t v);
mlir::Value toI64(mlir::OpBuilder &b, mlir::Location loc, mlir::Value index);
mlir::Value toIndex(mlir::OpBuilder &b, mlir::Location loc, mlir::Value i64);

/// One random stream inside a loop: the loop-invariant increment and the
/// loop-carried 128-bit state.
struct Stream {
  mlir::Value increment;
  mlir::Value initialState;
};

/// One PCG64 step: the next state and NumPy's double from it.
std::pair<mlir::Value, mlir::Value> buildPcgStep(mlir::OpBuilder &b,
                                                 mlir::Location loc,
                                                 mlir::Value state,
                                                 mlir::Value increment);
/// The neutral element of a reduction.
mlir::Value buildIdentity(mlir::OpBuilder &b, mlir::Location loc,
                          dist::ReduceKind kind, mlir::Type type);
/// acc (+) value; float min/max propagate NaN, as NumPy's do.
mlir::Value buildCombine(mlir::OpBuilder &b, mlir::Location loc,
                         dist::ReduceKind kind, mlir::Value acc,
                         mlir::Value value);
/// The runtime's combiner for a reduction kind.
RuntimeReduceOp toRuntimeReduceOp(dist::ReduceKind kind, bool isBool);
/// Stops every rank, as NumPy refuses, when a min/max reduces over no
/// elements (the product of `extents` is 0); nothing for other kinds.
void checkReducedExtents(mlir::OpBuilder &b, mlir::Location loc,
                         RuntimeSymbols &runtime, dist::ReduceKind kind,
                         llvm::ArrayRef<mlir::Value> extents);
/// Combines a rank's partial result with every other rank's.
mlir::Value buildAllReduce(mlir::OpBuilder &b, mlir::Location loc,
                           RuntimeSymbols &runtime, dist::ReduceKind kind,
                           mlir::Value partial);
/// A stack buffer of `count` i64 words in the entry block.
mlir::Value createEntryBuffer(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::func::FuncOp func, int64_t count);
/// A stack buffer in the entry block holding `words` (int64, or index
/// values converted), stored here: arguments of runtime calls.
mlir::Value createWordBuffer(mlir::OpBuilder &b, mlir::Location loc,
                             mlir::func::FuncOp func, mlir::ValueRange words);
/// Word `i` of an int64 buffer (what a runtime call wrote).
mlir::Value loadWord(mlir::OpBuilder &b, mlir::Location loc, mlir::Value buffer,
                     int32_t i);
/// The address of a memref's first element, for runtime calls.
mlir::Value getPointer(mlir::OpBuilder &b, mlir::Location loc,
                       mlir::Value memref);
/// Copies every element of `src` outside the box [lowers, uppers) to `dst`
/// (both of local extents `sizes`): what an update of the box keeps.
void copyOutsideBox(mlir::OpBuilder &b, mlir::Location loc, mlir::Value src,
                    mlir::Value dst, llvm::ArrayRef<mlir::Value> lowers,
                    llvm::ArrayRef<mlir::Value> uppers,
                    llvm::ArrayRef<mlir::Value> sizes);
/// Bytes per element in a local buffer (a bool takes one byte).
int64_t elementBytes(mlir::Type type);
/// The runtime's code of an element type.
RuntimeElementType runtimeElementType(mlir::Type type);
/// An array's layout (the default one when it has none).
dist::LayoutAttr layoutOf(dist::ArrayType type);
/// The runtime's descriptor of a layout (format in RuntimeABI.def).
llvm::SmallVector<int64_t> encodeLayout(dist::LayoutAttr layout);

/// True if the kernel can run its random-stream lanes as vectors: it reads
/// and writes no arrays, and its body is element-wise arith/math only.
bool isVectorizable(dist::KernelOp kernel);

/// The lane loop of a vectorizable 1-D kernel in vector form: lanes
/// `laneStart[j] + i` for i in [0, per) (local indices, `start` the first
/// owned global index). `loadWords(rng, draw)` gives the stream state at a
/// draw: {state_hi, state_lo, inc_hi, inc_lo}. Returns each reduction's
/// combination over all lanes.
llvm::SmallVector<mlir::Value> buildVectorLanes(
    mlir::OpBuilder &b, mlir::Location loc, dist::KernelOp kernel,
    int64_t lanes, mlir::Value start, mlir::Value per,
    llvm::ArrayRef<mlir::Value> laneStart,
    llvm::function_ref<std::array<mlir::Value, 4>(mlir::Value, mlir::Value)>
        loadWords);

/// True if a 1-D kernel without random streams that only reduces (no
/// array result) can run as vectors: an element-wise body, no bool inputs.
bool isVectorReduction(dist::KernelOp kernel);

/// The vector form of such a kernel over local positions [0, count) rounded
/// down to a multiple of `lanes` (`start`: the first position's global
/// index): inputs are loaded `lanes` at a time, the body runs once per
/// vector and `lanes` independent accumulators of `accTypes` each take a
/// share. Returns each reduction's combination over the lanes; the caller
/// does the remainder.
llvm::SmallVector<mlir::Value>
buildVectorReduction(mlir::OpBuilder &b, mlir::Location loc,
                     dist::KernelOp kernel, int64_t lanes,
                     mlir::ValueRange inputs, mlir::Value start,
                     mlir::Value count, llvm::ArrayRef<mlir::Type> accTypes);

/// A rank's part of a global iteration space under a layout.
struct LocalSpace {
  llvm::SmallVector<mlir::Value> localSizes;
  /// Per block dimension, the first owned global index along it (the
  /// owned range is contiguous); null elsewhere.
  llvm::SmallVector<mlir::Value> starts;
  /// Cyclic and unstructured dimensions: the global index of each local
  /// position (memref<?xi64>); null elsewhere.
  llvm::SmallVector<mlir::Value> tables;
  /// `general`: anything but block on dimension 0 alone (elements in C
  /// order are then not one contiguous run of global positions).
  bool replicated = false, general = false;

  /// The global index of local position `iv` along dimension `d`.
  mlir::Value globalIndex(mlir::OpBuilder &b, mlir::Location loc, unsigned d,
                          mlir::Value iv) const;
};

/// One side of an element exchange: per array dimension, the index is
/// start + step * k[dim] for iteration point k (dim -1: the fixed start).
struct Access {
  llvm::SmallVector<mlir::Value> starts;
  llvm::SmallVector<int64_t> steps, dims;
  /// Dimensions whose index is taken modulo the array's extent.
  llvm::SmallVector<int64_t> wrap;
};

/// Where a kernel iterates: the space its layout splits (its own, or the
/// array it updates) and the offset of its iteration points in that space.
struct Frame {
  dist::LayoutAttr layout;
  llvm::SmallVector<mlir::Value> extents;
  llvm::SmallVector<int64_t> window;
  bool updates = false;
  /// Per block dimension, the first global index of the rank's part.
  llvm::SmallVector<mlir::Value> starts;
};

/// Reads further away than this along a block dimension are gathered, not
/// read as ghost cells.
constexpr int64_t kMaxHalo = 16;

/// The ghost cells around a rank's chunk of one array, for all the shifted
/// reads of it in a kernel (the slabs of dac_rt_ghost_plan).
struct Ghosts {
  /// The cells (memref<?xT>), and the runtime's transfer filling them.
  mlir::Value buffer, ticket;
  /// Per dimension: whether reads leave the chunk along it, the range of
  /// their shifts and the rank's offset between the kernel's positions and
  /// the array's (null: none).
  llvm::SmallVector<bool> dims;
  llvm::SmallVector<int64_t> minShift, maxShift;
  llvm::SmallVector<mlir::Value> bases;
  /// Bit d: the cells past the array's edge along d wrap around.
  int64_t periodic = 0;
  /// Per dimension (index values, from the runtime): the widths before and
  /// after the chunk, and the first offset of its slab.
  llvm::SmallVector<mlir::Value> lo, hi, slabs;
  /// Per dimension with ghost cells: the local iteration positions whose
  /// reads of the array all stay in the chunk, [firstInside, lastInside).
  llvm::SmallVector<mlir::Value> firstInside, lastInside;
  /// Started here and still to be waited for (else filled before).
  bool pending = true;
};

/// How a rank reads one input of a kernel: from a local buffer at the
/// iteration point, or at positions computed from it.
struct InputRead {
  mlir::Value buffer;
  /// Loads at the local iteration point itself (no index arithmetic).
  bool atPoint = true;
  /// Otherwise, per buffer dimension: aligned dimensions take the local
  /// position along `dims[d]` (plus `shifts[d]` and `bases[d]` when reading
  /// ghost cells); the others start + step * the iteration coordinate, or
  /// the fixed start when `dims[d]` is -1.
  llvm::SmallVector<mlir::Value> starts;
  llvm::SmallVector<int64_t> steps, dims;
  llvm::SmallVector<bool> aligned;
  /// Positions `shifts[d]` (+ `bases[d]`, a run-time offset when the array
  /// is split differently from the kernel's iteration) away along block
  /// dimensions, which may be ghost cells of `ghosts` (the array's, filled
  /// before the border is computed). `haloArray` is set for such reads.
  llvm::SmallVector<int64_t> shifts;
  llvm::SmallVector<mlir::Value> bases;
  /// Per buffer dimension: the index is taken modulo the extent (a wrapping
  /// read of an undistributed dimension). `periodic`: the dimensions (bit
  /// d) whose ghost cells wrap around the array's edge.
  llvm::SmallVector<bool> wrap;
  int64_t periodic = 0;
  mlir::Value haloArray;
  const Ghosts *ghosts = nullptr;

  /// The element at local iteration point `ivs`; `coordinate(d, iv)` gives
  /// the iteration coordinate of a local position. On the `border` an
  /// element outside the local chunk is read from the ghost cells.
  mlir::Value
  load(mlir::OpBuilder &b, mlir::Location loc, mlir::ValueRange ivs,
       llvm::function_ref<mlir::Value(mlir::OpBuilder &, unsigned, mlir::Value)>
           coordinate,
       bool border = false) const;
};

/// Rewrites one function from the global to the per-rank view.
class FunctionPartitioner {
public:
  FunctionPartitioner(mlir::func::FuncOp func, RuntimeSymbols &runtime)
      : func(func), runtime(runtime) {}

  mlir::LogicalResult run();

private:
  // PartitionKernel.cpp
  mlir::LogicalResult lowerKernel(dist::KernelOp kernel);
  void lowerPrint(dist::PrintOp print);
  void lowerAssert(dist::AssertOp op);
  void addEntryPoint();
  /// Gives array arguments their per-rank form (the rank's chunk); fails on
  /// signatures that cannot cross a call.
  mlir::LogicalResult convertSignature();
  /// Gives an op that is not a dist op (a loop, a branch, a terminator)
  /// the local form of the arrays it carries.
  mlir::LogicalResult convertStructural(mlir::Operation *op);
  /// The global type of a value, also after convertStructural gave it its
  /// local one.
  mlir::Type getGlobalType(mlir::Value v) const {
    mlir::Type type = globalTypes.lookup(v);
    return type ? type : v.getType();
  }
  /// The runtime's handle for `layout` with these global extents.
  mlir::Value createLayoutHandle(mlir::OpBuilder &b, mlir::Location loc,
                                 dist::LayoutAttr layout,
                                 llvm::ArrayRef<mlir::Value> globalSizes);
  /// The rank's local extents and index maps for `layout` (computed once
  /// per function for block layouts of static extents).
  LocalSpace buildLocalSpace(mlir::OpBuilder &b, mlir::Location loc,
                             dist::LayoutAttr layout,
                             llvm::ArrayRef<mlir::Value> globalSizes);
  LocalSpace buildLocalSpaceHere(mlir::OpBuilder &b, mlir::Location loc,
                                 dist::LayoutAttr layout,
                                 llvm::ArrayRef<mlir::Value> globalSizes);
  /// Whether `writer` may write into the buffer of `array` (in place): the
  /// buffer belongs to `array` alone and nothing reads it after `writer`.
  bool canOverwrite(mlir::Value array, mlir::Operation *writer);
  /// The buffer `writer` updates `array` in: the array's own when it may be
  /// overwritten (canOverwrite), else a copy made here.
  mlir::Value bufferToWrite(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Value array, mlir::Operation *writer);
  /// Whether a kernel updating a window of an array may write into the
  /// array's buffer: canOverwrite, and the kernel reads the array only at
  /// the position it writes.
  bool canUpdateInPlace(dist::KernelOp kernel);
  /// Before partitioning: the arrays carried by loops that own their
  /// buffers (see canOverwrite).
  void findOwnedLoopArrays();
  /// Before partitioning: the global dynamic extents of every array with
  /// some (converting loops and branches in place hides where they are).
  mlir::LogicalResult findDynamicSizes();
  llvm::DenseMap<mlir::Value, llvm::SmallVector<mlir::Value>> dynamicSizes;
  llvm::DenseSet<mlir::Value> ownedLoopArrays;
  // PartitionExchange.cpp
  mlir::LogicalResult lowerGather(dist::GatherOp op);
  mlir::LogicalResult lowerInsert(dist::InsertOp op);
  mlir::LogicalResult lowerReshape(dist::ReshapeOp op);
  mlir::LogicalResult lowerTake(dist::TakeOp op);
  mlir::LogicalResult lowerCompress(dist::CompressOp op);
  mlir::LogicalResult lowerExpand(dist::ExpandOp op);
  mlir::LogicalResult lowerScatter(dist::ScatterOp op);
  /// Fills the rank's part by the runtime's sampler, which walks the
  /// stream through the whole array (see runtime/lib/Sample.cpp).
  void lowerSample(dist::SampleOp op);
  mlir::LogicalResult lowerExtract(dist::ExtractOp op);
  /// Brings input `i` of `kernel` to where the rank iterates: nothing moves
  /// when the access is aligned with the kernel's layout or reads
  /// undistributed dimensions; a broadcast operand (an access that does not
  /// name every iteration dimension) is replicated at the size of the part
  /// read; anything else is gathered into the kernel's layout.
  InputRead prepareInput(mlir::OpBuilder &b, mlir::Location loc,
                         dist::KernelOp kernel, unsigned i,
                         llvm::ArrayRef<mlir::Value> globalSizes,
                         const Frame &frame);
  /// Starts filling the ghost cells every halo read of `reads` needs (one
  /// exchange per array, into `ghosts`; the reads point there).
  void startGhosts(mlir::OpBuilder &b, mlir::Location loc,
                   llvm::MutableArrayRef<InputRead> reads, const Frame &frame,
                   llvm::DenseMap<mlir::Value, Ghosts> &ghosts);
  /// dst[dstAccess(k)] = src[srcAccess(k)] for k in [0, counts): one call
  /// of the runtime's planned exchange between the two layouts.
  void emitExchange(mlir::OpBuilder &b, mlir::Location loc, mlir::Value source,
                    mlir::Value srcBuffer, dist::ArrayType dstType,
                    llvm::ArrayRef<mlir::Value> dstSizes, mlir::Value dstBuffer,
                    llvm::ArrayRef<mlir::Value> counts, const Access &src,
                    const Access &dst);
  void emitExchange(mlir::OpBuilder &b, mlir::Location loc,
                    dist::ArrayType srcType,
                    llvm::ArrayRef<mlir::Value> srcSizes, mlir::Value srcBuffer,
                    dist::ArrayType dstType,
                    llvm::ArrayRef<mlir::Value> dstSizes, mlir::Value dstBuffer,
                    llvm::ArrayRef<mlir::Value> counts, const Access &src,
                    const Access &dst);
  /// The rank's buffer of `array` under `layout`: its own when the layout
  /// is the array's, else a new one filled by the general exchange (a
  /// remark says `why` and how much moves).
  mlir::Value redistribute(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value array, dist::LayoutAttr layout,
                           llvm::StringRef why);
  /// The same for a rank's `buffer` of an array of `type` and `sizes`.
  mlir::Value redistribute(mlir::OpBuilder &b, mlir::Location loc,
                           dist::ArrayType type,
                           llvm::ArrayRef<mlir::Value> sizes,
                           mlir::Value buffer, dist::LayoutAttr layout,
                           llvm::StringRef why);
  // PartitionMatmul.cpp
  mlir::LogicalResult lowerMatmul(dist::MatmulOp op);
  /// Runs `plan` (an exchange or reshape plan) from `srcBuffer` into
  /// `dstBuffer` to completion.
  void emitTransfer(mlir::OpBuilder &b, mlir::Location loc, mlir::Value plan,
                    mlir::Value srcBuffer, mlir::Value dstBuffer,
                    mlir::Type elementType);
  /// An error on `op` ("cannot lower `what` that is not created in this
  /// function") unless every value of `values` has a per-rank form here:
  /// function arguments of these types have none yet.
  mlir::LogicalResult requireLocal(mlir::Operation *op, mlir::ValueRange values,
                                   llvm::StringRef what);
  /// A rank's buffer for an array of `type` with these global extents.
  mlir::Value allocLocal(mlir::OpBuilder &b, mlir::Location loc,
                         dist::ArrayType type,
                         llvm::ArrayRef<mlir::Value> globalSizes);
  // PartitionReduce.cpp
  mlir::LogicalResult lowerReduceDims(dist::ReduceDimsOp op);
  mlir::LogicalResult lowerScan(dist::ScanOp op);
  /// The global extents of an array (from the kernel that computes it).
  llvm::SmallVector<mlir::Value>
  getGlobalSizes(mlir::OpBuilder &b, mlir::Location loc, mlir::Value array);

  /// Ghost cells already filled, by array, with the op after which they
  /// are: a later kernel reading the same array (unchanged: arrays are
  /// values) at no more rows away uses them without an exchange.
  llvm::DenseMap<mlir::Value, std::pair<Ghosts, mlir::Operation *>>
      filledGhosts;
  /// Records the ghosts a kernel waited for (see filledGhosts).
  void rememberGhosts(const llvm::DenseMap<mlir::Value, Ghosts> &ghosts,
                      mlir::Operation *after);

  /// DAC_STATS: whether this run records statistics, asked at each kernel
  /// (a cheap call). One flag for the whole function made every kernel's
  /// scf.if share a condition, and the canonicalizer visits all uses of an
  /// scf.if's condition for each scf.if: quadratic in a long script.
  mlir::Value getStatsFlag(mlir::OpBuilder &b, mlir::Location loc);

  mlir::func::FuncOp func;
  RuntimeSymbols &runtime;
  /// Global values (arrays, streams) -> their per-rank replacement.
  mlir::IRMapping mapping;
  /// Local spaces computed at the function's start, by (layout, extents).
  std::map<std::pair<const void *, llvm::SmallVector<int64_t>>, LocalSpace>
      hoistedSpaces;
  /// Values converted in place by convertStructural -> their global type.
  llvm::DenseMap<mlir::Value, mlir::Type> globalTypes;
};

} // namespace dac::partition

#endif // DAC_COMPILER_LIB_CONVERSION_PARTITION_H
