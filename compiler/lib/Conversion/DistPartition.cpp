//===- DistPartition.cpp - Global dist IR to per-rank code ----------------===//
//
// Rewrites every function from the global view (whole arrays) to the view
// of one rank (its local chunk):
//
//  * a dist.kernel becomes a loop nest over the local chunk. Array results
//    are allocated with their local extents, computed at run time by the
//    runtime's layout rules, so one executable runs on any number of ranks;
//    reductions accumulate locally and end in one allreduce each;
//  * random draws become an inline PCG64 generator: the runtime positions
//    the stream at the rank's first element once, the loop steps it;
//  * dist.rng_create, dist.print and dist.assert become runtime calls;
//  * the entry function `main` gets dac_rt_init/dac_rt_finalize.
//
// Two kinds of loops: "block on dimension 0" (the default) computes its
// chunk inline and walks one contiguous slab; every other layout asks the
// runtime (which owns the layout rules) for the local extents and the global
// index of each local position along each distributed dimension.
//
//===----------------------------------------------------------------------===//

#include "dac/Compiler/Passes.h"
#include "dac/Compiler/RuntimeCalls.h"

#include "mlir/IR/IRMapping.h"

namespace dac {
#define GEN_PASS_DEF_DISTPARTITION
#include "dac/Compiler/Passes.h.inc"
} // namespace dac

using namespace mlir;
using namespace dac;
using namespace dac::dist;

namespace {

/// PCG64's 128-bit LCG multiplier (PCG_DEFAULT_MULTIPLIER_128).
constexpr uint64_t kPcgMultHi = 0x2360ED051FC65DA4ULL;
constexpr uint64_t kPcgMultLo = 0x4385DF649FCCF645ULL;

Value constI64(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIntOp::create(b, loc, b.getI64Type(), v);
}

Value constIndex(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

Value toI64(OpBuilder &b, Location loc, Value index) {
  return arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
}

Value toIndex(OpBuilder &b, Location loc, Value i64) {
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), i64);
}

/// One random stream inside a loop: the loop-invariant increment and the
/// loop-carried 128-bit state.
struct Stream {
  Value increment;
  Value initialState;
};

/// Builds the state and the double of one PCG64 step: state = state * M +
/// inc, then XSL-RR output, then NumPy's (u64 >> 11) * 2^-53.
std::pair<Value, Value> buildPcgStep(OpBuilder &b, Location loc, Value state,
                                     Value increment) {
  Type i128 = b.getIntegerType(128);
  Type i64 = b.getI64Type();
  APInt mult(128, {kPcgMultLo, kPcgMultHi});
  Value m = arith::ConstantOp::create(b, loc, IntegerAttr::get(i128, mult));
  Value next = arith::AddIOp::create(
      b, loc, arith::MulIOp::create(b, loc, state, m), increment);
  Value c64 = arith::ConstantOp::create(b, loc, IntegerAttr::get(i128, 64));
  Value hi = arith::TruncIOp::create(
      b, loc, i64, arith::ShRUIOp::create(b, loc, next, c64));
  Value lo = arith::TruncIOp::create(b, loc, i64, next);
  Value x = arith::XOrIOp::create(b, loc, hi, lo);
  Value rot = arith::ShRUIOp::create(b, loc, hi, constI64(b, loc, 58));
  Value left = arith::AndIOp::create(
      b, loc, arith::SubIOp::create(b, loc, constI64(b, loc, 64), rot),
      constI64(b, loc, 63));
  Value out = arith::OrIOp::create(b, loc,
                                   arith::ShRUIOp::create(b, loc, x, rot),
                                   arith::ShLIOp::create(b, loc, x, left));
  Value top = arith::ShRUIOp::create(b, loc, out, constI64(b, loc, 11));
  Value asDouble = arith::UIToFPOp::create(b, loc, b.getF64Type(), top);
  Value scale = arith::ConstantOp::create(
      b, loc, b.getF64FloatAttr(1.0 / 9007199254740992.0));
  return {next, arith::MulFOp::create(b, loc, asDouble, scale)};
}

/// The neutral element of a reduction.
Value buildIdentity(OpBuilder &b, Location loc, ReduceKind kind, Type type) {
  if (auto ft = dyn_cast<FloatType>(type)) {
    const llvm::fltSemantics &sem = ft.getFloatSemantics();
    APFloat v(sem, 0);
    switch (kind) {
    case ReduceKind::Sum:
      v = APFloat::getZero(sem);
      break;
    case ReduceKind::Prod:
      v = APFloat(sem, 1);
      break;
    case ReduceKind::Min:
      v = APFloat::getInf(sem);
      break;
    case ReduceKind::Max:
      v = APFloat::getInf(sem, /*Negative=*/true);
      break;
    default:
      llvm_unreachable("logical reduction of floats");
    }
    return arith::ConstantOp::create(b, loc, FloatAttr::get(type, v));
  }
  unsigned width = type.getIntOrFloatBitWidth();
  APInt v(width, 0);
  switch (kind) {
  case ReduceKind::Sum:
  case ReduceKind::Any:
    break;
  case ReduceKind::Prod:
    v = APInt(width, 1);
    break;
  case ReduceKind::All:
    v = APInt::getAllOnes(width);
    break;
  case ReduceKind::Min:
    v = width == 1 ? APInt::getAllOnes(1) : APInt::getSignedMaxValue(width);
    break;
  case ReduceKind::Max:
    v = width == 1 ? APInt(1, 0) : APInt::getSignedMinValue(width);
    break;
  }
  return arith::ConstantOp::create(b, loc, IntegerAttr::get(type, v));
}

