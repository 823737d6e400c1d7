//===- PartitionExchange.cpp - dist.gather / dist.insert per rank ---------===//
//
// Reading or writing a view moves elements between ranks: each rank owns
// some elements of the destination and needs source elements that other
// ranks may own. Both ops become one call of the runtime's general
// exchange, whose plan (who sends what to whom) the runtime computes from
// the two layouts and the access map once and caches; the compiler only
// describes the access. A gather fills a new buffer; an insert writes into
// the destination's buffer, in place when nothing else reads it.
//
//===----------------------------------------------------------------------===//

#include "Partition.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;
using namespace dac::partition;

/// The estimate a remark about moving an array of `type` ends with: at
/// most the whole array arrives at a rank (known when its extents are).
static void appendBytesMoved(InFlightDiagnostic &remark, ArrayType type) {
  if (type.hasStaticShape())
    remark << " (at most " << type.getNumElements() * type.getElementBytes()
           << " bytes to each rank)";
}

namespace {

/// The identity access of an array of `rank` dimensions.
Access identityAccess(OpBuilder &b, Location loc, unsigned rank) {
  Access access;
  for (unsigned d = 0; d < rank; ++d) {
    access.starts.push_back(constIndex(b, loc, 0));
    access.steps.push_back(1);
    access.dims.push_back(d);
  }
  return access;
}

/// Static starts with their dynamic values substituted.
SmallVector<Value> mixedStarts(OpBuilder &b, Location loc,
                               ArrayRef<int64_t> staticStarts,
                               ValueRange dynamicStarts) {
  SmallVector<Value> starts;
  unsigned next = 0;
  for (int64_t s : staticStarts)
    starts.push_back(ShapedType::isDynamic(s) ? dynamicStarts[next++]
                                              : constIndex(b, loc, s));
  return starts;
}

/// An access from its attribute form: static starts (dynamic ones given
/// apart), steps and dims.
Access accessOf(OpBuilder &b, Location loc, ArrayRef<int64_t> staticStarts,
                ValueRange starts, ArrayRef<int64_t> steps,
                ArrayRef<int64_t> dims, ArrayRef<int64_t> wrap) {
  return {mixedStarts(b, loc, staticStarts, starts),
          SmallVector<int64_t>(steps), SmallVector<int64_t>(dims),
          SmallVector<int64_t>(wrap)};
}

/// The access a gather reads or an insert writes.
template <typename OpTy> Access accessOf(OpBuilder &b, Location loc, OpTy op) {
  return accessOf(b, loc, op.getStaticStarts(), op.getStarts(), op.getSteps(),
                  op.getDims(), {});
}

} // namespace

void FunctionPartitioner::emitExchange(OpBuilder &b, Location loc, Value source,
                                       Value srcBuffer, ArrayType dstType,
                                       ArrayRef<Value> dstSizes,
                                       Value dstBuffer, ArrayRef<Value> counts,
                                       const Access &src, const Access &dst) {
  emitExchange(b, loc, cast<ArrayType>(getGlobalType(source)),
               getGlobalSizes(b, loc, source), srcBuffer, dstType, dstSizes,
               dstBuffer, counts, src, dst);
}

void FunctionPartitioner::emitExchange(OpBuilder &b, Location loc,
                                       ArrayType srcType,
                                       ArrayRef<Value> srcSizes,
                                       Value srcBuffer, ArrayType dstType,
                                       ArrayRef<Value> dstSizes,
                                       Value dstBuffer, ArrayRef<Value> counts,
                                       const Access &src, const Access &dst) {
  // The access map, word by word (format in RuntimeABI.def).
  SmallVector<Value> words;
  words.push_back(constI64(b, loc, counts.size()));
  for (Value c : counts)
    words.push_back(toI64(b, loc, c));
  for (const Access *side : {&src, &dst}) {
    words.push_back(constI64(b, loc, side->starts.size()));
    for (unsigned d = 0; d < side->starts.size(); ++d) {
      words.push_back(toI64(b, loc, side->starts[d]));
      words.push_back(constI64(b, loc, side->steps[d]));
      words.push_back(constI64(b, loc, side->dims[d]));
      words.push_back(constI64(b, loc, llvm::is_contained(side->wrap, d)));
    }
  }
  Value map = createWordBuffer(b, loc, func, words);
  Value srcLayout = createLayoutHandle(b, loc, layoutOf(srcType), srcSizes);
  Value dstLayout = createLayoutHandle(b, loc, layoutOf(dstType), dstSizes);
  Value plan = runtime.call(b, loc, RuntimeFunction::dac_rt_exchange_plan,
                            {srcLayout, dstLayout, map});
  emitTransfer(b, loc, plan, srcBuffer, dstBuffer, srcType.getElementType());
}

