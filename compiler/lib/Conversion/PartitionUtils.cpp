//===- PartitionUtils.cpp - IR-building helpers of dist-partition ---------===//

#include "Partition.h"

#include "dac/Compiler/LayoutSpec.h"
#include "dac/Runtime/LayoutDescriptor.h"
#include "dac/Runtime/Random.h"

#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;

namespace dac::partition {

/// PCG64's 128-bit LCG multiplier, in halves (the runtime's constant).
static constexpr uint64_t kPcgMultHi = dac::rt::Pcg64::MultiplierHi;
static constexpr uint64_t kPcgMultLo = dac::rt::Pcg64::MultiplierLo;

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
  Value hi = arith::TruncIOp::create(b, loc, i64,
                                     arith::ShRUIOp::create(b, loc, next, c64));
  Value lo = arith::TruncIOp::create(b, loc, i64, next);
  Value x = arith::XOrIOp::create(b, loc, hi, lo);
  Value rot = arith::ShRUIOp::create(b, loc, hi, constI64(b, loc, 58));
  Value left = arith::AndIOp::create(
      b, loc, arith::SubIOp::create(b, loc, constI64(b, loc, 64), rot),
      constI64(b, loc, 63));
  Value out =
      arith::OrIOp::create(b, loc, arith::ShRUIOp::create(b, loc, x, rot),
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
  // Element type: the lanes of vector accumulators combine the same way.
  Type elem = getElementTypeOrSelf(acc.getType());
  bool isFloat = isa<FloatType>(elem);
  bool isBool = elem.isInteger(1);
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

RuntimeReduceOp toRuntimeReduceOp(ReduceKind kind, bool isBool) {
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
Value buildAllReduce(OpBuilder &b, Location loc, RuntimeSymbols &runtime,
                     ReduceKind kind, Value partial) {
  Type type = partial.getType();
  bool isBool = type.isInteger(1);
  Value op = arith::ConstantIntOp::create(
      b, loc, b.getI32Type(),
      static_cast<int32_t>(toRuntimeReduceOp(kind, isBool)));
  if (type.isF64())
    return runtime.call(b, loc, RuntimeFunction::dac_rt_allreduce_f64,
                        {partial, op});
  if (type.isF32())
    return runtime.call(b, loc, RuntimeFunction::dac_rt_allreduce_f32,
                        {partial, op});
  // Integers travel as i64: sign-extended (booleans zero-extended), then
  // narrowed back. Sums and products wrap as NumPy's fixed-width ones do.
  Value wide =
      isBool ? (Value)arith::ExtUIOp::create(b, loc, b.getI64Type(), partial)
      : type.isInteger(64)
          ? partial
          : (Value)arith::ExtSIOp::create(b, loc, b.getI64Type(), partial);
  Value result =
      runtime.call(b, loc, RuntimeFunction::dac_rt_allreduce_i64, {wide, op});
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

Value createWordBuffer(OpBuilder &b, Location loc, func::FuncOp func,
                       ValueRange words) {
  Value buffer =
      createEntryBuffer(b, loc, func, std::max<size_t>(words.size(), 1));
  for (auto [i, word] : llvm::enumerate(words)) {
    auto ptr =
        LLVM::GEPOp::create(b, loc, buffer.getType(), b.getI64Type(), buffer,
                            ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(i)});
    LLVM::StoreOp::create(
        b, loc, word.getType().isIndex() ? toI64(b, loc, word) : word, ptr);
  }
  return buffer;
}

Value loadWord(OpBuilder &b, Location loc, Value buffer, int32_t i) {
  auto ptr = LLVM::GEPOp::create(b, loc, buffer.getType(), b.getI64Type(),
                                 buffer, ArrayRef<LLVM::GEPArg>{i});
  return LLVM::LoadOp::create(b, loc, b.getI64Type(), ptr);
}

/// The address of a memref's first element, for runtime calls.
Value getPointer(OpBuilder &b, Location loc, Value memref) {
  Value index = memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref);
  Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
  return LLVM::IntToPtrOp::create(
      b, loc, LLVM::LLVMPointerType::get(b.getContext()), i64);
}

/// The runtime's descriptor of a layout (format in RuntimeABI.def).
SmallVector<int64_t> encodeLayout(LayoutAttr layout) {
  // The runtime's own encoder: the descriptor's format has one home.
  rt::LayoutSpec spec = toLayoutSpec(layout);
  std::vector<int64_t> words = rt::encodeLayoutDescriptor(spec);
  return SmallVector<int64_t>(words.begin(), words.end());
}

} // namespace dac::partition

/// True if every user of `value` other than `op` runs before `op`.
static bool onlyReadBefore(Value value, Operation *op) {
  for (Operation *user : value.getUsers()) {
    if (user == op)
      continue;
    Operation *ancestor = op->getBlock()->findAncestorOpInBlock(*user);
    if (!ancestor || ancestor == op || !ancestor->isBeforeInBlock(op))
      return false;
  }
  return true;
}

/// Whether the buffer of `array` belongs to it alone: computed by a dist op
/// (every one writes a buffer of its own, or one it may overwrite), or
/// carried by an scf.for whose initial value is such a buffer read by
/// nothing after the loop starts and whose yielded value is too: a new
/// one, the argument itself, or another argument's handed over (two
/// buffers swapped every iteration, `u, un = un, u`). Asked of the global
/// IR; `visiting` closes cycles of swapped arguments.
static bool ownsBuffer(Value array, llvm::SmallPtrSetImpl<Value> &visiting) {
  // A cast names its source's buffer: the cast's own when it is the
  // source's only reader.
  if (auto cast = array.getDefiningOp<CastOp>())
    return cast.getSource().hasOneUse() &&
           ownsBuffer(cast.getSource(), visiting);
  if (auto result = dyn_cast<OpResult>(array))
    return isa<DistDialect>(result.getOwner()->getDialect());
  auto arg = dyn_cast<BlockArgument>(array);
  auto loop =
      arg ? dyn_cast<scf::ForOp>(arg.getOwner()->getParentOp()) : nullptr;
  if (!loop || arg.getArgNumber() == 0)
    return false;
  if (!visiting.insert(array).second)
    return true;
  unsigned i = arg.getArgNumber() - 1;
  Value init = loop.getInitArgs()[i];
  Operation *yield = loop.getBody()->getTerminator();
  Value yielded = yield->getOperand(i);
  // One value entering as several arguments gets a copy for each but the
  // first (convertStructural).
  if (!onlyReadBefore(init, loop) || !ownsBuffer(init, visiting))
    return false;
  if (yielded == array)
    return true;
  if (auto other = dyn_cast<BlockArgument>(yielded);
      other && other.getOwner() == arg.getOwner())
    return llvm::count(yield->getOperands(), other) == 1 &&
           ownsBuffer(other, visiting);
  return yielded.hasOneUse() && ownsBuffer(yielded, visiting);
}

void dac::partition::FunctionPartitioner::findOwnedLoopArrays() {
  func.walk([&](scf::ForOp loop) {
    for (BlockArgument arg : loop.getRegionIterArgs())
      if (isa<ArrayType>(arg.getType())) {
        llvm::SmallPtrSet<Value, 4> visiting;
        if (ownsBuffer(arg, visiting))
          ownedLoopArrays.insert(arg);
      }
  });
}

bool dac::partition::FunctionPartitioner::canOverwrite(Value array,
                                                       Operation *writer) {
  // Writing through a cast writes its source's buffer.
  if (auto cast = array.getDefiningOp<CastOp>())
    if (!canOverwrite(cast.getSource(), cast))
      return false;
  bool owned =
      isa<BlockArgument>(array)
          ? ownedLoopArrays.contains(array)
          : isa<DistDialect>(cast<OpResult>(array).getOwner()->getDialect());
  if (!owned)
    return false;
  // A writer in a loop that the array comes from outside of would
  // overwrite it for the loop's next iteration, which reads it again.
  Region *home = array.getParentRegion();
  for (Operation *op = writer->getParentOp();
       op && op->getParentRegion() && home->isAncestor(op->getParentRegion());
       op = op->getParentOp())
    if (isa<scf::ForOp, scf::WhileOp>(op))
      return false;
  // Every other reader has run before the writer.
  return onlyReadBefore(array, writer);
}

Value dac::partition::FunctionPartitioner::bufferToWrite(OpBuilder &b,
                                                         Location loc,
                                                         Value array,
                                                         Operation *writer) {
  Value buffer = mapping.lookup(array);
  if (canOverwrite(array, writer))
    return buffer;
  Value copy = allocLocal(b, loc, cast<ArrayType>(getGlobalType(array)),
                          getGlobalSizes(b, loc, array));
  memref::CopyOp::create(b, loc, buffer, copy);
  return copy;
}

bool dac::partition::FunctionPartitioner::canUpdateInPlace(KernelOp kernel) {
  Value dest = kernel.getDest();
  if (!canOverwrite(dest, kernel))
    return false;
  ArrayRef<int64_t> window = *kernel.getWindow();
  for (auto [i, input] : llvm::enumerate(kernel.getInputs())) {
    if (input != dest)
      continue;
    AccessAttr access = kernel.getInputAccess(i);
    if (!access) {
      if (llvm::any_of(window, [](int64_t w) { return w != 0; }))
        return false;
      continue;
    }
    for (auto [d, start, step, dim] : llvm::enumerate(
             access.getStarts(), access.getSteps(), access.getDims()))
      if (start != window[d] || step != 1 || dim != static_cast<int64_t>(d))
        return false;
  }
  return true;
}

void dac::partition::copyOutsideBox(OpBuilder &b, Location loc, Value src,
                                    Value dst, ArrayRef<Value> lowers,
                                    ArrayRef<Value> uppers,
                                    ArrayRef<Value> sizes) {
  unsigned rank = sizes.size();
  Value zero = constIndex(b, loc, 0), one = constIndex(b, loc, 1);
  // One loop over [lo, hi) along dimension d at the outer positions `ivs`,
  // whose body `inner` continues with the next dimension.
  auto loop = [&](OpBuilder &b, Value lo, Value hi, ArrayRef<Value> ivs,
                  function_ref<void(OpBuilder &, SmallVector<Value>)> inner) {
    scf::ForOp::create(b, loc, lo, hi, one, ValueRange{},
                       [&](OpBuilder &b, Location, Value iv, ValueRange) {
                         SmallVector<Value> next(ivs);
                         next.push_back(iv);
                         inner(b, next);
                         scf::YieldOp::create(b, loc);
                       });
  };
  // Everything from dimension ivs.size() on.
  std::function<void(OpBuilder &, SmallVector<Value>)> copyAll =
      [&](OpBuilder &b, SmallVector<Value> ivs) {
        if (ivs.size() == rank) {
          memref::StoreOp::create(
              b, loc, memref::LoadOp::create(b, loc, src, ivs), dst, ivs);
          return;
        }
        loop(b, zero, sizes[ivs.size()], ivs, copyAll);
      };
  // Before and after the box along a dimension: whole slabs; inside it,
  // the same along the next dimension.
  std::function<void(OpBuilder &, SmallVector<Value>)> copyOutside =
      [&](OpBuilder &b, SmallVector<Value> ivs) {
        unsigned d = ivs.size();
        if (d == rank)
          return;
        loop(b, zero, lowers[d], ivs, copyAll);
        loop(b, lowers[d], uppers[d], ivs, copyOutside);
        loop(b, uppers[d], sizes[d], ivs, copyAll);
      };
  copyOutside(b, {});
}

RuntimeElementType dac::partition::runtimeElementType(Type type) {
  return type.isF64()         ? RuntimeElementType::Float64
         : type.isF32()       ? RuntimeElementType::Float32
         : type.isInteger(64) ? RuntimeElementType::Int64
         : type.isInteger(32) ? RuntimeElementType::Int32
                              : RuntimeElementType::Bool;
}

int64_t dac::partition::elementBytes(Type type) {
  return getStorageBytes(type);
}

LayoutAttr dac::partition::layoutOf(ArrayType type) {
  return type.getLayout()
             ? type.getLayout()
             : LayoutAttr::getDefault(type.getContext(), type.getRank());
}
