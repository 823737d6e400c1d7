//===- PartitionVector.cpp - Random-stream lanes in SIMD registers --------===//
//
// A kernel that only generates and reduces (no input or output arrays, a
// body of element-wise arith/math ops) runs its lanes as vectors: each
// stream's 128-bit PCG64 state is two vector<Wxi64> halves, the 64x64-bit
// products are built from 32-bit partial products (which SIMD units have),
// and the body is cloned once onto vector<Wx...> values. Every lane computes
// exactly what the scalar loop computes for its elements.
//
//===----------------------------------------------------------------------===//

#include "Partition.h"
#include "dac/Runtime/Random.h"

#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;
using namespace dac::partition;

/// PCG64's 128-bit LCG multiplier, in halves (the runtime's constant).
static constexpr uint64_t kMultHi = dac::rt::Pcg64::MultiplierHi;
static constexpr uint64_t kMultLo = dac::rt::Pcg64::MultiplierLo;

/// A body of element-wise, pure ops only (what cloneBodyOnVectors takes).
static bool hasElementwiseBody(KernelOp kernel) {
  for (Operation &op : kernel.getBody().front().without_terminator()) {
    if (isa<arith::ConstantOp>(op))
      continue;
    if (!op.hasTrait<OpTrait::Elementwise>() || op.getNumRegions() != 0 ||
        !isPure(&op))
      return false;
  }
  return true;
}

bool dac::partition::isVectorizable(KernelOp kernel) {
  if (!kernel.getInputs().empty() || kernel.getRank() != 1)
    return false;
  for (Type t : kernel.getResultTypes())
    if (isa<ArrayType>(t))
      return false;
  return hasElementwiseBody(kernel);
}

namespace {

/// Splat constants and vector arithmetic on vector<Wxi64>.
struct VectorMath {
  OpBuilder &b;
  Location loc;
  VectorType i64s;

  Value c(uint64_t v) {
    return arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(i64s, b.getI64IntegerAttr(v)));
  }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return arith::MulIOp::create(b, loc, x, y); }
  Value shr(Value x, uint64_t n) {
    return arith::ShRUIOp::create(b, loc, x, c(n));
  }
  Value low32(Value x) {
    return arith::AndIOp::create(b, loc, x, c(0xFFFFFFFFULL));
  }

  /// One PCG64 step of every lane: the new state halves and NumPy's double.
  std::tuple<Value, Value, Value> step(Value hi, Value lo, Value incHi,
                                       Value incLo) {
    // The high half of lo * M_lo from 32-bit partial products.
    Value a0 = low32(lo), a1 = shr(lo, 32);
    Value b0 = c(kMultLo & 0xFFFFFFFFULL), b1 = c(kMultLo >> 32);
    Value p00 = mul(a0, b0), p01 = mul(a0, b1), p10 = mul(a1, b0),
          p11 = mul(a1, b1);
    Value middle = add(add(shr(p00, 32), low32(p01)), low32(p10));
    Value productHi =
        add(add(p11, shr(p01, 32)), add(shr(p10, 32), shr(middle, 32)));
    Value nextLo = add(mul(lo, c(kMultLo)), incLo);
    Value carry = arith::ExtUIOp::create(
        b, loc, i64s,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, nextLo,
                              incLo));
    Value nextHi = add(add(add(productHi, mul(lo, c(kMultHi))),
                           add(mul(hi, c(kMultLo)), incHi)),
                       carry);
    Value x = arith::XOrIOp::create(b, loc, nextHi, nextLo);
    Value rot = shr(nextHi, 58);
    Value left = arith::AndIOp::create(
        b, loc, arith::SubIOp::create(b, loc, c(64), rot), c(63));
    Value out =
        arith::OrIOp::create(b, loc, arith::ShRUIOp::create(b, loc, x, rot),
                             arith::ShLIOp::create(b, loc, x, left));
    auto f64s = VectorType::get(i64s.getShape(), b.getF64Type());
    Value asDouble = arith::UIToFPOp::create(b, loc, f64s, shr(out, 11));
    Value scale = arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(f64s,
                               b.getF64FloatAttr(1.0 / 9007199254740992.0)));
    return {nextHi, nextLo, arith::MulFOp::create(b, loc, asDouble, scale)};
  }
};

vector::CombiningKind toCombiningKind(ReduceKind kind, Type elem) {
  bool isFloat = isa<FloatType>(elem);
  bool isBool = elem.isInteger(1);
  switch (kind) {
  case ReduceKind::Sum:
    return isBool ? vector::CombiningKind::OR : vector::CombiningKind::ADD;
  case ReduceKind::Prod:
    return isBool ? vector::CombiningKind::AND : vector::CombiningKind::MUL;
  case ReduceKind::Min:
    return isBool    ? vector::CombiningKind::AND
           : isFloat ? vector::CombiningKind::MINIMUMF
                     : vector::CombiningKind::MINSI;
  case ReduceKind::Max:
    return isBool    ? vector::CombiningKind::OR
           : isFloat ? vector::CombiningKind::MAXIMUMF
                     : vector::CombiningKind::MAXSI;
  case ReduceKind::All:
    return vector::CombiningKind::AND;
  case ReduceKind::Any:
    return vector::CombiningKind::OR;
  }
  llvm_unreachable("unknown reduction");
}