void FunctionPartitioner::emitTransfer(OpBuilder &b, Location loc, Value plan,
                                       Value srcBuffer, Value dstBuffer,
                                       Type elementType) {
  Value ticket = runtime.call(b, loc, RuntimeFunction::dac_rt_exchange_start,
                              {plan, getPointer(b, loc, srcBuffer),
                               getPointer(b, loc, dstBuffer),
                               constI64(b, loc, elementBytes(elementType))});
  runtime.call(b, loc, RuntimeFunction::dac_rt_exchange_wait, {ticket});
}

LogicalResult FunctionPartitioner::requireLocal(Operation *op,
                                                ValueRange values,
                                                StringRef what) {
  for (Value v : values)
    if (!mapping.contains(v))
      return op->emitError("dist-partition cannot lower ")
             << what << " that is not created in this function";
  return success();
}

Value FunctionPartitioner::allocLocal(OpBuilder &b, Location loc,
                                      ArrayType type,
                                      ArrayRef<Value> globalSizes) {
  LocalSpace space = buildLocalSpace(b, loc, layoutOf(type), globalSizes);
  auto memrefType = MemRefType::get(
      SmallVector<int64_t>(type.getRank(), ShapedType::kDynamic),
      type.getElementType());
  return memref::AllocOp::create(b, loc, memrefType, space.localSizes);
}

LogicalResult FunctionPartitioner::lowerGather(GatherOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  auto type = cast<ArrayType>(op.getType());
  SmallVector<Value> sizes = getGlobalSizes(b, loc, op.getResult());
  Value buffer = allocLocal(b, loc, type, sizes);
  Access src = accessOf(b, loc, op);
  if (std::optional<ArrayRef<int64_t>> wrap = op.getWrap())
    src.wrap.assign(wrap->begin(), wrap->end());
  Access dst = identityAccess(b, loc, type.getRank());
  emitExchange(b, loc, op.getSource(), mapping.lookup(op.getSource()), type,
               sizes, buffer, sizes, src, dst);
  emitRemark(loc) << "exchange: this view is gathered into a new array by "
                     "the general exchange";
  mapping.map(op.getResult(), buffer);
  return success();
}

Value FunctionPartitioner::redistribute(OpBuilder &b, Location loc, Value array,
                                        LayoutAttr layout, StringRef why) {
  return redistribute(b, loc, cast<ArrayType>(getGlobalType(array)),
                      getGlobalSizes(b, loc, array), mapping.lookup(array),
                      layout, why);
}

Value FunctionPartitioner::redistribute(OpBuilder &b, Location loc,
                                        ArrayType type, ArrayRef<Value> sizes,
                                        Value buffer, LayoutAttr layout,
                                        StringRef why) {
  if (layoutOf(type) == layout)
    return buffer;
  ArrayType dstType = type.withLayout(layout);
  Value moved = allocLocal(b, loc, dstType, sizes);
  Access identity = identityAccess(b, loc, type.getRank());
  emitExchange(b, loc, type, sizes, buffer, dstType, sizes, moved, sizes,
               identity, identity);
  InFlightDiagnostic remark = emitRemark(loc);
  remark << "redistribution: " << why << " moves from " << layoutOf(type)
         << " to " << layout << " by the general exchange";
  appendBytesMoved(remark, type);
  return moved;
}

