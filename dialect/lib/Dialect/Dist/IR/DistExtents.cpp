//===- DistExtents.cpp - The run-time extents of dist arrays
//---------------===//
//
// dist::getDynamicSizes: the values an array's `?` extents were made with,
// found from the op that computes it; through loops (the array entering
// them, unless the loop changes its shape) and branches (the results both
// branches yield them as).
//
//===----------------------------------------------------------------------===//

#include "dac/Dialect/Dist/IR/DistOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace dac::dist;

/// A value an iteration of `loop` hands to a carried value, made by a
/// dist.cast inside the loop: the frontend's mark of an array whose shape
/// changes from one iteration to the next.
static bool castInside(Operation *loop, Value handed) {
  auto cast = handed.getDefiningOp<CastOp>();
  return cast && loop->isAncestor(cast);
}

/// Where a value carried by an scf loop comes from on the way in (the
/// loop's initial value, or for the body of an scf.while what its test
/// forwards), when its extents are that value's: not for an array whose
/// shape changes inside the loop (its uses go through a dist.cast naming
/// the extents the loop carries for it).
static Value carriedOrigin(Value v) {
  Operation *loop;
  Value origin, handed;
  if (auto arg = dyn_cast<BlockArgument>(v)) {
    loop = arg.getOwner()->getParentOp();
    unsigned i = arg.getArgNumber();
    if (auto forOp = dyn_cast_or_null<scf::ForOp>(loop)) {
      if (i == 0)
        return nullptr;
      origin = forOp.getInitArgs()[i - 1];
      handed = forOp.getBody()->getTerminator()->getOperand(i - 1);
    } else if (auto whileOp = dyn_cast_or_null<scf::WhileOp>(loop)) {
      bool before = arg.getOwner() == whileOp.getBeforeBody();
      origin = before ? whileOp.getInits()[i]
                      : whileOp.getConditionOp().getArgs()[i];
      handed = before ? whileOp.getYieldOp().getOperand(i) : origin;
    } else {
      return nullptr;
    }
  } else {
    auto result = cast<OpResult>(v);
    loop = result.getOwner();
    unsigned i = result.getResultNumber();
    if (auto forOp = dyn_cast<scf::ForOp>(loop)) {
      origin = forOp.getInitArgs()[i];
      handed = forOp.getBody()->getTerminator()->getOperand(i);
    } else if (auto whileOp = dyn_cast<scf::WhileOp>(loop)) {
      origin = handed = whileOp.getConditionOp().getArgs()[i];
    } else {
      return nullptr;
    }
  }
  return castInside(loop, handed) ? nullptr : origin;
}

Value dac::dist::branchExtent(Operation *op, Value thenExtent,
                              Value elseExtent) {
  auto branch = cast<scf::IfOp>(op);
  if (thenExtent == elseExtent &&
      !branch->isAncestor(thenExtent.getParentRegion()->getParentOp()))
    return thenExtent;
  for (auto [i, pair] : llvm::enumerate(llvm::zip(
           branch.thenYield().getOperands(), branch.elseYield().getOperands())))
    if (std::get<0>(pair) == thenExtent && std::get<1>(pair) == elseExtent)
      return branch.getResult(i);
  return nullptr;
}

/// The extents of a result of an scf.if (see branchExtent).
static FailureOr<SmallVector<Value>> branchSizes(scf::IfOp branch,
                                                 unsigned index) {
  if (!branch.elseBlock())
    return failure();
  auto thenSizes = getDynamicSizes(branch.thenYield().getOperands()[index]);
  auto elseSizes = getDynamicSizes(branch.elseYield().getOperands()[index]);
  if (failed(thenSizes) || failed(elseSizes) ||
      thenSizes->size() != elseSizes->size())
    return failure();
  SmallVector<Value> sizes;
  for (auto [t, e] : llvm::zip(*thenSizes, *elseSizes)) {
    Value extent = branchExtent(branch, t, e);
    if (!extent)
      return failure();
    sizes.push_back(extent);
  }
  return sizes;
}

