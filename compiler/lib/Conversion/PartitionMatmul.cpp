//===- PartitionMatmul.cpp - dist.matmul per rank ------------------------===//
//
// A matrix product runs as one call of the runtime's local product
// (OpenBLAS for floats) on blocks the ranks already hold or are given:
//
// * contracted split (`[n, Y] @ [Y, n]`, replicated result): each rank
//   multiplies its columns of the left operand by its rows of the right
//   one; the partial products are summed over all ranks. Only the result
//   moves (one allreduce), which is the least when the contracted
//   dimension is the long one (a vector times a row-block matrix).
// * owner computes: the rank owning rows of the result (columns, when only
//   they are distributed) computes them from the matching rows of the left
//   operand and the whole right one (or the whole left one and the
//   matching columns of the right one). A row-block matrix times a vector
//   gathers the vector once and moves nothing else.
//
// * SUMMA, when the result is in blocks on a 2-D grid of ranks (see
//   runtime/lib/Summa.cpp).
// Stacks of matrices are split along the stack; each rank multiplies the
// matrices it holds.
//
// An operand found elsewhere is redistributed first (a remark says so); a
// result layout neither form produces (a 2-D grid) is computed row-block
// and redistributed.
//
//===----------------------------------------------------------------------===//

#include "Partition.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;
using namespace dac::partition;