LogicalResult FunctionPartitioner::lowerReshape(ReshapeOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  if (failed(requireLocal(op, op.getInput(), "a reshape of an array")))
    return failure();
  auto inType = cast<ArrayType>(getGlobalType(op.getInput()));
  auto type = cast<ArrayType>(op.getType());
  SmallVector<Value> sizes = getGlobalSizes(b, loc, op.getResult());
  Value buffer = allocLocal(b, loc, type, sizes);
  Value srcLayout = createLayoutHandle(b, loc, layoutOf(inType),
                                       getGlobalSizes(b, loc, op.getInput()));
  Value dstLayout = createLayoutHandle(b, loc, layoutOf(type), sizes);
  Value plan = runtime.call(b, loc, RuntimeFunction::dac_rt_reshape_plan,
                            {srcLayout, dstLayout});
  emitTransfer(b, loc, plan, mapping.lookup(op.getInput()), buffer,
               type.getElementType());
  InFlightDiagnostic remark = emitRemark(loc);
  remark << "redistribution: this reshape moves each element to its owner "
            "in the new shape by the general exchange";
  if (type.hasStaticShape())
    remark << " (at most "
           << type.getNumElements() * elementBytes(type.getElementType())
           << " bytes to each rank)";
  mapping.map(op.getResult(), buffer);
  return success();
}

LogicalResult FunctionPartitioner::lowerCompress(CompressOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  if (failed(requireLocal(op, {op.getSource(), op.getMask()},
                          "reading through a mask")))
    return failure();
  auto sourceType = cast<ArrayType>(getGlobalType(op.getSource()));
  auto type = cast<ArrayType>(op.getType());
  SmallVector<Value> sourceSizes = getGlobalSizes(b, loc, op.getSource());
  SmallVector<Value> sizes = getGlobalSizes(b, loc, op.getResult());
  // The mask where the source lives (normally it is there already).
  Value mask = redistribute(b, loc, op.getMask(), layoutOf(sourceType),
                            "the mask of this read");
  Value buffer = allocLocal(b, loc, type, sizes);
  runtime.call(b, loc, RuntimeFunction::dac_rt_compress,
               {createLayoutHandle(b, loc, layoutOf(sourceType), sourceSizes),
                getPointer(b, loc, mapping.lookup(op.getSource())),
                getPointer(b, loc, mask),
                createLayoutHandle(b, loc, layoutOf(type), sizes),
                getPointer(b, loc, buffer),
                constI64(b, loc, type.getElementBytes())});
  emitRemark(loc) << "exchange: each rank sends the elements its mask "
                     "selects to the owners of their places in the result";
  mapping.map(op.getResult(), buffer);
  return success();
}

LogicalResult FunctionPartitioner::lowerExpand(ExpandOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  if (failed(requireLocal(op, {op.getValues(), op.getDest(), op.getMask()},
                          "writing through a mask")))
    return failure();
  auto type = cast<ArrayType>(getGlobalType(op.getDest()));
  auto valuesType = cast<ArrayType>(getGlobalType(op.getValues()));
  SmallVector<Value> sizes = getGlobalSizes(b, loc, op.getDest());
  Value mask = redistribute(b, loc, op.getMask(), layoutOf(type),
                            "the mask of this assignment");
  // In place when the destination's buffer is its own and nothing reads
  // it afterwards, as an insert.
  Value buffer = bufferToWrite(b, loc, op.getDest(), op);
  runtime.call(b, loc, RuntimeFunction::dac_rt_expand,
               {createLayoutHandle(b, loc, layoutOf(type), sizes),
                getPointer(b, loc, buffer), getPointer(b, loc, mask),
                createLayoutHandle(b, loc, layoutOf(valuesType),
                                   getGlobalSizes(b, loc, op.getValues())),
                getPointer(b, loc, mapping.lookup(op.getValues())),
                constI64(b, loc, type.getElementBytes())});
  emitRemark(loc) << "exchange: each rank asks the owners of its masked "
                     "elements' places in the assigned array for them";
  mapping.map(op.getResult(), buffer);
  return success();
}