/// acc (+) value for one reduction kind. Float min/max propagate NaN, as
/// NumPy's do.
Value buildCombine(OpBuilder &b, Location loc, ReduceKind kind, Value acc,
                   Value value) {
  bool isFloat = isa<FloatType>(acc.getType());
  bool isBool = acc.getType().isInteger(1);
  switch (kind) {
  case ReduceKind::Sum:
    if (isBool)
      return arith::OrIOp::create(b, loc, acc, value);
    return isFloat ? (Value)arith::AddFOp::create(b, loc, acc, value)
                   : (Value)arith::AddIOp::create(b, loc, acc, value);
  case ReduceKind::Prod:
    if (isBool)
      return arith::AndIOp::create(b, loc, acc, value);
    return isFloat ? (Value)arith::MulFOp::create(b, loc, acc, value)
                   : (Value)arith::MulIOp::create(b, loc, acc, value);
  case ReduceKind::Min:
    if (isBool)
      return arith::AndIOp::create(b, loc, acc, value);
    return isFloat ? (Value)arith::MinimumFOp::create(b, loc, acc, value)
                   : (Value)arith::MinSIOp::create(b, loc, acc, value);
  case ReduceKind::Max:
    if (isBool)
      return arith::OrIOp::create(b, loc, acc, value);
    return isFloat ? (Value)arith::MaximumFOp::create(b, loc, acc, value)
                   : (Value)arith::MaxSIOp::create(b, loc, acc, value);
  case ReduceKind::All:
    return arith::AndIOp::create(b, loc, acc, value);
  case ReduceKind::Any:
    return arith::OrIOp::create(b, loc, acc, value);
  }
  llvm_unreachable("unknown reduction");
}

RuntimeReduceOp toRuntimeOp(ReduceKind kind, bool isBool) {
  switch (kind) {
  case ReduceKind::Sum:
    return isBool ? RuntimeReduceOp::Or : RuntimeReduceOp::Sum;
  case ReduceKind::Prod:
    return isBool ? RuntimeReduceOp::And : RuntimeReduceOp::Prod;
  case ReduceKind::Min:
    return isBool ? RuntimeReduceOp::And : RuntimeReduceOp::Min;
  case ReduceKind::Max:
    return isBool ? RuntimeReduceOp::Or : RuntimeReduceOp::Max;
  case ReduceKind::All:
    return RuntimeReduceOp::And;
  case ReduceKind::Any:
    return RuntimeReduceOp::Or;
  }
  llvm_unreachable("unknown reduction");
}

/// Combines a rank's partial result with every other rank's.
Value buildAllReduce(OpBuilder &b, Location loc, ModuleOp module,
                     ReduceKind kind, Value partial) {
  Type type = partial.getType();
  bool isBool = type.isInteger(1);
  Value op = arith::ConstantIntOp::create(
      b, loc, b.getI32Type(),
      static_cast<int32_t>(toRuntimeOp(kind, isBool)));
  if (type.isF64())
    return createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_allreduce_f64,
                             {partial, op});
  if (type.isF32())
    return createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_allreduce_f32,
                             {partial, op});
  // Integers travel as i64: sign-extended (booleans zero-extended), then
  // narrowed back. Sums and products wrap as NumPy's fixed-width ones do.
  Value wide = isBool ? (Value)arith::ExtUIOp::create(b, loc, b.getI64Type(),
                                                      partial)
               : type.isInteger(64)
                   ? partial
                   : (Value)arith::ExtSIOp::create(b, loc, b.getI64Type(),
                                                   partial);
  Value result = createRuntimeCall(
      b, loc, module, RuntimeFunction::dac_rt_allreduce_i64, {wide, op});
  if (type.isInteger(64))
    return result;
  return arith::TruncIOp::create(b, loc, type, result);
}

/// A stack buffer of `count` i64 words, allocated once in the entry block
/// (an alloca inside a loop would grow the stack on every iteration).
Value createEntryBuffer(OpBuilder &b, Location loc, func::FuncOp func,
                        int64_t count) {
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&func.getBody().front());
  return LLVM::AllocaOp::create(b, loc,
                                LLVM::LLVMPointerType::get(b.getContext()),
                                b.getI64Type(), constI64(b, loc, count));
}