FailureOr<SmallVector<Value>> dac::dist::getDynamicSizes(Value array) {
  while (Value origin = carriedOrigin(array))
    array = origin;
  if (auto result = dyn_cast<OpResult>(array))
    if (auto branch = dyn_cast<scf::IfOp>(result.getOwner())) {
      if (cast<ArrayType>(array.getType()).getNumDynamicDims() == 0)
        return SmallVector<Value>();
      return branchSizes(branch, result.getResultNumber());
    }
  auto type = dyn_cast<ArrayType>(array.getType());
  if (!type)
    return failure();
  if (type.getNumDynamicDims() == 0)
    return SmallVector<Value>();
  Operation *def = array.getDefiningOp();
  if (!def)
    return failure();
  if (auto op = dyn_cast<RandomOp>(def))
    return SmallVector<Value>(op.getSizes());
  if (auto op = dyn_cast<SampleOp>(def))
    return SmallVector<Value>(op.getSizes());
  if (auto op = dyn_cast<FullOp>(def))
    return SmallVector<Value>(op.getSizes());
  if (auto op = dyn_cast<ArangeOp>(def))
    return SmallVector<Value>(op.getSizes());
  if (auto op = dyn_cast<KernelOp>(def))
    return op.getDest() ? getDynamicSizes(op.getDest())
                        : FailureOr<SmallVector<Value>>(
                              SmallVector<Value>(op.getSizes()));
  if (auto op = dyn_cast<GatherOp>(def))
    return SmallVector<Value>(op.getSizes());
  if (auto op = dyn_cast<CastOp>(def))
    return SmallVector<Value>(op.getSizes());
  if (auto op = dyn_cast<InsertOp>(def))
    return getDynamicSizes(op.getDest());
  if (auto op = dyn_cast<ExpandOp>(def))
    return getDynamicSizes(op.getDest());
  if (auto op = dyn_cast<ScatterOp>(def))
    return getDynamicSizes(op.getDest());
  if (auto op = dyn_cast<ScanOp>(def))
    return getDynamicSizes(op.getInput());
  if (auto op = dyn_cast<MapOp>(def))
    return getDynamicSizes(op.getInputs().front());
  if (auto op = dyn_cast<ReshapeOp>(def))
    return SmallVector<Value>(op.getSizes());
  if (auto op = dyn_cast<TakeOp>(def)) {
    // The indices' extents, then the source's after its first.
    FailureOr<SmallVector<Value>> sizes = getDynamicSizes(op.getIndices());
    auto source = cast<ArrayType>(op.getSource().getType());
    if (failed(sizes) ||
        llvm::none_of(source.getShape().drop_front(), ShapedType::isDynamic))
      return sizes;
    FailureOr<SmallVector<Value>> inner = getDynamicSizes(op.getSource());
    if (failed(inner))
      return failure();
    bool firstDynamic = ShapedType::isDynamic(source.getShape()[0]);
    llvm::append_range(
        *sizes, ArrayRef<Value>(*inner).drop_front(firstDynamic ? 1 : 0));
    return sizes;
  }
  if (auto op = dyn_cast<CompressOp>(def)) {
    // The count along `dim`; the source's extents along the others.
    auto source = cast<ArrayType>(op.getSource().getType());
    int64_t dim = op.getDim(), k = source.getRank() - type.getRank() + 1;
    FailureOr<SmallVector<Value>> inner = getDynamicSizes(op.getSource());
    if (failed(inner))
      return failure();
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < type.getRank(); ++d) {
      if (!ShapedType::isDynamic(type.getShape()[d]))
        continue;
      if (d == dim) {
        sizes.push_back(op.getCount());
        continue;
      }
      int64_t from = d < dim ? d : d + k - 1;
      if (!ShapedType::isDynamic(source.getShape()[from]))
        return failure();
      sizes.push_back((*inner)[llvm::count_if(
          source.getShape().take_front(from), ShapedType::isDynamic)]);
    }
    return sizes;
  }
  if (auto op = dyn_cast<MatmulOp>(def)) {
    // The result's extents come from the operands (the stack's length, the
    // rows of lhs, the columns of rhs); the dynamic ones, in order.
    Value lhs = op.getLhs(), rhs = op.getRhs();
    int64_t l = cast<ArrayType>(lhs.getType()).getRank(),
            r = cast<ArrayType>(rhs.getType()).getRank();
    SmallVector<std::pair<Value, int64_t>> sources;
    if (l == 3 || r == 3)
      sources.push_back({l == 3 ? lhs : rhs, 0});
    if (l >= 2)
      sources.push_back({lhs, l - 2});
    if (r >= 2)
      sources.push_back({rhs, r - 1});
    SmallVector<Value> sizes;
    for (auto [operand, d] : sources) {
      ArrayRef<int64_t> shape = cast<ArrayType>(operand.getType()).getShape();
      if (!ShapedType::isDynamic(shape[d]))
        continue;
      FailureOr<SmallVector<Value>> inner = getDynamicSizes(operand);
      if (failed(inner))
        return failure();
      sizes.push_back(
          (*inner)[llvm::count_if(shape.take_front(d), ShapedType::isDynamic)]);
    }
    return sizes;
  }
  if (auto op = dyn_cast<ReduceDimsOp>(def)) {
    // The input's dynamic extents, less the reduced dimensions.
    auto inType = cast<ArrayType>(op.getInput().getType());
    FailureOr<SmallVector<Value>> inner = getDynamicSizes(op.getInput());
    if (failed(inner))
      return failure();
    SmallVector<Value> sizes;
    unsigned next = 0;
    for (int64_t d = 0; d < inType.getRank(); ++d) {
      if (!ShapedType::isDynamic(inType.getShape()[d]))
        continue;
      Value size = (*inner)[next++];
      if (!llvm::is_contained(op.getDims(), d))
        sizes.push_back(size);
    }
    return sizes;
  }
  return failure();
}