LogicalResult FunctionPartitioner::lowerScatter(ScatterOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  if (failed(requireLocal(op, {op.getValues(), op.getDest(), op.getIndices()},
                          "writing at indices held in an array")))
    return failure();
  auto type = cast<ArrayType>(getGlobalType(op.getDest()));
  auto indexType = cast<ArrayType>(getGlobalType(op.getIndices()));
  SmallVector<Value> sizes = getGlobalSizes(b, loc, op.getDest());
  // The values where the indices live, rows whole.
  LayoutAttr indexLayout = layoutOf(indexType);
  Value values = redistribute(b, loc, op.getValues(),
                              rowsLayout(indexLayout, type.getRank() - 1),
                              "the values of this assignment");
  // In place when the destination's buffer is its own and nothing reads
  // it afterwards, as an insert.
  Value buffer = bufferToWrite(b, loc, op.getDest(), op);
  runtime.call(b, loc, RuntimeFunction::dac_rt_scatter,
               {createLayoutHandle(b, loc, layoutOf(type), sizes),
                getPointer(b, loc, buffer),
                createLayoutHandle(b, loc, indexLayout,
                                   getGlobalSizes(b, loc, op.getIndices())),
                getPointer(b, loc, mapping.lookup(op.getIndices())),
                constI64(b, loc, elementBytes(indexType.getElementType())),
                getPointer(b, loc, values),
                constI64(b, loc,
                         static_cast<int64_t>(
                             runtimeElementType(type.getElementType()))),
                constI64(b, loc, op.getAccumulate() ? 1 : 0),
                runtime.string(b, loc, formatLocation(loc))});
  emitRemark(loc) << "exchange: each rank sends the values its indices "
                     "name to the owners of their places (planned per run: "
                     "the indices are data)";
  mapping.map(op.getResult(), buffer);
  return success();
}

void FunctionPartitioner::lowerSample(SampleOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  auto type = cast<ArrayType>(op.getResult().getType());
  SmallVector<Value> sizes = getGlobalSizes(b, loc, op.getResult());
  Value buffer = allocLocal(b, loc, type, sizes);
  bool wide = type.getElementType().isInteger(64);
  RuntimeSample kind = RuntimeSample::StandardNormal;
  switch (op.getDistribution()) {
  case Sampling::Integers:
    kind = wide ? RuntimeSample::IntegersInt64 : RuntimeSample::IntegersInt32;
    break;
  case Sampling::StandardNormal:
    kind = RuntimeSample::StandardNormal;
    break;
  case Sampling::Uniform:
    kind = RuntimeSample::UniformFloat32;
    break;
  case Sampling::LegacyUniform:
    kind = RuntimeSample::LegacyUniform;
    break;
  case Sampling::LegacyGauss:
    kind = RuntimeSample::LegacyGauss;
    break;
  case Sampling::LegacyIntegers:
    kind = RuntimeSample::LegacyIntegersInt64;
    break;
  }
  // The legacy distributions' last parameter is their seed: the state's
  // third word.
  SmallVector<Value> params(op.getParams());
  Value seed = constI64(b, loc, 0);
  if (kind == RuntimeSample::LegacyUniform ||
      kind == RuntimeSample::LegacyGauss ||
      kind == RuntimeSample::LegacyIntegersInt64)
    seed = params.pop_back_val();
  while (params.size() < 2)
    params.push_back(constI64(b, loc, 0));
  Value state =
      createWordBuffer(b, loc, func, {op.getOffset(), op.getPending(), seed});
  runtime.call(b, loc, RuntimeFunction::dac_rt_sample,
               {mapping.lookup(op.getRng()),
                constI64(b, loc, static_cast<int64_t>(kind)), params[0],
                params[1], createLayoutHandle(b, loc, layoutOf(type), sizes),
                getPointer(b, loc, buffer), state});
  mapping.map(op.getResult(), buffer);
  op.getNextOffset().replaceAllUsesWith(loadWord(b, loc, state, 0));
  op.getNextPending().replaceAllUsesWith(loadWord(b, loc, state, 1));
}

