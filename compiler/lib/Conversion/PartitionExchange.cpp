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
                ArrayRef<int64_t> dims) {
  return {mixedStarts(b, loc, staticStarts, starts),
          SmallVector<int64_t>(steps), SmallVector<int64_t>(dims)};
}

/// The access a gather reads or an insert writes.
template <typename OpTy> Access accessOf(OpBuilder &b, Location loc, OpTy op) {
  return accessOf(b, loc, op.getStaticStarts(), op.getStarts(), op.getSteps(),
                  op.getDims());
}

/// Bytes per element in a local buffer (a bool takes one byte).
int64_t elementBytes(Type type) {
  if (type.isInteger(1))
    return 1;
  return type.getIntOrFloatBitWidth() / 8;
}

LayoutAttr layoutOf(ArrayType type) {
  return type.getLayout()
             ? type.getLayout()
             : LayoutAttr::getDefault(type.getContext(), type.getRank());
}

} // namespace

void FunctionPartitioner::emitExchange(OpBuilder &b, Location loc, Value source,
                                       Value srcBuffer, ArrayType dstType,
                                       ArrayRef<Value> dstSizes,
                                       Value dstBuffer, ArrayRef<Value> counts,
                                       const Access &src, const Access &dst) {
  auto srcType = cast<ArrayType>(getGlobalType(source));
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
    }
  }
  Value map = createWordBuffer(b, loc, func, words);
  Value srcLayout = createLayoutHandle(b, loc, layoutOf(srcType),
                                       getGlobalSizes(b, loc, source));
  Value dstLayout = createLayoutHandle(b, loc, layoutOf(dstType), dstSizes);
  Value plan =
      createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_exchange_plan,
                        {srcLayout, dstLayout, map});
  Value ticket = createRuntimeCall(
      b, loc, module, RuntimeFunction::dac_rt_exchange_start,
      {plan, getPointer(b, loc, srcBuffer),
       constI64(b, loc, elementBytes(srcType.getElementType()))});
  createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_exchange_wait,
                    {ticket, getPointer(b, loc, dstBuffer)});
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
  Access dst = identityAccess(b, loc, type.getRank());
  emitExchange(b, loc, op.getSource(), mapping.lookup(op.getSource()), type,
               sizes, buffer, sizes, src, dst);
  emitRemark(loc) << "exchange: this view is gathered into a new array by "
                     "the general exchange";
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
  Value dest = mapping.lookup(op.getDest());
  Value buffer = dest;
  if (!canOverwrite(op.getDest(), op)) {
    buffer = allocLocal(b, loc, type, sizes);
    memref::CopyOp::create(b, loc, dest, buffer);
  }
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
    createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_read_element,
                      {handle, getPointer(b, loc, buffer), index,
                       constI64(b, loc, elementBytes(type.getElementType())),
                       out});
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

Value InputRead::load(
    OpBuilder &b, Location loc, ValueRange ivs,
    function_ref<Value(OpBuilder &, unsigned, Value)> coordinate,
    bool border) const {
  if (atPoint)
    return memref::LoadOp::create(b, loc, buffer, ivs);
  SmallVector<Value> index;
  for (unsigned d = 0; d < dims.size(); ++d) {
    if (dims[d] < 0) {
      index.push_back(starts[d]);
    } else if (aligned[d]) {
      Value iv = ivs[dims[d]];
      if (d == 0 && shift)
        iv = arith::AddIOp::create(b, loc, iv, constIndex(b, loc, shift));
      if (d == 0 && base)
        iv = arith::AddIOp::create(b, loc, iv, base);
      index.push_back(iv);
    } else {
      Value k = coordinate(b, dims[d], ivs[dims[d]]);
      if (steps[d] != 1)
        k = arith::MulIOp::create(b, loc, k, constIndex(b, loc, steps[d]));
      index.push_back(isConstantIntValue(starts[d], 0)
                          ? k
                          : arith::AddIOp::create(b, loc, starts[d], k));
    }
  }
  if (!border || !haloArray)
    return memref::LoadOp::create(b, loc, buffer, index);
  // Row r of the chunk, or a ghost row: r < 0 is ghost row lo + r, r >=
  // rows is ghost row lo + r - rows.
  Value row = index[0];
  Value rows = memref::DimOp::create(b, loc, buffer, 0);
  Value zero = constIndex(b, loc, 0);
  auto ghostAt = [&](OpBuilder &b, Value ghostRow) {
    SmallVector<Value> at(index);
    at[0] = ghostRow;
    return memref::LoadOp::create(b, loc, ghosts->buffer, at).getResult();
  };
  Value lo = ghosts->lo;
  Value before =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, row, zero);
  auto outer = scf::IfOp::create(
      b, loc, before,
      [&](OpBuilder &b, Location loc) {
        scf::YieldOp::create(
            b, loc, ghostAt(b, arith::AddIOp::create(b, loc, lo, row)));
      },
      [&](OpBuilder &b, Location loc) {
        Value after =
            arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, row, rows);
        auto inner = scf::IfOp::create(
            b, loc, after,
            [&](OpBuilder &b, Location loc) {
              Value past = arith::SubIOp::create(b, loc, row, rows);
              scf::YieldOp::create(
                  b, loc, ghostAt(b, arith::AddIOp::create(b, loc, lo, past)));
            },
            [&](OpBuilder &b, Location loc) {
              scf::YieldOp::create(
                  b, loc,
                  memref::LoadOp::create(b, loc, buffer, index).getResult());
            });
        scf::YieldOp::create(b, loc, inner.getResult(0));
      });
  return outer.getResult(0);
}