/// The address of a memref's first element, for runtime calls.
Value getPointer(OpBuilder &b, Location loc, Value memref) {
  Value index =
      memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref);
  Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
  return LLVM::IntToPtrOp::create(
      b, loc, LLVM::LLVMPointerType::get(b.getContext()), i64);
}

/// The runtime's descriptor of a layout (format in RuntimeABI.def).
SmallVector<int64_t> encodeLayout(LayoutAttr layout) {
  SmallVector<int64_t> desc;
  desc.push_back(layout.getDims().size());
  desc.push_back(layout.getGrid().size());
  llvm::append_range(desc, layout.getGrid());
  for (DimAttr dim : layout.getDims()) {
    RuntimeDimKind kind = RuntimeDimKind::None;
    switch (dim.getKind()) {
    case DimKind::None:
      kind = RuntimeDimKind::None;
      break;
    case DimKind::Block:
      kind = RuntimeDimKind::Block;
      break;
    case DimKind::Cyclic:
      kind = RuntimeDimKind::Cyclic;
      break;
    case DimKind::Unstructured:
      kind = RuntimeDimKind::Unstructured;
      break;
    }
    desc.push_back(static_cast<int64_t>(kind));
    desc.push_back(dim.getBlockSize());
    desc.push_back(dim.getHaloLo());
    desc.push_back(dim.getHaloHi());
    desc.push_back(dim.getPeriodic());
    desc.push_back(dim.getBounds().size());
    llvm::append_range(desc, dim.getBounds());
    if (!dim.getIndices()) {
      desc.push_back(0);
      continue;
    }
    desc.push_back(dim.getIndices().size());
    for (Attribute list : dim.getIndices()) {
      ArrayRef<int64_t> indices = cast<DenseI64ArrayAttr>(list).asArrayRef();
      desc.push_back(indices.size());
      llvm::append_range(desc, indices);
    }
  }
  return desc;
}

/// Rewrites one function from the global to the per-rank view.
class FunctionPartitioner {
public:
  FunctionPartitioner(func::FuncOp func, ModuleOp module)
      : func(func), module(module) {}

  LogicalResult run();

private:
  LogicalResult lowerKernel(KernelOp kernel);
  void lowerPrint(PrintOp print);
  void lowerAssert(AssertOp op);
  void addEntryPoint();
  /// The runtime's handle for `layout` with these global extents.
  Value createLayoutHandle(OpBuilder &b, Location loc, LayoutAttr layout,
                           ArrayRef<Value> globalSizes);
  /// The global extents of an array (from the kernel that computes it).
  SmallVector<Value> getGlobalSizes(OpBuilder &b, Location loc, Value array);

  func::FuncOp func;
  ModuleOp module;
  /// Global values (arrays, streams) -> their per-rank replacement.
  IRMapping mapping;
  /// Local buffers to free when the function returns.
  SmallVector<Value> buffers;
};

Value FunctionPartitioner::createLayoutHandle(OpBuilder &b, Location loc,
                                              LayoutAttr layout,
                                              ArrayRef<Value> globalSizes) {
  Value desc = createI64ArrayConstant(b, loc, module, encodeLayout(layout));
  Value shape = createEntryBuffer(b, loc, func, std::max<size_t>(
                                                    globalSizes.size(), 1));
  for (auto [d, size] : llvm::enumerate(globalSizes)) {
    auto ptr = LLVM::GEPOp::create(b, loc, shape.getType(), b.getI64Type(),
                                   shape,
                                   ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(d)});
    LLVM::StoreOp::create(b, loc, toI64(b, loc, size), ptr);
  }
  return createRuntimeCall(b, loc, module,
                           RuntimeFunction::dac_rt_layout_create,
                           {desc, shape});
}

SmallVector<Value> FunctionPartitioner::getGlobalSizes(OpBuilder &b,
                                                       Location loc,
                                                       Value array) {
  auto type = cast<ArrayType>(array.getType());
  SmallVector<Value> sizes;
  ValueRange dynamic;
  if (auto kernel = array.getDefiningOp<KernelOp>())
    dynamic = kernel.getSizes();
  unsigned next = 0;
  for (int64_t d : type.getShape())
    sizes.push_back(ShapedType::isDynamic(d) ? dynamic[next++]
                                             : constIndex(b, loc, d));
  return sizes;
}