LogicalResult FunctionPartitioner::lowerTake(TakeOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  if (failed(requireLocal(op, {op.getSource(), op.getIndices()},
                          "indexing with an array")))
    return failure();
  auto sourceType = cast<ArrayType>(getGlobalType(op.getSource()));
  auto type = cast<ArrayType>(op.getType());
  SmallVector<Value> sizes = getGlobalSizes(b, loc, op.getResult());
  // The indices where the result lives (where they are, normally): the
  // result's layout without the dimensions the rows add.
  auto indexType = cast<ArrayType>(getGlobalType(op.getIndices()));
  LayoutAttr resultLayout = layoutOf(type);
  LayoutAttr indexLayout = LayoutAttr::get(
      b.getContext(), resultLayout.getDims().take_front(indexType.getRank()),
      resultLayout.getGrid());
  Value indices = redistribute(b, loc, op.getIndices(), indexLayout,
                               "the indices of this read");
  Value buffer = allocLocal(b, loc, type, sizes);
  Value count = constIndex(b, loc, 1);
  for (unsigned d = 0; d < indexType.getRank(); ++d)
    count = arith::MulIOp::create(b, loc, count,
                                  memref::DimOp::create(b, loc, buffer, d));
  Value layout = createLayoutHandle(b, loc, layoutOf(sourceType),
                                    getGlobalSizes(b, loc, op.getSource()));
  runtime.call(b, loc, RuntimeFunction::dac_rt_take,
               {layout, getPointer(b, loc, mapping.lookup(op.getSource())),
                getPointer(b, loc, indices), toI64(b, loc, count),
                constI64(b, loc, elementBytes(indexType.getElementType())),
                getPointer(b, loc, buffer),
                constI64(b, loc, elementBytes(type.getElementType())),
                runtime.string(b, loc, formatLocation(loc))});
  emitRemark(loc) << "exchange: each rank fetches the elements its indices "
                     "name from their owners (planned per run: the indices "
                     "are data)";
  mapping.map(op.getResult(), buffer);
  return success();
}

LogicalResult FunctionPartitioner::lowerInsert(InsertOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  auto type = cast<ArrayType>(op.getType());
  SmallVector<Value> sizes = getGlobalSizes(b, loc, op.getDest());
  // In place when the destination's buffer is its own and nothing reads
  // it after this insert (slices of it read before are gathered already);
  // otherwise into a copy.
  Value buffer = bufferToWrite(b, loc, op.getDest(), op);
  auto srcType = cast<ArrayType>(getGlobalType(op.getSource()));
  SmallVector<Value> counts = getGlobalSizes(b, loc, op.getSource());
  Access src = identityAccess(b, loc, srcType.getRank());
  Access dst = accessOf(b, loc, op);
  emitExchange(b, loc, op.getSource(), mapping.lookup(op.getSource()), type,
               sizes, buffer, counts, src, dst);
  emitRemark(loc) << "exchange: this assignment moves its elements to their "
                     "owners by the general exchange";
  mapping.map(op.getResult(), buffer);
  return success();
}

LogicalResult FunctionPartitioner::lowerExtract(ExtractOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  auto type = cast<ArrayType>(getGlobalType(op.getArray()));
  LayoutAttr layout = layoutOf(type);
  Value buffer = mapping.lookup(op.getArray());
  Value value;
  if (layout.getNumDistributedDims() == 0) {
    // Every rank holds the whole array.
    value = memref::LoadOp::create(b, loc, buffer, op.getIndices());
  } else {
    // The owner reads it and broadcasts it.
    Value index = createWordBuffer(b, loc, func, op.getIndices());
    Value out = createEntryBuffer(b, loc, func, 1);
    Value handle = createLayoutHandle(b, loc, layout,
                                      getGlobalSizes(b, loc, op.getArray()));
    runtime.call(b, loc, RuntimeFunction::dac_rt_read_element,
                 {handle, getPointer(b, loc, buffer), index,
                  constI64(b, loc, elementBytes(type.getElementType())), out});
    value = LLVM::LoadOp::create(b, loc, type.getElementType(), out);
    emitRemark(loc) << "broadcast: the element's owner sends it to every "
                       "rank";
  }
  op.replaceAllUsesWith(value);
  return success();
}

namespace {

/// The position of dimension `d` among the distributed dimensions of
/// `layout` (its axis of the process grid).
unsigned gridAxis(LayoutAttr layout, unsigned d) {
  return llvm::count_if(layout.getDims().take_front(d),
                        [](DimAttr dim) { return dim.isDistributed(); });
}

/// True if two extents are the same when running.
bool sameExtent(Value a, Value b) {
  if (a == b)
    return true;
  std::optional<int64_t> ca = getConstantIntValue(a),
                         cb = getConstantIntValue(b);
  return ca && cb && *ca == *cb;
}

} // namespace