/// Rows further away than this are gathered, not read as ghost cells.
static constexpr int64_t kMaxHalo = 16;

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
  Access acc = access ? accessOf(b, loc, access.getStarts(),
                                 kernel.getInputAccessStarts(i),
                                 access.getSteps(), access.getDims())
                      : identityAccess(b, loc, kernel.getRank());

  // Read in place: every distributed dimension of the input is split
  // exactly as the dimension of the frame it follows (same rule, extent
  // and grid axis) and read at the same position, every other one is whole
  // on each rank. Updating an array, a read a few rows away along a
  // leading block dimension is also in place: ghost cells.
  bool local =
      source.getNumDistributedDims() == 0 ||
      (source.getNumDistributedDims() == layout.getNumDistributedDims() &&
       source.getGrid() == layout.getGrid());
  SmallVector<bool> aligned(type.getRank(), false);
  for (unsigned d = 0; local && d < type.getRank(); ++d) {
    DimAttr dim = source.getDims()[d];
    if (!dim.isDistributed())
      continue;
    int64_t k = acc.dims[d];
    std::optional<int64_t> start = getConstantIntValue(acc.starts[d]);
    bool sameRule = k >= 0 && acc.steps[d] == 1 && start &&
                    dim == layout.getDims()[k] &&
                    gridAxis(source, d) == gridAxis(layout, k);
    bool sameSplit = sameRule && sameExtent(sizes[d], frame.extents[k]);
    int64_t shift = sameRule ? *start - frame.window[k] : 0;
    // Rows a few away along a leading block dimension: ghost cells, also
    // when the array's rows are split otherwise (another extent; the
    // rank's offset between the two splits is known when running).
    bool rows = sameRule && d == 0 && k == 0 && source.isLeadingBlock() &&
                layout.isLeadingBlock() && std::abs(shift) <= kMaxHalo;
    aligned[d] = sameSplit ? (!shift || rows) : rows;
    read.shift = aligned[d] ? shift : 0;
    if (aligned[d] && !sameSplit) {
      Value srcStart = buildLocalSpace(b, loc, source, sizes).start;
      read.base = arith::SubIOp::create(b, loc, frame.start, srcStart);
    }
    local = aligned[d];
  }
  if (local) {
    bool atPoint =
        type.getRank() == kernel.getRank() && !read.shift && !read.base;
    for (unsigned d = 0; atPoint && d < type.getRank(); ++d)
      atPoint = aligned[d] && acc.dims[d] == static_cast<int64_t>(d);
    read.atPoint = atPoint;
    read.starts = acc.starts;
    read.steps = acc.steps;
    read.dims = acc.dims;
    read.aligned = aligned;
    if (read.shift || read.base)
      read.haloArray = input;
    return read;
  }
  read.shift = 0;
  read.base = nullptr;

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
    emitRemark(loc) << "exchange: operand " << i
                    << " is gathered where the kernel computes (its layout or "
                       "extent differs from the kernel's): every element it "
                       "reads is planned and moved by the general exchange";
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
    emitRemark(loc) << "exchange: operand " << i
                    << " of this update is gathered into the updated array's "
                       "layout by the general exchange (slower than ghost "
                       "cells, which need the same block layout and a shift "
                       "of at most "
                    << kMaxHalo << " along the first dimension)";
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