/// Maps the kernel's (1-D) index argument to the lanes' global indices:
/// `base` (one per lane) plus the loop's position `iv`.
void mapIndexLanes(OpBuilder &b, Location loc, KernelOp kernel,
                   IRMapping &mapping, Value base, Value iv) {
  Value step = vector::BroadcastOp::create(b, loc, base.getType(), iv);
  mapping.map(kernel.getIndexArgs()[0],
              arith::AddIOp::create(b, loc, base, step));
}

/// Clones a kernel body (element-wise ops only) once onto vectors of
/// `lanes` elements; `mapping` holds the vector values of its arguments.
/// Returns the vector values it yields.
SmallVector<Value> cloneBodyOnVectors(OpBuilder &b, Location loc, Block &body,
                                      IRMapping &mapping, int64_t lanes) {
  auto vectorOf = [&](Type t) { return VectorType::get({lanes}, t); };
  // Values from outside the body (and constants) are the same in every
  // lane: broadcast them.
  auto lookup = [&](Value v) -> Value {
    if (Value mapped = mapping.lookupOrNull(v))
      return mapped;
    Value splat = vector::BroadcastOp::create(b, loc, vectorOf(v.getType()), v);
    mapping.map(v, splat);
    return splat;
  };
  for (Operation &op : body.without_terminator()) {
    if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
      Operation *scalar = b.clone(op);
      mapping.map(constant.getResult(),
                  vector::BroadcastOp::create(b, loc,
                                              vectorOf(constant.getType()),
                                              scalar->getResult(0)));
      continue;
    }
    OperationState state(op.getLoc(), op.getName());
    for (Value operand : op.getOperands())
      state.addOperands(lookup(operand));
    for (Type t : op.getResultTypes())
      state.addTypes(vectorOf(t));
    state.addAttributes(op.getAttrs());
    Operation *vectorOp = b.create(state);
    mapping.map(op.getResults(), vectorOp->getResults());
  }
  SmallVector<Value> yielded;
  for (Value v : cast<YieldOp>(body.getTerminator()).getValues())
    yielded.push_back(lookup(v));
  return yielded;
}

} // namespace

SmallVector<Value> dac::partition::buildVectorLanes(
    OpBuilder &b, Location loc, KernelOp kernel, int64_t lanes, Value start,
    Value per, ArrayRef<Value> laneStart,
    function_ref<std::array<Value, 4>(Value rng, Value position)> loadWords) {
  auto i64s = VectorType::get({lanes}, b.getI64Type());
  VectorMath vm{b, loc, i64s};
  auto vectorOf = [&](Type t) { return VectorType::get({lanes}, t); };

  // Streams: lane j starts at draw offset + (start + laneStart[j]).
  SmallVector<Value> carried;
  SmallVector<Value> incHi, incLo;
  SmallVector<unsigned> reductions;
  for (unsigned i = 0; i < kernel.getNumResults(); ++i) {
    reductions.push_back(i);
    Type t = kernel.getResult(i).getType();
    Value identity = buildIdentity(b, loc, *kernel.getReductionKind(i), t);
    carried.push_back(
        vector::BroadcastOp::create(b, loc, vectorOf(t), identity));
  }
  for (auto [rng, offset] :
       llvm::zip(kernel.getStreams(), kernel.getOffsets())) {
    SmallVector<Value> his, los;
    for (int64_t j = 0; j < lanes; ++j) {
      Value global = arith::AddIOp::create(b, loc, start, laneStart[j]);
      Value position =
          arith::AddIOp::create(b, loc, offset, toI64(b, loc, global));
      std::array<Value, 4> words = loadWords(rng, position);
      his.push_back(words[0]);
      los.push_back(words[1]);
      if (j == 0) {
        incHi.push_back(vector::BroadcastOp::create(b, loc, i64s, words[2]));
        incLo.push_back(vector::BroadcastOp::create(b, loc, i64s, words[3]));
      }
    }
    carried.push_back(vector::FromElementsOp::create(b, loc, i64s, his));
    carried.push_back(vector::FromElementsOp::create(b, loc, i64s, los));
  }
  SmallVector<Value> firstIndex;
  for (int64_t j = 0; j < lanes; ++j)
    firstIndex.push_back(arith::AddIOp::create(b, loc, start, laneStart[j]));
  Value indexBase = vector::FromElementsOp::create(
      b, loc, vectorOf(b.getIndexType()), firstIndex);

  size_t numAccs = reductions.size();
  Block &body = kernel.getBody().front();
  auto loop = scf::ForOp::create(
      b, loc, constIndex(b, loc, 0), per, constIndex(b, loc, 1), carried,
      [&](OpBuilder &b, Location loc, Value iv, ValueRange args) {
        IRMapping mapping;
        mapIndexLanes(b, loc, kernel, mapping, indexBase, iv);
        SmallVector<Value> next;
        for (auto [s, arg] : llvm::enumerate(kernel.getDrawArgs())) {
          auto [hi, lo, value] =
              vm.step(args[numAccs + 2 * s], args[numAccs + 2 * s + 1],
                      incHi[s], incLo[s]);
          mapping.map(arg, value);
          next.push_back(hi);
          next.push_back(lo);
        }
        SmallVector<Value> yielded =
            cloneBodyOnVectors(b, loc, body, mapping, lanes);
        SmallVector<Value> results;
        for (auto [k, i] : llvm::enumerate(reductions))
          results.push_back(buildCombine(b, loc, *kernel.getReductionKind(i),
                                         args[k], yielded[i]));
        results.append(next);
        scf::YieldOp::create(b, loc, results);
      });

  SmallVector<Value> partials;
  for (auto [k, i] : llvm::enumerate(reductions)) {
    Type t = kernel.getResult(i).getType();
    partials.push_back(vector::ReductionOp::create(
        b, loc, toCombiningKind(*kernel.getReductionKind(i), t),
        loop.getResult(k)));
  }
  return partials;
}