InputRead FunctionPartitioner::prepareInput(OpBuilder &b, Location loc,
                                            KernelOp kernel, unsigned i,
                                            ArrayRef<Value> globalSizes,
                                            const Frame &frame) {
  Value input = kernel.getInputs()[i];
  InputRead read;
  read.buffer = mapping.lookup(input);
  AccessAttr access = kernel.getInputAccess(i);
  // Read at the iteration point: where the kernel iterates, unless it
  // iterates over the array it updates (an input of the window's shape is
  // then laid out differently).
  if (!access && !frame.updates)
    return read;

  auto type = cast<ArrayType>(getGlobalType(input));
  LayoutAttr source = layoutOf(type), layout = frame.layout;
  SmallVector<Value> sizes = getGlobalSizes(b, loc, input);
  Access acc =
      access
          ? accessOf(b, loc, access.getStarts(), kernel.getInputAccessStarts(i),
                     access.getSteps(), access.getDims(), access.getWrap())
          : identityAccess(b, loc, kernel.getRank());

  // Read in place: every distributed dimension of the input is split
  // exactly as the dimension of the frame it follows (same rule, extent
  // and grid axis) and read at the same position, every other one is whole
  // on each rank. A read a few positions away along block dimensions is
  // also in place, through ghost cells: when the array is split over other
  // extents (the process grid may then differ too), along every block
  // dimension with the rank's offset between the two splits, known when
  // running.
  unsigned rank = type.getRank();
  bool local =
      source.getNumDistributedDims() == 0 ||
      (source.getNumDistributedDims() == layout.getNumDistributedDims() &&
       source.getGrid() == layout.getGrid());
  SmallVector<bool> aligned(rank, false);
  SmallVector<int64_t> shifts(rank, 0);
  SmallVector<bool> ghostable(rank, false);
  bool sameSplit = true;
  for (unsigned d = 0; local && d < rank; ++d) {
    DimAttr dim = source.getDims()[d];
    if (!dim.isDistributed())
      continue;
    int64_t k = acc.dims[d];
    std::optional<int64_t> start = getConstantIntValue(acc.starts[d]);
    bool sameRule = k >= 0 && acc.steps[d] == 1 && start &&
                    dim == layout.getDims()[k] &&
                    gridAxis(source, d) == gridAxis(layout, k);
    sameSplit &= sameRule && sameExtent(sizes[d], frame.extents[k]);
    shifts[d] = sameRule ? *start - frame.window[k] : 0;
    if (sameRule && llvm::is_contained(acc.wrap, d)) {
      // Reading (i + shift) mod n: the nearest equivalent shift, which
      // periodic ghost cells serve when it is small.
      std::optional<int64_t> n = getConstantIntValue(sizes[d]);
      if (!n || *n <= 0) {
        local = false;
        break;
      }
      shifts[d] = ((shifts[d] % *n) + *n) % *n;
      if (2 * shifts[d] > *n)
        shifts[d] -= *n;
    }
    ghostable[d] = sameRule && k == static_cast<int64_t>(d) &&
                   dim.getKind() == DimKind::Block &&
                   std::abs(shifts[d]) <= kMaxHalo;
    aligned[d] = ghostable[d] || (sameRule && !shifts[d]);
    local = aligned[d];
  }
  // Over other extents, the runtime finds the ghost cells from the
  // iteration's layout: array dimension d must be iteration dimension d.
  if (!sameSplit && rank != kernel.getRank())
    local = false;
  for (unsigned d = 0; local && !sameSplit && d < rank; ++d)
    local = acc.dims[d] == static_cast<int64_t>(d) &&
            (!source.getDims()[d].isDistributed() || ghostable[d]);
  if (local) {
    read.shifts = shifts;
    read.bases.assign(rank, nullptr);
    read.wrap.assign(rank, false);
    for (int64_t d : acc.wrap) {
      // Distributed dimensions wrap through periodic ghost cells, the
      // others by taking the index modulo the extent.
      read.wrap[d] = !source.getDims()[d].isDistributed();
      // Also without a shift: a read over other extents (np.pad) passes
      // the edge.
      if (source.getDims()[d].isDistributed())
        read.periodic |= int64_t(1) << d;
    }
    bool halo = llvm::any_of(shifts, [](int64_t s) { return s != 0; });
    if (!sameSplit) {
      LocalSpace own = buildLocalSpace(b, loc, source, sizes);
      for (unsigned d = 0; d < rank; ++d)
        if (own.starts[d])
          read.bases[d] =
              arith::SubIOp::create(b, loc, frame.starts[d], own.starts[d]);
      halo = true;
    }
    bool atPoint = rank == kernel.getRank() && !halo;
    for (unsigned d = 0; atPoint && d < rank; ++d)
      atPoint = aligned[d] && acc.dims[d] == static_cast<int64_t>(d);
    read.atPoint = atPoint;
    read.starts = acc.starts;
    read.steps = acc.steps;
    read.dims = acc.dims;
    read.aligned = aligned;
    if (halo)
      read.haloArray = input;
    return read;
  }

  auto elementType = type.getElementType();
  SmallVector<int64_t> named;
  for (int64_t k : acc.dims)
    if (k >= 0 && !llvm::is_contained(named, k))
      named.push_back(k);
  if (named.size() == kernel.getRank() && !frame.updates) {
    // Every iteration dimension picks different elements: gather exactly
    // the rank's part, laid out as the kernel iterates.
    auto tempType =
        ArrayType::get(kernel.getShape(), elementType, kernel.getLayout());
    Value temp = allocLocal(b, loc, tempType, globalSizes);
    emitExchange(b, loc, input, read.buffer, tempType, globalSizes, temp,
                 globalSizes, acc, identityAccess(b, loc, kernel.getRank()));
    InFlightDiagnostic remark = emitRemark(loc);
    remark << "exchange: operand " << i
           << " is gathered where the kernel computes (its layout or extent "
              "differs from the kernel's): every element it reads is planned "
              "and moved by the general exchange";
    appendBytesMoved(remark, tempType);
    read.buffer = temp;
    return read;
  }
  if (named.size() == kernel.getRank()) {
    // Updating a window: gather the elements for the whole array it
    // updates (positions outside the window are never read).
    auto tempType =
        ArrayType::get(cast<ArrayType>(kernel.getDest().getType()).getShape(),
                       elementType, layout);
    Value temp = allocLocal(b, loc, tempType, frame.extents);
    Access dst = identityAccess(b, loc, kernel.getRank());
    for (unsigned d = 0; d < kernel.getRank(); ++d)
      dst.starts[d] = constIndex(b, loc, frame.window[d]);
    emitExchange(b, loc, input, read.buffer, tempType, frame.extents, temp,
                 globalSizes, acc, dst);
    InFlightDiagnostic remark = emitRemark(loc);
    remark << "exchange: operand " << i
           << " of this update is gathered into the updated array's layout by "
              "the general exchange (slower than ghost cells, which need the "
              "same block layout and shifts of at most "
           << kMaxHalo << ")";
    appendBytesMoved(remark, tempType);
    read.buffer = temp;
    return read;
  }

  // A broadcast operand: every rank gets the part read (the iteration
  // dimensions the access names, in order), once, at its own size.
  llvm::sort(named);
  SmallVector<int64_t> viewShape;
  SmallVector<Value> viewSizes;
  for (int64_t k : named) {
    viewShape.push_back(kernel.getShape()[k]);
    viewSizes.push_back(globalSizes[k]);
  }
  Access src = acc;
  for (int64_t &k : src.dims)
    if (k >= 0)
      k = llvm::find(named, k) - named.begin();
  auto viewType = ArrayType::get(
      viewShape, elementType,
      LayoutAttr::get(
          b.getContext(),
          SmallVector<DimAttr>(named.size(), DimAttr::getNone(b.getContext())),
          {}));
  Value view = allocLocal(b, loc, viewType, viewSizes);
  emitExchange(b, loc, input, read.buffer, viewType, viewSizes, view, viewSizes,
               src, identityAccess(b, loc, named.size()));
  emitRemark(loc) << "replicate: broadcast operand " << i
                  << " is gathered on every rank at the size of the part "
                     "read";
  read.buffer = view;
  read.atPoint = false;
  for (int64_t k : named) {
    read.starts.push_back(constIndex(b, loc, 0));
    read.steps.push_back(1);
    read.dims.push_back(k);
    read.aligned.push_back(false);
  }
  return read;
}