void FunctionPartitioner::startGhosts(OpBuilder &b, Location loc,
                                      MutableArrayRef<InputRead> reads,
                                      const Frame &frame,
                                      DenseMap<Value, Ghosts> &ghosts) {
  for (const InputRead &read : reads) {
    if (!read.haloArray)
      continue;
    auto [it, fresh] = ghosts.try_emplace(read.haloArray);
    Ghosts &g = it->second;
    g.minShift = fresh ? read.shift : std::min(g.minShift, read.shift);
    g.maxShift = fresh ? read.shift : std::max(g.maxShift, read.shift);
    g.base = read.base;
  }
  Operation *at = &*b.getInsertionPoint();
  for (auto &[array, g] : ghosts) {
    Value buffer = mapping.lookup(array);
    // Iteration rows whose reads stay in the chunk: row + shift + base in
    // [0, rows) for every shift.
    Value offsetLo = constIndex(b, loc, g.minShift),
          offsetHi = constIndex(b, loc, g.maxShift);
    if (g.base) {
      offsetLo = arith::AddIOp::create(b, loc, offsetLo, g.base);
      offsetHi = arith::AddIOp::create(b, loc, offsetHi, g.base);
    }
    g.firstInside =
        arith::SubIOp::create(b, loc, constIndex(b, loc, 0), offsetLo);
    g.lastInside = arith::SubIOp::create(
        b, loc, memref::DimOp::create(b, loc, buffer, 0), offsetHi);
    // Filled for an earlier kernel, wide enough, and still there.
    auto filled = filledGhosts.find(array);
    if (!g.base && filled != filledGhosts.end()) {
      auto [earlier, after] = filled->second;
      Operation *ancestor = after->getBlock()->findAncestorOpInBlock(*at);
      if (!earlier.base &&
          std::min<int64_t>(earlier.minShift, 0) <=
              std::min<int64_t>(g.minShift, 0) &&
          std::max<int64_t>(earlier.maxShift, 0) >=
              std::max<int64_t>(g.maxShift, 0) &&
          ancestor && after->isBeforeInBlock(ancestor)) {
        g.buffer = earlier.buffer;
        g.lo = earlier.lo;
        g.hi = earlier.hi;
        g.pending = false;
        continue;
      }
    }
    // One exchange per array, for all its shifted reads: the rows it needs
    // on either side, over the rest of the local chunk.
    auto type = cast<ArrayType>(getGlobalType(array));
    Value handle = createLayoutHandle(b, loc, layoutOf(type),
                                      getGlobalSizes(b, loc, array));
    Value plan;
    if (!g.base) {
      int64_t lo = std::max<int64_t>(0, -g.minShift),
              hi = std::max<int64_t>(0, g.maxShift);
      g.lo = constIndex(b, loc, lo);
      g.hi = constIndex(b, loc, hi);
      plan =
          createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_halo_plan,
                            {handle, constI64(b, loc, 0), constI64(b, loc, lo),
                             constI64(b, loc, hi), constI64(b, loc, 0)});
      emitRemark(loc) << "halo: " << lo << " row(s) before and " << hi
                      << " after each rank's rows of an array read here come "
                         "from the neighbours, in one exchange overlapped "
                         "with the rows that need none";
    } else {
      // The widths differ between ranks: the runtime says this rank's.
      Value widths = createEntryBuffer(b, loc, func, 2);
      Value iteration = createLayoutHandle(b, loc, frame.layout, frame.extents);
      plan =
          createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_shift_plan,
                            {handle, iteration, constI64(b, loc, g.minShift),
                             constI64(b, loc, g.maxShift), widths});
      g.lo = toIndex(b, loc, loadWord(b, loc, widths, 0));
      g.hi = toIndex(b, loc, loadWord(b, loc, widths, 1));
      emitRemark(loc) << "halo: the rows of an array read here that lie next "
                         "to each rank's part (shifts "
                      << g.minShift << ".." << g.maxShift
                      << ", the array split over another extent) come from "
                         "the neighbours, in one exchange overlapped with the "
                         "rows that need none";
    }
    SmallVector<Value> ghostSizes;
    for (unsigned d = 0; d < type.getRank(); ++d)
      ghostSizes.push_back(
          d == 0 ? (Value)arith::AddIOp::create(b, loc, g.lo, g.hi)
                 : (Value)memref::DimOp::create(b, loc, buffer, d));
    g.buffer = memref::AllocOp::create(
        b, loc,
        MemRefType::get(
            SmallVector<int64_t>(type.getRank(), ShapedType::kDynamic),
            type.getElementType()),
        ghostSizes);
    g.ticket = createRuntimeCall(
        b, loc, module, RuntimeFunction::dac_rt_exchange_start,
        {plan, getPointer(b, loc, buffer),
         constI64(b, loc, elementBytes(type.getElementType()))});
  }
  for (InputRead &read : reads)
    if (read.haloArray)
      read.ghosts = &ghosts.find(read.haloArray)->second;
}

void FunctionPartitioner::rememberGhosts(const DenseMap<Value, Ghosts> &ghosts,
                                         Operation *after) {
  for (auto &[array, g] : ghosts) {
    if (!g.pending)
      continue;
    Ghosts filled = g;
    filled.pending = false;
    filledGhosts[array] = {filled, after};
  }
}
