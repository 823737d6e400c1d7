//===- PartitionReduce.cpp - Reductions along dimensions per rank ---------===//
//
// dist.reduce_dims: each rank combines its own elements into a result
// buffer. Along undistributed dimensions that is the whole answer (the
// result keeps the rank's part of the other dimensions); along a
// distributed one every rank fills a full-size buffer with its partial
// results and one element-wise allreduce combines them (a replicated
// result).
//
//===----------------------------------------------------------------------===//

#include "Partition.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;
using namespace dac::partition;

/// A loop nest over `sizes` (no loop-carried values) around `body`.
static void buildLoopNest(OpBuilder &b, Location loc, ArrayRef<Value> sizes,
                          function_ref<void(OpBuilder &, ValueRange)> body,
                          SmallVector<Value> ivs = {}) {
  if (ivs.size() == sizes.size()) {
    body(b, ivs);
    return;
  }
  scf::ForOp::create(b, loc, constIndex(b, loc, 0), sizes[ivs.size()],
                     constIndex(b, loc, 1), ValueRange{},
                     [&](OpBuilder &b, Location loc, Value iv, ValueRange) {
                       SmallVector<Value> nested(ivs);
                       nested.push_back(iv);
                       buildLoopNest(b, loc, sizes, body, nested);
                       scf::YieldOp::create(b, loc);
                     });
}

void dac::partition::checkReducedExtents(OpBuilder &b, Location loc,
                                         RuntimeSymbols &runtime,
                                         ReduceKind kind,
                                         ArrayRef<Value> extents) {
  if (kind != ReduceKind::Min && kind != ReduceKind::Max)
    return;
  // NumPy refuses min/max over nothing; so does every rank here.
  Value count = constIndex(b, loc, 1);
  for (Value size : extents)
    count = arith::MulIOp::create(b, loc, count, size);
  Value empty = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, count,
                                      constIndex(b, loc, 0));
  scf::IfOp::create(b, loc, empty, [&](OpBuilder &b, Location loc) {
    std::string msg = (Twine("zero-size array to reduction operation ") +
                       (kind == ReduceKind::Min ? "minimum" : "maximum") +
                       " which has no identity")
                          .str();
    runtime.call(b, loc, RuntimeFunction::dac_rt_fail_all,
                 {runtime.string(b, loc, msg),
                  runtime.string(b, loc, formatLocation(loc))});
    scf::YieldOp::create(b, loc);
  });
}