LogicalResult FunctionPartitioner::lowerKernel(KernelOp kernel) {
  OpBuilder b(kernel);
  Location loc = kernel.getLoc();
  LayoutAttr layout = kernel.getLayout();
  bool replicated = layout.getNumDistributedDims() == 0;
  bool general = !replicated && !layout.isLeadingBlock();

  // Arrays and streams must come from ops of this function; function
  // arguments of these types have no per-rank form yet.
  for (Value v : llvm::concat<Value>(kernel.getInputs(), kernel.getStreams()))
    if (!mapping.contains(v))
      return kernel.emitError("dist-partition cannot lower a kernel operand "
                              "that is not created in this function");

  unsigned rank = kernel.getRank();
  ArrayRef<int64_t> shape = kernel.getShape();
  SmallVector<Value> globalSizes;
  unsigned nextDynamic = 0;
  for (int64_t d : shape)
    globalSizes.push_back(ShapedType::isDynamic(d)
                              ? kernel.getSizes()[nextDynamic++]
                              : constIndex(b, loc, d));

  // The rank's chunk: [start, start + count) along dimension 0, or for a
  // general layout the runtime's local extents and global-index tables.
  SmallVector<Value> localSizes(globalSizes);
  Value start = constIndex(b, loc, 0);
  SmallVector<Value> globalIndexTables(rank);
  if (general) {
    Value handle = createLayoutHandle(b, loc, layout, globalSizes);
    for (unsigned d = 0; d < rank; ++d) {
      if (!layout.getDims()[d].isDistributed())
        continue;
      localSizes[d] = toIndex(
          b, loc,
          createRuntimeCall(b, loc, module,
                            RuntimeFunction::dac_rt_layout_local_size,
                            {handle, constI64(b, loc, d)}));
      auto table = memref::AllocOp::create(
          b, loc, MemRefType::get({ShapedType::kDynamic}, b.getI64Type()),
          localSizes[d]);
      createRuntimeCall(b, loc, module,
                        RuntimeFunction::dac_rt_layout_global_indices,
                        {handle, constI64(b, loc, d), getPointer(b, loc, table)});
      globalIndexTables[d] = table;
      buffers.push_back(table);
    }
  } else if (!replicated) {
    Value procs = createRuntimeCall(b, loc, module,
                                    RuntimeFunction::dac_rt_comm_size, {});
    Value me = createRuntimeCall(b, loc, module,
                                 RuntimeFunction::dac_rt_comm_rank, {});
    Value range = createEntryBuffer(b, loc, func, 2);
    createRuntimeCall(b, loc, module,
                      RuntimeFunction::dac_rt_layout_block_range,
                      {toI64(b, loc, globalSizes[0]), procs, me, range});
    auto countPtr = LLVM::GEPOp::create(
        b, loc, range.getType(), b.getI64Type(), range,
        ArrayRef<LLVM::GEPArg>{1});
    start = toIndex(b, loc,
                    LLVM::LoadOp::create(b, loc, b.getI64Type(), range));
    localSizes[0] = toIndex(
        b, loc, LLVM::LoadOp::create(b, loc, b.getI64Type(), countPtr));
  }

  // Buffers for array results, with the local extents.
  SmallVector<Value> outputs;
  for (Value result : kernel.getResults()) {
    auto type = dyn_cast<ArrayType>(result.getType());
    if (!type)
      continue;
    SmallVector<int64_t> dynShape(rank, ShapedType::kDynamic);
    auto memrefType = MemRefType::get(dynShape, type.getElementType());
    Value alloc = memref::AllocOp::create(b, loc, memrefType, localSizes);
    outputs.push_back(alloc);
    buffers.push_back(alloc);
    mapping.map(result, alloc);
  }

  // A stream positioned at draw number `position` (runtime jump-ahead).
  Type i128 = b.getIntegerType(128);
  auto loadStreamWith = [&](OpBuilder &b, Value rng, Value position) -> Stream {
    Value buffer = createEntryBuffer(b, loc, func, 4);
    createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_rng_state_at,
                      {mapping.lookup(rng), position, buffer});
    auto word = [&](int i) -> Value {
      auto ptr = LLVM::GEPOp::create(b, loc, buffer.getType(), b.getI64Type(),
                                     buffer, ArrayRef<LLVM::GEPArg>{i});
      Value v = LLVM::LoadOp::create(b, loc, b.getI64Type(), ptr);
      return arith::ExtUIOp::create(b, loc, i128, v);
    };
    auto join = [&](Value hi, Value lo) -> Value {
      Value c64 = arith::ConstantOp::create(b, loc, IntegerAttr::get(i128, 64));
      return arith::OrIOp::create(b, loc, arith::ShLIOp::create(b, loc, hi, c64),
                                  lo);
    };
    return {join(word(2), word(3)), join(word(0), word(1))};
  };
  auto loadStream = [&](Value rng, Value position) {
    return loadStreamWith(b, rng, position);
  };
  // The linear (C-order) index of local element (i, 0, ..., 0): a block
  // chunk of dimension 0 is contiguous in C order.
  Value inner = constI64(b, loc, 1);
  for (unsigned d = 1; d < rank; ++d)
    inner = arith::MulIOp::create(b, loc, inner, toI64(b, loc, globalSizes[d]));
  auto streamsAt = [&](Value localRow) {
    Value row = arith::AddIOp::create(b, loc, start, localRow);
    Value linear = arith::MulIOp::create(b, loc, toI64(b, loc, row), inner);
    SmallVector<Stream> result;
    for (auto [rng, offset] :
         llvm::zip(kernel.getStreams(), kernel.getOffsets()))
      result.push_back(
          loadStream(rng, arith::AddIOp::create(b, loc, offset, linear)));
    return result;
  };

  SmallVector<unsigned> reductionResults;
  for (unsigned i = 0, e = kernel.getNumResults(); i < e; ++i)
    if (kernel.getReductionKind(i))
      reductionResults.push_back(i);
  auto identities = [&]() {
    SmallVector<Value> accs;
    for (unsigned i : reductionResults)
      accs.push_back(buildIdentity(b, loc, *kernel.getReductionKind(i),
                                   kernel.getResult(i).getType()));
    return accs;
  };

  SmallVector<Value> inputs;
  for (Value input : kernel.getInputs())
    inputs.push_back(mapping.lookup(input));

  // The global index of local position `iv` along dimension `d`.
  auto globalIndex = [&](OpBuilder &b, unsigned d, Value iv) -> Value {
    if (globalIndexTables[d])
      return toIndex(b, loc,
                     memref::LoadOp::create(b, loc, globalIndexTables[d], iv));
    if (d == 0 && !replicated && !general)
      return arith::AddIOp::create(b, loc, start, iv);
    return iv;
  };

  // One element: load, compute (the cloned kernel body), store, combine,
  // step the generators. Returns the new accumulators and stream states.
  Block &body = kernel.getBody().front();
  SmallVector<Value> increments;
  auto buildElement = [&](OpBuilder &b, ValueRange ivs, ValueRange accs,
                          ValueRange states) {
    IRMapping inner;
    for (unsigned d = 0; d < rank; ++d)
      inner.map(kernel.getIndexArgs()[d], globalIndex(b, d, ivs[d]));
    for (auto [arg, buffer] : llvm::zip(kernel.getInputArgs(), inputs))
      inner.map(arg, memref::LoadOp::create(b, loc, buffer, ivs));
    SmallVector<Value> nextStates;
    for (auto [i, arg] : llvm::enumerate(kernel.getDrawArgs())) {
      auto [state, value] = buildPcgStep(b, loc, states[i], increments[i]);
      inner.map(arg, value);
      nextStates.push_back(state);
    }
    for (Operation &op : body.without_terminator())
      b.clone(op, inner);
    auto yield = cast<YieldOp>(body.getTerminator());
    SmallVector<Value> nextAccs;
    unsigned out = 0, red = 0;
    for (unsigned i = 0, e = kernel.getNumResults(); i < e; ++i) {
      Value v = inner.lookupOrDefault(yield.getValues()[i]);
      if (std::optional<ReduceKind> kind = kernel.getReductionKind(i))
        nextAccs.push_back(buildCombine(b, loc, *kind, accs[red++], v));
      else
        memref::StoreOp::create(b, loc, v, outputs[out++], ivs);
    }
    return std::make_pair(nextAccs, nextStates);
  };
  size_t numAccs = reductionResults.size();
  size_t numStreams = kernel.getStreams().size();

  // A loop per dimension over [lower0, upper0) x the local extents of the
  // others, threading accumulators and stream states.
  auto buildNest = [&](Value lower0, Value upper0, SmallVector<Value> accs,
                       SmallVector<Value> states) {
    SmallVector<Value> carried(accs);
    carried.append(states);
    std::function<SmallVector<Value>(OpBuilder &, unsigned,
                                     SmallVector<Value>, ValueRange)>
        build = [&](OpBuilder &b, unsigned d, SmallVector<Value> ivs,
                    ValueRange iter) -> SmallVector<Value> {
      if (d == rank) {
        auto [a, s] = buildElement(b, ivs, iter.take_front(numAccs),
                                   iter.drop_front(numAccs));
        a.append(s);
        return a;
      }
      auto loop = scf::ForOp::create(
          b, loc, d == 0 ? lower0 : constIndex(b, loc, 0),
          d == 0 ? upper0 : localSizes[d], constIndex(b, loc, 1), iter,
          [&](OpBuilder &b, Location loc, Value iv, ValueRange args) {
            SmallVector<Value> nested(ivs);
            nested.push_back(iv);
            scf::YieldOp::create(b, loc, build(b, d + 1, nested, args));
          });
      return SmallVector<Value>(loop.getResults());
    };
    SmallVector<Value> finals = build(b, 0, {}, carried);
    return SmallVector<Value>(ArrayRef<Value>(finals).take_front(numAccs));
  };

  SmallVector<Value> finals;
  Value zero = constIndex(b, loc, 0);
  if (general && numStreams != 0) {
    // Local elements are not one contiguous run of the stream: each stream
    // carries the position it will produce next, and jumps (a runtime call,
    // O(log n)) only where the element's position differs — at the start of
    // each run of consecutive global positions.
    SmallVector<Value> carried = identities();
    Value c0 = constI64(b, loc, 0);
    for (auto [rng, offset] :
         llvm::zip(kernel.getStreams(), kernel.getOffsets())) {
      Stream s = loadStream(rng, offset);
      increments.push_back(s.increment);
      carried.push_back(s.initialState);
      (void)c0;
    }
    for (Value offset : kernel.getOffsets())
      carried.push_back(offset);
    std::function<SmallVector<Value>(OpBuilder &, unsigned,
                                     SmallVector<Value>, ValueRange)>
        build = [&](OpBuilder &b, unsigned d, SmallVector<Value> ivs,
                    ValueRange iter) -> SmallVector<Value> {
      if (d == rank) {
        // Linear (C-order) global position of this element.
        Value linear = constI64(b, loc, 0);
        for (unsigned k = 0; k < rank; ++k)
          linear = arith::AddIOp::create(
              b, loc,
              arith::MulIOp::create(b, loc, linear,
                                    toI64(b, loc, globalSizes[k])),
              toI64(b, loc, globalIndex(b, k, ivs[k])));
        SmallVector<Value> states, nextPositions;
        for (auto [i, rng] : llvm::enumerate(kernel.getStreams())) {
          Value position =
              arith::AddIOp::create(b, loc, kernel.getOffsets()[i], linear);
          Value expected = iter[numAccs + numStreams + i];
          Value jump = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                             position, expected);
          auto ifOp = scf::IfOp::create(
              b, loc, jump,
              [&](OpBuilder &b, Location loc) {
                OpBuilder::InsertionGuard guard(b);
                Stream s = loadStreamWith(b, rng, position);
                scf::YieldOp::create(b, loc, s.initialState);
              },
              [&](OpBuilder &b, Location loc) {
                scf::YieldOp::create(b, loc, iter[numAccs + i]);
              });
          states.push_back(ifOp.getResult(0));
          nextPositions.push_back(
              arith::AddIOp::create(b, loc, position, constI64(b, loc, 1)));
        }
        auto [a, st] =
            buildElement(b, ivs, iter.take_front(numAccs), states);
        a.append(st);
        a.append(nextPositions);
        return a;
      }
      auto loop = scf::ForOp::create(
          b, loc, zero, localSizes[d], constIndex(b, loc, 1), iter,
          [&](OpBuilder &b, Location loc, Value iv, ValueRange args) {
            SmallVector<Value> nested(ivs);
            nested.push_back(iv);
            scf::YieldOp::create(b, loc, build(b, d + 1, nested, args));
          });
      return SmallVector<Value>(loop.getResults());
    };
    SmallVector<Value> results = build(b, 0, {}, carried);
    finals.assign(results.begin(), results.begin() + numAccs);
  } else if (numStreams == 0 || rank != 1 || general) {
    SmallVector<Value> states;
    for (const Stream &s : streamsAt(zero)) {
      increments.push_back(s.increment);
      states.push_back(s.initialState);
    }
    finals = buildNest(zero, rank ? localSizes[0] : zero, identities(),
                       states);
  } else {
    // Random streams are one long dependency chain per generator. Split
    // the chunk into kLanes contiguous parts, each with its own jumped
    // state (the same stream, other positions), and step them together:
    // independent chains keep the core busy. The rest goes in a tail loop.
    constexpr int64_t kLanes = 4;
    Value count = localSizes[0];
    Value per = arith::DivUIOp::create(b, loc, count,
                                       constIndex(b, loc, kLanes));
    SmallVector<Value> laneStart, carried;
    for (int64_t j = 0; j < kLanes; ++j) {
      laneStart.push_back(
          arith::MulIOp::create(b, loc, per, constIndex(b, loc, j)));
      llvm::append_range(carried, identities());
    }
    for (int64_t j = 0; j < kLanes; ++j)
      for (const Stream &s : streamsAt(laneStart[j])) {
        if (j == 0)
          increments.push_back(s.increment);
        carried.push_back(s.initialState);
      }
    auto loop = scf::ForOp::create(
        b, loc, zero, per, constIndex(b, loc, 1), carried,
        [&](OpBuilder &b, Location loc, Value iv, ValueRange args) {
          SmallVector<Value> accs, states;
          for (int64_t j = 0; j < kLanes; ++j) {
            Value l = arith::AddIOp::create(b, loc, laneStart[j], iv);
            auto [a, s] = buildElement(
                b, l, args.slice(j * numAccs, numAccs),
                args.slice(kLanes * numAccs + j * numStreams, numStreams));
            llvm::append_range(accs, a);
            llvm::append_range(states, s);
          }
          accs.append(states);
          scf::YieldOp::create(b, loc, accs);
        });
    Value tailStart = arith::MulIOp::create(b, loc, per,
                                            constIndex(b, loc, kLanes));
    SmallVector<Value> tailStates;
    for (const Stream &s : streamsAt(tailStart))
      tailStates.push_back(s.initialState);
    finals = buildNest(tailStart, count, identities(), tailStates);
    for (auto [k, i] : llvm::enumerate(reductionResults))
      for (int64_t j = 0; j < kLanes; ++j)
        finals[k] = buildCombine(b, loc, *kernel.getReductionKind(i),
                                 loop.getResult(j * numAccs + k), finals[k]);
  }

  for (auto [k, i] : llvm::enumerate(reductionResults)) {
    ReduceKind kind = *kernel.getReductionKind(i);
    Value value = finals[k];
    if (kind == ReduceKind::Min || kind == ReduceKind::Max) {
      // NumPy refuses min/max of an empty array; so does every rank here.
      Value count = constIndex(b, loc, 1);
      for (Value size : globalSizes)
        count = arith::MulIOp::create(b, loc, count, size);
      Value empty = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                          count, constIndex(b, loc, 0));
      scf::IfOp::create(b, loc, empty, [&](OpBuilder &b, Location loc) {
        std::string msg =
            (Twine("zero-size array to reduction operation ") +
             (kind == ReduceKind::Min ? "minimum" : "maximum") +
             " which has no identity")
                .str();
        createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_fail,
                          {createStringConstant(b, loc, module, msg),
                           createStringConstant(b, loc, module,
                                                formatLocation(loc))});
        scf::YieldOp::create(b, loc);
      });
    }
    if (!replicated)
      value = buildAllReduce(b, loc, module, kind, value);
    kernel.getResult(i).replaceAllUsesWith(value);
  }
  return success();
}