bool dac::partition::isVectorReduction(KernelOp kernel) {
  if (kernel.getRank() != 1 || !kernel.getStreams().empty() ||
      kernel.getNumResults() == 0)
    return false;
  for (Type t : kernel.getResultTypes())
    if (isa<ArrayType>(t))
      return false;
  // Bools are bytes in memory but bits in a vector load.
  for (Value input : kernel.getInputs())
    if (cast<ArrayType>(input.getType()).getElementType().isInteger(1))
      return false;
  return hasElementwiseBody(kernel);
}

SmallVector<Value> dac::partition::buildVectorReduction(
    OpBuilder &b, Location loc, KernelOp kernel, int64_t lanes,
    ValueRange inputs, Value start, Value count, ArrayRef<Type> accTypes) {
  auto vectorOf = [&](Type t) { return VectorType::get({lanes}, t); };
  SmallVector<Value> carried;
  for (auto [i, t] : llvm::enumerate(accTypes))
    carried.push_back(vector::BroadcastOp::create(
        b, loc, vectorOf(t),
        buildIdentity(b, loc, *kernel.getReductionKind(i), t)));
  // Local positions 0, 1, ..., lanes - 1 (plus the loop's) and their
  // global indices.
  SmallVector<Value> offsets;
  for (int64_t j = 0; j < lanes; ++j)
    offsets.push_back(
        arith::AddIOp::create(b, loc, start, constIndex(b, loc, j)));
  Value indexBase = vector::FromElementsOp::create(
      b, loc, vectorOf(b.getIndexType()), offsets);
  Value whole = arith::MulIOp::create(
      b, loc, arith::DivUIOp::create(b, loc, count, constIndex(b, loc, lanes)),
      constIndex(b, loc, lanes));
  Block &body = kernel.getBody().front();
  auto loop = scf::ForOp::create(
      b, loc, constIndex(b, loc, 0), whole, constIndex(b, loc, lanes), carried,
      [&](OpBuilder &b, Location loc, Value iv, ValueRange args) {
        IRMapping mapping;
        mapIndexLanes(b, loc, kernel, mapping, indexBase, iv);
        for (auto [arg, buffer] : llvm::zip(kernel.getInputArgs(), inputs))
          mapping.map(arg,
                      vector::LoadOp::create(b, loc, vectorOf(arg.getType()),
                                             buffer, ValueRange{iv}));
        SmallVector<Value> yielded =
            cloneBodyOnVectors(b, loc, body, mapping, lanes);
        SmallVector<Value> next;
        for (auto [i, acc] : llvm::enumerate(args)) {
          Value v = yielded[i];
          if (getElementTypeOrSelf(v.getType()) != accTypes[i])
            v = arith::ExtFOp::create(b, loc, vectorOf(accTypes[i]), v);
          next.push_back(
              buildCombine(b, loc, *kernel.getReductionKind(i), acc, v));
        }
        scf::YieldOp::create(b, loc, next);
      });
  SmallVector<Value> partials;
  for (auto [i, t] : llvm::enumerate(accTypes))
    partials.push_back(vector::ReductionOp::create(
        b, loc, toCombiningKind(*kernel.getReductionKind(i), t),
        loop.getResult(i)));
  return partials;
}
