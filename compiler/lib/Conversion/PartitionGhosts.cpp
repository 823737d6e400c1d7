//===- PartitionGhosts.cpp - Shifted reads through ghost cells ------------===//
//
// A kernel reading an array a few positions away from where it iterates
// (`u[:-2, 1:-1] + u[2:, 1:-1] + ...`) along block dimensions reads its
// own chunk in place and the cells next to it from a ghost buffer: one
// exchange per array per kernel, planned by the runtime from the range of
// shifts along each dimension (dac_rt_ghost_plan, by global index, so cells
// next to small or empty chunks and diagonal corners come from whoever owns
// them). The exchange is started before the kernel's inner box (whose reads
// stay in the chunk) and waited for before the border strips.
//
//===----------------------------------------------------------------------===//

#include "Partition.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;
using namespace dac::partition;

namespace {

/// `a < 0 || a >= n`.
Value outside(OpBuilder &b, Location loc, Value a, Value n) {
  Value below = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, a,
                                      constIndex(b, loc, 0));
  Value above = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, a, n);
  return arith::OrIOp::create(b, loc, below, above);
}

/// The offset in the ghost buffer of local position `index` (outside the
/// chunk of extents `sizes`, first along dimension `s`): slab s in C order
/// over its extents (see dac_rt_ghost_plan in RuntimeABI.def).
Value slabOffset(OpBuilder &b, Location loc, const Ghosts &g,
                 ArrayRef<Value> sizes, ArrayRef<Value> index, unsigned s) {
  Value offset = constIndex(b, loc, 0);
  for (unsigned d = 0; d < index.size(); ++d) {
    Value extent, at;
    if (d < s) {
      extent = sizes[d];
      at = index[d];
    } else if (d == s) {
      // Before the chunk: lo + i; after it: lo + i - size.
      extent = arith::AddIOp::create(b, loc, g.lo[d], g.hi[d]);
      Value before = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                           index[d], constIndex(b, loc, 0));
      Value past = arith::SelectOp::create(b, loc, before,
                                           constIndex(b, loc, 0), sizes[d]);
      at = arith::SubIOp::create(
          b, loc, arith::AddIOp::create(b, loc, g.lo[d], index[d]), past);
    } else {
      extent = arith::AddIOp::create(
          b, loc, arith::AddIOp::create(b, loc, g.lo[d], sizes[d]), g.hi[d]);
      at = arith::AddIOp::create(b, loc, index[d], g.lo[d]);
    }
    offset = arith::AddIOp::create(
        b, loc, arith::MulIOp::create(b, loc, offset, extent), at);
  }
  return arith::AddIOp::create(b, loc, g.slabs[s], offset);
}

/// Where a ghost buffer and its plan, made from `sizes`, go for a kernel at
/// `at`: above every loop and branch around it whose body does not define
/// one of the sizes. Made there, the buffer is allocated once for all the
/// sweeps of a time-step loop, not once per sweep.
Operation *ghostPlanPoint(Operation *at, ArrayRef<Value> sizes) {
  Operation *point = at;
  for (Operation *parent = at->getParentOp();
       isa<scf::ForOp, scf::WhileOp, scf::IfOp>(parent);
       parent = parent->getParentOp()) {
    bool inside = llvm::any_of(sizes, [&](Value v) {
      return !matchPattern(v, m_Constant()) &&
             parent->isAncestor(v.getParentRegion()->getParentOp());
    });
    if (inside)
      break;
    point = parent;
  }
  return point;
}