void FunctionPartitioner::lowerPrint(PrintOp print) {
  OpBuilder b(print);
  Location loc = print.getLoc();
  StringRef format = print.getFormat();
  std::string text;
  auto flushText = [&]() {
    if (text.empty())
      return;
    Value ptr = createStringConstant(b, loc, module, text);
    createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_print_str,
                      {ptr, constI64(b, loc, text.size())});
    text.clear();
  };
  unsigned arg = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if ((c == '{' || c == '}') && i + 1 < format.size() &&
        format[i + 1] == c) {
      text.push_back(c);
      ++i;
      continue;
    }
    if (c != '{') {
      text.push_back(c);
      continue;
    }
    size_t close = format.find('}', i);
    StringRef field = format.slice(i + 1, close);
    i = close;
    flushText();
    Value v = print.getArgs()[arg++];
    Type t = v.getType();
    if (field.starts_with(":")) {
      // f"{x:spec}": Python's format(x, spec), by the runtime.
      Value spec = createStringConstant(b, loc, module, field.drop_front());
      if (isa<FloatType>(t)) {
        Value wide = t.isF64() ? v
                               : (Value)arith::ExtFOp::create(
                                     b, loc, b.getF64Type(), v);
        createRuntimeCall(b, loc, module,
                          RuntimeFunction::dac_rt_print_format_f64,
                          {wide, spec});
      } else {
        Value wide = v;
        if (t.isIndex())
          wide = toI64(b, loc, v);
        else if (t.isInteger(1))
          wide = arith::ExtUIOp::create(b, loc, b.getI64Type(), v);
        else if (!t.isInteger(64))
          wide = arith::ExtSIOp::create(b, loc, b.getI64Type(), v);
        createRuntimeCall(b, loc, module,
                          RuntimeFunction::dac_rt_print_format_i64,
                          {wide, spec});
      }
      continue;
    }
    if (auto array = dyn_cast<ArrayType>(t)) {
      // dac.localshapes(a) / dac.grid_shape(a): the runtime formats them.
      LayoutAttr layout = array.getLayout()
                              ? array.getLayout()
                              : LayoutAttr::getDefault(b.getContext(),
                                                       array.getRank());
      Value handle = createLayoutHandle(b, loc, layout,
                                        getGlobalSizes(b, loc, v));
      if (field == "array") {
        Type elem = array.getElementType();
        RuntimeElementType code =
            elem.isF64()          ? RuntimeElementType::Float64
            : elem.isF32()        ? RuntimeElementType::Float32
            : elem.isInteger(64)  ? RuntimeElementType::Int64
            : elem.isInteger(32)  ? RuntimeElementType::Int32
                                  : RuntimeElementType::Bool;
        Value data = getPointer(b, loc, mapping.lookup(v));
        createRuntimeCall(
            b, loc, module, RuntimeFunction::dac_rt_print_array,
            {handle, data,
             arith::ConstantIntOp::create(b, loc, b.getI32Type(),
                                          static_cast<int32_t>(code))});
        continue;
      }
      createRuntimeCall(b, loc, module,
                        field == "localshapes"
                            ? RuntimeFunction::dac_rt_print_localshapes
                            : RuntimeFunction::dac_rt_print_grid_shape,
                        handle);
      continue;
    }
    if (t.isF64()) {
      createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_print_f64, v);
    } else if (t.isF32()) {
      createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_print_f32, v);
    } else if (t.isInteger(1)) {
      createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_print_bool,
                        arith::ExtUIOp::create(b, loc, b.getI32Type(), v)
                            .getResult());
    } else {
      Value wide = v;
      if (t.isIndex())
        wide = toI64(b, loc, v);
      else if (!t.isInteger(64))
        wide = arith::ExtSIOp::create(b, loc, b.getI64Type(), v);
      createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_print_i64,
                        wide);
    }
  }
  flushText();
  createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_print_flush, {});
  print.erase();
}