LogicalResult FunctionPartitioner::lowerReduceDims(ReduceDimsOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  if (failed(requireLocal(op, op.getInput(), "a reduction of an array")))
    return failure();
  auto inType = cast<ArrayType>(getGlobalType(op.getInput()));
  LayoutAttr layout =
      inType.getLayout()
          ? inType.getLayout()
          : LayoutAttr::getDefault(b.getContext(), inType.getRank());
  SmallVector<Value> globalSizes = getGlobalSizes(b, loc, op.getInput());
  LocalSpace space = buildLocalSpace(b, loc, layout, globalSizes);
  ArrayRef<int64_t> dims = op.getDims();
  SmallVector<Value> reduced;
  for (int64_t d : dims)
    reduced.push_back(globalSizes[d]);
  checkReducedExtents(b, loc, runtime, op.getKind(), reduced);
  bool crossRank = llvm::any_of(
      dims, [&](int64_t d) { return layout.getDims()[d].isDistributed(); });

  SmallVector<unsigned> kept;
  SmallVector<Value> outSizes;
  for (unsigned d = 0; d < inType.getRank(); ++d)
    if (!llvm::is_contained(dims, static_cast<int64_t>(d))) {
      kept.push_back(d);
      outSizes.push_back(crossRank ? globalSizes[d] : space.localSizes[d]);
    }
  Type elem = inType.getElementType();
  ReduceKind kind = op.getKind();
  SmallVector<int64_t> dynamic(kept.size(), ShapedType::kDynamic);
  Value result =
      memref::AllocOp::create(b, loc, MemRefType::get(dynamic, elem), outSizes);
  // A float32 sum along the last (contiguous) dimension is pairwise in
  // NumPy, far more accurate than adding in float32 one by one: it
  // accumulates in float64 here and is rounded at the end. Along other
  // dimensions NumPy adds the rows one by one in float32, as here.
  bool widen = elem.isF32() && kind == ReduceKind::Sum &&
               llvm::is_contained(dims, inType.getRank() - 1);
  Type accType = widen ? (Type)b.getF64Type() : elem;
  Value acc = widen ? (Value)memref::AllocOp::create(
                          b, loc, MemRefType::get(dynamic, accType), outSizes)
                    : result;

  Value identity = buildIdentity(b, loc, kind, accType);
  buildLoopNest(b, loc, outSizes, [&](OpBuilder &b, ValueRange ivs) {
    memref::StoreOp::create(b, loc, identity, acc, ivs);
  });
  Value input = mapping.lookup(op.getInput());
  buildLoopNest(b, loc, space.localSizes, [&](OpBuilder &b, ValueRange ivs) {
    SmallVector<Value> at;
    for (unsigned d : kept)
      at.push_back(crossRank ? space.globalIndex(b, loc, d, ivs[d]) : ivs[d]);
    Value value = memref::LoadOp::create(b, loc, input, ivs);
    if (widen)
      value = arith::ExtFOp::create(b, loc, accType, value);
    Value sum = memref::LoadOp::create(b, loc, acc, at);
    memref::StoreOp::create(b, loc, buildCombine(b, loc, kind, sum, value), acc,
                            at);
  });

  if (crossRank) {
    Value count = constIndex(b, loc, 1);
    for (Value size : outSizes)
      count = arith::MulIOp::create(b, loc, count, size);
    RuntimeElementType type = runtimeElementType(accType);
    auto i32 = [&](int32_t v) {
      return arith::ConstantIntOp::create(b, loc, b.getI32Type(), v);
    };
    runtime.call(b, loc, RuntimeFunction::dac_rt_allreduce_array,
                 {getPointer(b, loc, acc), toI64(b, loc, count),
                  i32(static_cast<int32_t>(type)),
                  i32(static_cast<int32_t>(
                      toRuntimeReduceOp(kind, elem.isInteger(1))))});
  }
  if (widen) {
    buildLoopNest(b, loc, outSizes, [&](OpBuilder &b, ValueRange ivs) {
      Value v = memref::LoadOp::create(b, loc, acc, ivs);
      memref::StoreOp::create(b, loc, arith::TruncFOp::create(b, loc, elem, v),
                              result, ivs);
    });
    // The deallocation pipeline frees the float64 buffer after its last
    // use, here.
  }
  mapping.map(op.getResult(), result);
  return success();
}

LogicalResult FunctionPartitioner::lowerScan(ScanOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  if (failed(requireLocal(op, op.getInput(), "a running sum or product")))
    return failure();
  auto type = cast<ArrayType>(getGlobalType(op.getInput()));
  SmallVector<Value> sizes = getGlobalSizes(b, loc, op.getInput());
  // The runtime scans chunks in owned C order along a dimension that is
  // undistributed or in plain blocks: other layouts move to one first
  // (ghost cells dropped, the scanned dimension in blocks) and back after.
  LayoutAttr layout = layoutOf(type);
  SmallVector<DimAttr> dims(layout.getDims());
  for (size_t d = 0; d < dims.size(); ++d) {
    DimAttr dim = dims[d];
    bool ghosts = dim.getHaloLo() || dim.getHaloHi() || dim.getPeriodic();
    bool scanned = static_cast<int64_t>(d) == op.getDim() &&
                   dim.getKind() != DimKind::None &&
                   dim.getKind() != DimKind::Block;
    if (ghosts || scanned)
      dims[d] = DimAttr::getBlock(b.getContext());
  }
  auto work = LayoutAttr::get(b.getContext(), dims, layout.getGrid());
  Value buffer = work != layout
                     ? redistribute(b, loc, op.getInput(), work,
                                    "the input of this running sum or "
                                    "product")
                     : bufferToWrite(b, loc, op.getInput(), op);
  ArrayType workType = type.withLayout(work);
  runtime.call(b, loc, RuntimeFunction::dac_rt_scan,
               {createLayoutHandle(b, loc, work, sizes),
                getPointer(b, loc, buffer), constI64(b, loc, op.getDim()),
                constI64(b, loc, static_cast<int64_t>(op.getKind())),
                constI64(b, loc,
                         static_cast<int64_t>(
                             runtimeElementType(type.getElementType())))});
  if (work.getDims()[op.getDim()].isDistributed())
    emitRemark(loc) << "allgather: each rank combines the totals of the "
                       "chunks before its own along dimension "
                    << op.getDim();
  auto resultLayout = layoutOf(cast<ArrayType>(op.getType()));
  if (resultLayout != work)
    buffer = redistribute(b, loc, workType, sizes, buffer, resultLayout,
                          "the result of this running sum or product");
  mapping.map(op.getResult(), buffer);
  return success();
}