/// `values` usable at the builder's insertion point: constants are made
/// again there.
SmallVector<Value> constantsHere(OpBuilder &b, Location loc,
                                 ArrayRef<Value> values) {
  SmallVector<Value> here;
  for (Value v : values) {
    std::optional<int64_t> c = getConstantIntValue(v);
    here.push_back(c ? constIndex(b, loc, *c) : v);
  }
  return here;
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
      if (!shifts.empty() && shifts[d])
        iv = arith::AddIOp::create(b, loc, iv, constIndex(b, loc, shifts[d]));
      if (!bases.empty() && bases[d])
        iv = arith::AddIOp::create(b, loc, iv, bases[d]);
      index.push_back(iv);
    } else {
      Value k = coordinate(b, dims[d], ivs[dims[d]]);
      if (steps[d] != 1)
        k = arith::MulIOp::create(b, loc, k, constIndex(b, loc, steps[d]));
      Value i = isConstantIntValue(starts[d], 0)
                    ? k
                    : arith::AddIOp::create(b, loc, starts[d], k);
      // Starts and steps of a wrapping read are not negative.
      if (!wrap.empty() && wrap[d])
        i = arith::RemUIOp::create(b, loc, i,
                                   memref::DimOp::create(b, loc, buffer, d));
      index.push_back(i);
    }
  }
  if (!border || !haloArray)
    return memref::LoadOp::create(b, loc, buffer, index);
  // The chunk, or the slab of the first dimension along which the position
  // lies outside it.
  SmallVector<Value> sizes;
  for (unsigned d = 0; d < index.size(); ++d)
    sizes.push_back(memref::DimOp::create(b, loc, buffer, d));
  std::function<Value(OpBuilder &, unsigned)> select =
      [&](OpBuilder &b, unsigned s) -> Value {
    while (s < index.size() && !ghosts->dims[s])
      ++s;
    if (s == index.size())
      return memref::LoadOp::create(b, loc, buffer, index);
    auto branch = scf::IfOp::create(
        b, loc, outside(b, loc, index[s], sizes[s]),
        [&](OpBuilder &b, Location loc) {
          Value at = slabOffset(b, loc, *ghosts, sizes, index, s);
          scf::YieldOp::create(
              b, loc,
              memref::LoadOp::create(b, loc, ghosts->buffer, at).getResult());
        },
        [&](OpBuilder &b, Location loc) {
          scf::YieldOp::create(b, loc, select(b, s + 1));
        });
    return branch.getResult(0);
  };
  return select(b, 0);
}