void FunctionPartitioner::lowerAssert(AssertOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value failed = arith::XOrIOp::create(
      b, loc, op.getCondition(),
      arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1));
  std::string message = op.getMessage().str();
  scf::IfOp::create(b, loc, failed, [&](OpBuilder &b, Location loc) {
    createRuntimeCall(
        b, loc, module, RuntimeFunction::dac_rt_fail,
        {createStringConstant(b, loc, module, message),
         createStringConstant(b, loc, module, formatLocation(loc))});
    scf::YieldOp::create(b, loc);
  });
  op.erase();
}

void FunctionPartitioner::addEntryPoint() {
  MLIRContext *ctx = func.getContext();
  OpBuilder b(ctx);
  Block &entry = func.getBody().front();
  Location loc = func.getLoc();
  Type i32 = b.getI32Type();
  Type ptr = LLVM::LLVMPointerType::get(ctx);
  Value argc = entry.addArgument(i32, loc);
  Value argv = entry.addArgument(ptr, loc);
  func.setFunctionType(b.getFunctionType({i32, ptr}, {i32}));
  b.setInsertionPointToStart(&entry);
  Value version = constI64(b, loc, getRuntimeABIVersion());
  createRuntimeCall(b, loc, module, RuntimeFunction::dac_rt_init,
                    {version, argc, argv});
  func.walk([&](func::ReturnOp ret) {
    b.setInsertionPoint(ret);
    createRuntimeCall(b, ret.getLoc(), module,
                      RuntimeFunction::dac_rt_finalize, {});
    Value zero = arith::ConstantIntOp::create(b, ret.getLoc(), i32, 0);
    func::ReturnOp::create(b, ret.getLoc(), zero);
    ret.erase();
  });
}