LogicalResult FunctionPartitioner::lowerMatmul(MatmulOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  MLIRContext *ctx = b.getContext();
  Value lhs = op.getLhs(), rhs = op.getRhs();
  if (failed(requireLocal(op, {lhs, rhs}, "a product of an array")))
    return failure();
  auto lhsType = cast<ArrayType>(getGlobalType(lhs));
  auto rhsType = cast<ArrayType>(getGlobalType(rhs));
  auto type = cast<ArrayType>(op.getType());
  unsigned lhsRank = lhsType.getRank(), rhsRank = rhsType.getRank();
  SmallVector<Value> lhsSizes = getGlobalSizes(b, loc, lhs);
  SmallVector<Value> rhsSizes = getGlobalSizes(b, loc, rhs);
  SmallVector<Value> sizes = getGlobalSizes(b, loc, op.getResult());
  Value one = constIndex(b, loc, 1);
  DimAttr none = DimAttr::getNone(ctx);
  auto layoutWith = [&](ArrayRef<DimAttr> dims) {
    return LayoutAttr::get(ctx, dims, {});
  };
  // Global outer extents (1 for a vector side).
  Value m = lhsRank == 2 ? lhsSizes.front() : one;
  Value n = rhsRank == 2 ? rhsSizes.back() : one;
  Type elem = type.getElementType();
  Value zero = constIndex(b, loc, 0);
  // `count` products, the stack operands' matrices `aStride` (`xStride`)
  // elements apart.
  auto multiplyStack = [&](Value count, Value rows, Value cols, Value depth,
                           Value a, Value aStride, Value x, Value xStride,
                           Value c) {
    runtime.call(
        b, loc, RuntimeFunction::dac_rt_matmul,
        {arith::ConstantIntOp::create(
             b, loc, b.getI32Type(),
             static_cast<int32_t>(runtimeElementType(elem))),
         toI64(b, loc, count), toI64(b, loc, rows), toI64(b, loc, cols),
         toI64(b, loc, depth), getPointer(b, loc, a), toI64(b, loc, aStride),
         getPointer(b, loc, x), toI64(b, loc, xStride), getPointer(b, loc, c)});
  };
  auto multiply = [&](Value rows, Value cols, Value depth, Value a, Value x,
                      Value c) {
    multiplyStack(one, rows, cols, depth, a, zero, x, zero, c);
  };
  LayoutAttr layout = layoutOf(type);
  auto hasHalo = [](DimAttr d) { return d.getHaloLo() || d.getHaloHi(); };

  if (lhsRank == 3 || rhsRank == 3) {
    // Stacks split along the stack alone (as the result is, when that is
    // its only split; else block), each rank multiplying the matrices it
    // holds; an operand that is one matrix (or vector) is replicated.
    DimAttr stack = layout.getDims().front();
    if (!layout.getGrid().empty() || hasHalo(stack) ||
        layout.getNumDistributedDims() != (stack.isDistributed() ? 1u : 0u))
      stack = DimAttr::getBlock(ctx);
    auto stackLayout = [&](unsigned rank) {
      SmallVector<DimAttr> dims(rank, none);
      if (rank == 3)
        dims.front() = stack;
      return layoutWith(dims);
    };
    Value a = redistribute(b, loc, lhs, stackLayout(lhsRank),
                           "the left operand of this product");
    Value x = redistribute(b, loc, rhs, stackLayout(rhsRank),
                           "the right operand of this product");
    LayoutAttr computed = stackLayout(3);
    computed = layoutWith(computed.getDims().take_front(type.getRank()));
    Value c = allocLocal(b, loc, type.withLayout(computed), sizes);
    Value rows = lhsRank >= 2 ? lhsSizes[lhsRank - 2] : one;
    Value cols = rhsRank >= 2 ? rhsSizes.back() : one;
    Value depth = lhsSizes.back();
    auto stride = [&](unsigned rank, Value x, Value y) {
      return rank == 3 ? arith::MulIOp::create(b, loc, x, y).getResult() : zero;
    };
    multiplyStack(memref::DimOp::create(b, loc, c, 0), rows, cols, depth, a,
                  stride(lhsRank, rows, depth), x, stride(rhsRank, depth, cols),
                  c);
    if (computed != layout)
      c = redistribute(b, loc, type.withLayout(computed), sizes, c, layout,
                       "the result of this product");
    mapping.map(op.getResult(), c);
    return success();
  }

  DimAttr split = MatmulOp::getContractedSplit(lhsType, rhsType);
  if (split && layout.getNumDistributedDims() == 0) {
    SmallVector<DimAttr> lhsDims(lhsRank, none), rhsDims(rhsRank, none);
    lhsDims.back() = split;
    rhsDims.front() = split;
    Value a = redistribute(b, loc, lhs, layoutWith(lhsDims),
                           "the left operand of this product");
    Value x = redistribute(b, loc, rhs, layoutWith(rhsDims),
                           "the right operand of this product");
    Value c = allocLocal(b, loc, type, sizes);
    multiply(m, n, memref::DimOp::create(b, loc, a, lhsRank - 1), a, x, c);
    bool isBool = elem.isInteger(1);
    auto i32 = [&](int32_t v) {
      return arith::ConstantIntOp::create(b, loc, b.getI32Type(), v);
    };
    runtime.call(b, loc, RuntimeFunction::dac_rt_allreduce_array,
                 {getPointer(b, loc, c),
                  toI64(b, loc, arith::MulIOp::create(b, loc, m, n)),
                  i32(static_cast<int32_t>(runtimeElementType(elem))),
                  i32(static_cast<int32_t>(toRuntimeReduceOp(
                      isBool ? ReduceKind::Any : ReduceKind::Sum, isBool)))});
    InFlightDiagnostic remark = emitRemark(loc);
    remark << "allreduce: each rank multiplies its slices along the "
              "contracted dimension and the partial products are summed over "
              "all ranks";
    if (type.hasStaticShape())
      remark << " (" << type.getNumElements() * elementBytes(elem)
             << " bytes per rank)";
    mapping.map(op.getResult(), c);
    return success();
  }

  // A result of floats in blocks on a 2-D grid: SUMMA, in the runtime,
  // which brings the operands to the grid itself.
  auto inBlocks = [&](DimAttr d) {
    return d.getKind() == DimKind::Block && !hasHalo(d);
  };
  if (lhsRank == 2 && rhsRank == 2 && isa<FloatType>(elem) &&
      llvm::all_of(layout.getDims(), inBlocks)) {
    Value c = allocLocal(b, loc, type, sizes);
    runtime.call(b, loc, RuntimeFunction::dac_rt_summa,
                 {arith::ConstantIntOp::create(
                      b, loc, b.getI32Type(),
                      static_cast<int32_t>(runtimeElementType(elem))),
                  createLayoutHandle(b, loc, layoutOf(lhsType), lhsSizes),
                  getPointer(b, loc, mapping.lookup(lhs)),
                  createLayoutHandle(b, loc, layoutOf(rhsType), rhsSizes),
                  getPointer(b, loc, mapping.lookup(rhs)),
                  createLayoutHandle(b, loc, layout, sizes),
                  getPointer(b, loc, c)});
    emitRemark(loc) << "broadcast: the product runs on the result's 2-D "
                       "process grid (SUMMA): panels of the operands are "
                       "broadcast along its rows and columns";
    mapping.map(op.getResult(), c);
    return success();
  }

  // Owner computes, under the result's layout when it splits rows or
  // columns alone, else row-block and redistributed after.
  auto alone = [&](LayoutAttr l) {
    return l.getGrid().empty() && l.getNumDistributedDims() <= 1 &&
           llvm::none_of(l.getDims(), hasHalo);
  };
  LayoutAttr computed =
      alone(layout) ? layout : LayoutAttr::getDefault(ctx, type.getRank());
  DimAttr rows = lhsRank == 2 ? computed.getDims().front() : none;
  DimAttr cols = rhsRank == 2 ? computed.getDims().back() : none;
  SmallVector<DimAttr> lhsDims(lhsRank, none), rhsDims(rhsRank, none);
  if (cols.isDistributed())
    rhsDims.back() = cols;
  else if (lhsRank == 2)
    lhsDims.front() = rows;
  Value a = redistribute(b, loc, lhs, layoutWith(lhsDims),
                         "the left operand of this product");
  Value x = redistribute(b, loc, rhs, layoutWith(rhsDims),
                         "the right operand of this product");
  Value c = allocLocal(b, loc, type.withLayout(computed), sizes);
  multiply(lhsRank == 2 ? memref::DimOp::create(b, loc, a, 0) : one,
           rhsRank == 2 ? memref::DimOp::create(b, loc, x, 1) : one,
           lhsSizes.back(), a, x, c);
  if (computed != layout)
    c = redistribute(b, loc, type.withLayout(computed), sizes, c, layout,
                     "the result of this product");
  mapping.map(op.getResult(), c);
  return success();
}