void FunctionPartitioner::startGhosts(OpBuilder &b, Location loc,
                                      MutableArrayRef<InputRead> reads,
                                      const Frame &frame,
                                      DenseMap<Value, Ghosts> &ghosts) {
  for (const InputRead &read : reads) {
    if (!read.haloArray)
      continue;
    unsigned rank = read.shifts.size();
    auto [it, fresh] = ghosts.try_emplace(read.haloArray);
    Ghosts &g = it->second;
    if (fresh) {
      g.dims.assign(rank, false);
      g.minShift.assign(read.shifts.begin(), read.shifts.end());
      g.maxShift.assign(read.shifts.begin(), read.shifts.end());
    }
    g.bases = read.bases;
    g.periodic |= read.periodic;
    for (unsigned d = 0; d < rank; ++d) {
      g.minShift[d] = std::min(g.minShift[d], read.shifts[d]);
      g.maxShift[d] = std::max(g.maxShift[d], read.shifts[d]);
      g.dims[d] = g.dims[d] || read.shifts[d] || read.bases[d];
    }
  }
  Operation *at = &*b.getInsertionPoint();
  for (auto &[array, g] : ghosts) {
    Value buffer = mapping.lookup(array);
    unsigned rank = g.dims.size();
    bool based = llvm::any_of(g.bases, [](Value v) { return v; });
    // Per dimension with ghost cells, the iteration positions whose reads
    // stay in the chunk: i + shift + base in [0, size) for every shift.
    g.firstInside.assign(rank, nullptr);
    g.lastInside.assign(rank, nullptr);
    for (unsigned d = 0; d < rank; ++d) {
      if (!g.dims[d])
        continue;
      Value offsetLo = constIndex(b, loc, g.minShift[d]),
            offsetHi = constIndex(b, loc, g.maxShift[d]);
      if (g.bases[d]) {
        offsetLo = arith::AddIOp::create(b, loc, offsetLo, g.bases[d]);
        offsetHi = arith::AddIOp::create(b, loc, offsetHi, g.bases[d]);
      }
      g.firstInside[d] =
          arith::SubIOp::create(b, loc, constIndex(b, loc, 0), offsetLo);
      g.lastInside[d] = arith::SubIOp::create(
          b, loc, memref::DimOp::create(b, loc, buffer, d), offsetHi);
    }
    // Filled for an earlier kernel, wide enough, and still there.
    auto filled = filledGhosts.find(array);
    if (!based && filled != filledGhosts.end()) {
      auto [earlier, after] = filled->second;
      Operation *ancestor = after->getBlock()->findAncestorOpInBlock(*at);
      bool covers = !llvm::any_of(earlier.bases, [](Value v) { return v; }) &&
                    (earlier.periodic & g.periodic) == g.periodic;
      for (unsigned d = 0; covers && d < rank; ++d)
        covers = std::min<int64_t>(earlier.minShift[d], 0) <=
                     std::min<int64_t>(g.minShift[d], 0) &&
                 std::max<int64_t>(earlier.maxShift[d], 0) >=
                     std::max<int64_t>(g.maxShift[d], 0);
      if (covers && ancestor && after->isBeforeInBlock(ancestor)) {
        g.buffer = earlier.buffer;
        g.lo = earlier.lo;
        g.hi = earlier.hi;
        g.slabs = earlier.slabs;
        g.pending = false;
        continue;
      }
    }
    // One exchange per array, for all its shifted reads: the cells they
    // need around the chunk, by the runtime's plan, into a buffer made
    // before the loops around the kernel.
    auto type = cast<ArrayType>(getGlobalType(array));
    SmallVector<Value> sizes = getGlobalSizes(b, loc, array);
    SmallVector<Value> needed(sizes);
    if (based)
      llvm::append_range(needed, frame.extents);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(ghostPlanPoint(at, needed));
    Value handle = createLayoutHandle(b, loc, layoutOf(type),
                                      constantsHere(b, loc, sizes));
    Value iteration =
        based ? createLayoutHandle(b, loc, frame.layout,
                                   constantsHere(b, loc, frame.extents))
              : LLVM::ZeroOp::create(b, loc,
                                     LLVM::LLVMPointerType::get(b.getContext()))
                    .getResult();
    SmallVector<Value> shifts;
    for (unsigned d = 0; d < rank; ++d) {
      shifts.push_back(constI64(b, loc, g.minShift[d]));
      shifts.push_back(constI64(b, loc, g.maxShift[d]));
    }
    Value out = createEntryBuffer(b, loc, func, 3 * rank + 1);
    Value plan =
        runtime.call(b, loc, RuntimeFunction::dac_rt_ghost_plan,
                     {handle, iteration, createWordBuffer(b, loc, func, shifts),
                      constI64(b, loc, g.periodic), out});
    g.lo.clear();
    g.hi.clear();
    g.slabs.clear();
    for (unsigned d = 0; d < rank; ++d) {
      g.lo.push_back(toIndex(b, loc, loadWord(b, loc, out, 2 * d)));
      g.hi.push_back(toIndex(b, loc, loadWord(b, loc, out, 2 * d + 1)));
      g.slabs.push_back(toIndex(b, loc, loadWord(b, loc, out, 2 * rank + d)));
    }
    Value total = toIndex(b, loc, loadWord(b, loc, out, 3 * rank));
    g.buffer = memref::AllocOp::create(
        b, loc, MemRefType::get({ShapedType::kDynamic}, type.getElementType()),
        ValueRange{total});
    b.setInsertionPoint(at);
    g.ticket = runtime.call(
        b, loc, RuntimeFunction::dac_rt_exchange_start,
        {plan, getPointer(b, loc, buffer), getPointer(b, loc, g.buffer),
         constI64(b, loc, elementBytes(type.getElementType()))});
    InFlightDiagnostic remark = emitRemark(loc);
    remark << "halo: the cells of an array read here that lie next to each "
              "rank's part (shifts";
    StringRef separator = " ";
    for (unsigned d = 0; d < rank; ++d)
      if (g.dims[d]) {
        remark << separator << g.minShift[d] << ".." << g.maxShift[d]
               << " along dimension " << d;
        separator = ", ";
      }
    remark << (g.periodic ? ", wrapping around the edge" : "")
           << (based ? ", the array split over other extents" : "")
           << ") come from their owners, in one exchange overlapped with the "
              "positions that need none";
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