LogicalResult FunctionPartitioner::run() {
  SmallVector<Operation *> ops;
  func.walk([&](Operation *op) {
    if (op->getDialect() && isa<DistDialect>(op->getDialect()) &&
        !isa<YieldOp>(op) && !op->getParentOfType<KernelOp>())
      ops.push_back(op);
  });
  SmallVector<Operation *> dead;
  for (Operation *op : ops) {
    if (auto rng = dyn_cast<RngCreateOp>(op)) {
      OpBuilder b(rng);
      mapping.map(rng.getRng(),
                  createRuntimeCall(b, rng.getLoc(), module,
                                    RuntimeFunction::dac_rt_rng_create,
                                    rng.getSeed()));
      dead.push_back(op);
    } else if (auto kernel = dyn_cast<KernelOp>(op)) {
      if (failed(lowerKernel(kernel)))
        return failure();
      dead.push_back(op);
    } else if (auto print = dyn_cast<PrintOp>(op)) {
      lowerPrint(print);
    } else if (auto check = dyn_cast<AssertOp>(op)) {
      lowerAssert(check);
    } else if (auto time = dyn_cast<TimeOp>(op)) {
      OpBuilder b(time);
      time.replaceAllUsesWith(createRuntimeCall(
          b, time.getLoc(), module, RuntimeFunction::dac_rt_time_now, {}));
      time.erase();
    } else {
      return op->emitError("'")
             << op->getName()
             << "' must be fused into a dist.kernel before partitioning "
                "(run dist-fuse first)";
    }
  }
  for (Operation *op : llvm::reverse(dead)) {
    op->dropAllUses();
    op->erase();
  }
  // Local buffers live until the end of the block that allocates them (the
  // function's body, or a branch of an scf.if they cannot escape).
  for (Value buffer : buffers) {
    Operation *terminator = buffer.getParentBlock()->getTerminator();
    OpBuilder b(terminator);
    memref::DeallocOp::create(b, terminator->getLoc(), buffer);
  }
  if (func.getSymName() == "main" && func.getNumArguments() == 0 &&
      func.getNumResults() == 0)
    addEntryPoint();
  return success();
}

struct DistPartitionPass
    : public dac::impl::DistPartitionBase<DistPartitionPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> funcs(module.getOps<func::FuncOp>());
    for (func::FuncOp func : funcs) {
      if (func.isExternal())
        continue;
      if (failed(FunctionPartitioner(func, module).run()))
        return signalPassFailure();
    }
  }
};

} // namespace
