//===- DistOps.cpp - dist dialect operations ------------------------------===//

#include "dac/Dialect/Dist/IR/DistOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

using namespace mlir;
using namespace dac::dist;

/// Checks that `sizes` supplies exactly the dynamic extents of `type`.
static LogicalResult verifySizes(Operation *op, ArrayType type,
                                 ValueRange sizes) {
  int64_t dynamic = type.getNumDynamicDims();
  if (static_cast<int64_t>(sizes.size()) != dynamic)
    return op->emitOpError("expects ") << dynamic << " dynamic sizes for "
                                       << type << ", got " << sizes.size();
  return success();
}

/// Two layouts are compatible when either is still unassigned or both are
/// equal.
static bool compatibleLayouts(LayoutAttr a, LayoutAttr b) {
  return !a || !b || a == b;
}

LogicalResult RandomOp::verify() {
  auto type = cast<ArrayType>(getType());
  if (!type.getElementType().isF64())
    return emitOpError("produces f64 elements, not ") << type.getElementType();
  return verifySizes(*this, type, getSizes());
}

LogicalResult SampleOp::verify() {
  auto type = cast<ArrayType>(getResult().getType());
  Type element = type.getElementType();
  Sampling kind = getDistribution();
  bool legacy = kind == Sampling::LegacyUniform ||
                kind == Sampling::LegacyGauss ||
                kind == Sampling::LegacyIntegers;
  bool integers =
      kind == Sampling::Integers || kind == Sampling::LegacyIntegers;
  if (integers && !element.isInteger(64) && (legacy || !element.isInteger(32)))
    return emitOpError("draws integers as ")
           << (legacy ? "i64" : "i64 or i32") << ", not " << element;
  if (kind == Sampling::Uniform && !element.isF32())
    return emitOpError("draws f32 uniforms (f64 ones are dist.random), not ")
           << element;
  if (!integers && kind != Sampling::Uniform && !element.isF64())
    return emitOpError("draws ")
           << stringifySampling(kind) << " values as f64, not " << element;
  size_t params = (integers ? 2 : 0) + (legacy ? 1 : 0);
  if (getParams().size() != params)
    return emitOpError("expects ")
           << params << " parameters for " << stringifySampling(kind)
           << ", got " << getParams().size();
  return verifySizes(*this, type, getSizes());
}

LogicalResult FullOp::verify() {
  auto type = cast<ArrayType>(getType());
  if (getValue().getType() != type.getElementType())
    return emitOpError("fill value of type ")
           << getValue().getType() << " does not match element type "
           << type.getElementType();
  return verifySizes(*this, type, getSizes());
}

LogicalResult ArangeOp::verify() {
  auto type = cast<ArrayType>(getType());
  if (type.getRank() != 1)
    return emitOpError("produces a 1-D array, not rank ") << type.getRank();
  if (getStart().getType() != type.getElementType() ||
      getStep().getType() != type.getElementType())
    return emitOpError("start and step must have the element type ")
           << type.getElementType();
  return verifySizes(*this, type, getSizes());
}

LogicalResult MapOp::verify() {
  auto resultType = cast<ArrayType>(getType());
  if (getInputs().empty())
    return emitOpError("needs at least one input array");
  Block &body = getBody().front();
  if (body.getNumArguments() != getInputs().size())
    return emitOpError("body takes ")
           << body.getNumArguments() << " arguments for " << getInputs().size()
           << " inputs";
  for (auto [i, input] : llvm::enumerate(getInputs())) {
    auto type = cast<ArrayType>(input.getType());
    if (type.getShape() != resultType.getShape())
      return emitOpError("input ") << i << " has shape of " << type
                                   << " but the result is " << resultType;
    if (!compatibleLayouts(type.getLayout(), resultType.getLayout()))
      return emitOpError("input ") << i
                                   << " has another layout than the "
                                      "result";
    if (body.getArgument(i).getType() != type.getElementType())
      return emitOpError("body argument ")
             << i << " must have the element type " << type.getElementType();
  }
  // Checked, not assumed: the body's last op may be anything in IR as
  // written.
  auto yield = body.empty() ? YieldOp() : dyn_cast<YieldOp>(body.back());
  if (!yield)
    return emitOpError("body must end with dist.yield");
  if (yield.getValues().size() != 1 ||
      yield.getValues()[0].getType() != resultType.getElementType())
    return emitOpError("body must yield one ") << resultType.getElementType();
  return success();
}

LogicalResult ReduceOp::verify() {
  auto type = cast<ArrayType>(getInput().getType());
  if (getType() != type.getElementType())
    return emitOpError("result type ")
           << getType() << " must be the element type "
           << type.getElementType();
  ReduceKind kind = getKind();
  if ((kind == ReduceKind::All || kind == ReduceKind::Any) &&
      !getType().isInteger(1))
    return emitOpError("'all'/'any' reduce i1 arrays");
  return success();
}

LogicalResult ReduceDimsOp::verify() {
  auto in = cast<ArrayType>(getInput().getType());
  auto out = cast<ArrayType>(getType());
  ArrayRef<int64_t> dims = getDims();
  SmallVector<int64_t> expected;
  for (size_t i = 0; i < dims.size(); ++i) {
    if (dims[i] < 0 || dims[i] >= in.getRank())
      return emitOpError("dimension ")
             << dims[i] << " is out of range for rank " << in.getRank();
    if (i && dims[i] <= dims[i - 1])
      return emitOpError("dims must be sorted and distinct");
  }
  for (int64_t d = 0; d < in.getRank(); ++d)
    if (!llvm::is_contained(dims, d))
      expected.push_back(in.getShape()[d]);
  if (out.getShape() != ArrayRef<int64_t>(expected) ||
      out.getElementType() != in.getElementType())
    return emitOpError("result must be ")
           << in.getElementType() << " with the input's shape without dims";
  ReduceKind kind = getKind();
  if ((kind == ReduceKind::All || kind == ReduceKind::Any) &&
      !in.getElementType().isInteger(1))
    return emitOpError("'all'/'any' reduce i1 arrays");
  return success();
}

/// The mask rule of dist.compress and dist.expand: booleans of the shape
/// of the array read or written (`what`).
static LogicalResult verifyMask(Operation *op, Value maskValue, Value array,
                                StringRef what) {
  auto mask = cast<ArrayType>(maskValue.getType());
  auto type = cast<ArrayType>(array.getType());
  if (!mask.getElementType().isInteger(1))
    return op->emitOpError("needs a mask of booleans (i1)");
  if (mask.getRank() != type.getRank() ||
      failed(verifyCompatibleShape(mask.getShape(), type.getShape())))
    return op->emitOpError("needs a mask of the ") << what << "'s shape";
  return success();
}

LogicalResult CompressOp::verify() {
  auto source = cast<ArrayType>(getSource().getType());
  auto out = cast<ArrayType>(getType());
  if (failed(verifyMask(*this, getMask(), getSource(), "source")))
    return failure();
  int64_t rank = out.getRank(), dim = getDim();
  if (rank < 1 || rank > source.getRank() ||
      out.getElementType() != source.getElementType())
    return emitOpError("gives an array of the source's element type and of "
                       "1 to the source's number of dimensions");
  if (dim < 0 || dim >= rank)
    return emitOpError("selects along a dimension of the result, not ") << dim;
  // The result's other extents are the source's outside the selected ones.
  int64_t k = source.getRank() - rank + 1;
  for (int64_t d = 0; d < rank; ++d) {
    if (d == dim)
      continue;
    int64_t want = source.getShape()[d < dim ? d : d + k - 1];
    int64_t have = out.getShape()[d];
    if (!ShapedType::isDynamic(want) && !ShapedType::isDynamic(have) &&
        want != have)
      return emitOpError("extent ")
             << d << " of the result must be the source's " << want;
  }
  return success();
}

LogicalResult ExpandOp::verify() {
  auto values = cast<ArrayType>(getValues().getType());
  auto dest = cast<ArrayType>(getDest().getType());
  auto out = cast<ArrayType>(getType());
  if (failed(verifyMask(*this, getMask(), getDest(), "destination")))
    return failure();
  if (values.getRank() != 1 || values.getElementType() != dest.getElementType())
    return emitOpError("takes a 1-D array of the destination's element type");
  if (out.getShape() != dest.getShape() ||
      out.getElementType() != dest.getElementType())
    return emitOpError("gives an array of the destination's shape and type");
  return success();
}

LogicalResult ScanOp::verify() {
  auto in = cast<ArrayType>(getInput().getType());
  auto out = cast<ArrayType>(getType());
  if (in.getShape() != out.getShape() ||
      in.getElementType() != out.getElementType())
    return emitOpError("result must have the input's shape and element type");
  if (getDim() < 0 || getDim() >= in.getRank())
    return emitOpError("scans along a dimension of the input, not ")
           << getDim();
  ReduceKind kind = getKind();
  if (kind != ReduceKind::Sum && kind != ReduceKind::Prod &&
      kind != ReduceKind::Min && kind != ReduceKind::Max)
    return emitOpError("combines by sum, prod, min or max");
  if (in.getElementType().isInteger(1))
    return emitOpError("does not scan booleans");
  return success();
}

LayoutAttr dac::dist::rowsLayout(LayoutAttr indices, int64_t rowDims) {
  SmallVector<DimAttr> dims(indices.getDims());
  dims.append(rowDims, DimAttr::getNone(indices.getContext()));
  return LayoutAttr::get(indices.getContext(), dims, indices.getGrid());
}

LogicalResult TakeOp::verify() {
  auto source = cast<ArrayType>(getSource().getType());
  auto indices = cast<ArrayType>(getIndices().getType());
  auto out = cast<ArrayType>(getType());
  if (source.getRank() < 1)
    return emitOpError("reads an array of 1 or more dimensions");
  if (!indices.getElementType().isInteger(64) &&
      !indices.getElementType().isInteger(32))
    return emitOpError("indices must be 32- or 64-bit integers");
  SmallVector<int64_t> shape(indices.getShape());
  llvm::append_range(shape, source.getShape().drop_front());
  if (out.getElementType() != source.getElementType() ||
      out.getShape() != ArrayRef<int64_t>(shape))
    return emitOpError("result must have the source's element type and the "
                       "indices' shape followed by the source's other "
                       "extents");
  return success();
}

LogicalResult ScatterOp::verify() {
  auto values = cast<ArrayType>(getValues().getType());
  auto dest = cast<ArrayType>(getDest().getType());
  auto indices = cast<ArrayType>(getIndices().getType());
  if (dest.getRank() < 1)
    return emitOpError("writes an array of 1 or more dimensions");
  if (!indices.getElementType().isInteger(64) &&
      !indices.getElementType().isInteger(32))
    return emitOpError("indices must be 32- or 64-bit integers");
  SmallVector<int64_t> shape(indices.getShape());
  llvm::append_range(shape, dest.getShape().drop_front());
  if (values.getElementType() != dest.getElementType() ||
      values.getShape() != ArrayRef<int64_t>(shape))
    return emitOpError("values must have the destination's element type and "
                       "the indices' shape followed by the destination's "
                       "other extents");
  if (getType() != dest.withLayout(cast<ArrayType>(getType()).getLayout()) ||
      (dest.getLayout() && getType() != dest))
    return emitOpError("gives an array of the destination's type");
  return success();
}

LogicalResult ReshapeOp::verify() {
  auto in = cast<ArrayType>(getInput().getType());
  auto out = cast<ArrayType>(getType());
  if (in.getElementType() != out.getElementType())
    return emitOpError("result element type must be the input's");
  if (static_cast<int64_t>(getSizes().size()) != out.getNumDynamicDims())
    return emitOpError("needs one size for each '?' extent of the result");
  if (in.hasStaticShape() && out.hasStaticShape() &&
      in.getNumElements() != out.getNumElements())
    return emitOpError("cannot reshape ")
           << in.getNumElements() << " elements into " << out.getNumElements();
  return success();
}

LogicalResult CastOp::verify() {
  auto in = cast<ArrayType>(getSource().getType());
  auto out = cast<ArrayType>(getType());
  if (in.getElementType() != out.getElementType() ||
      in.getRank() != out.getRank())
    return emitOpError("result must have the source's element type and rank");
  if (in.getLayout() && out.getLayout() && in.getLayout() != out.getLayout())
    return emitOpError("result must have the source's layout");
  for (auto [d, from, to] : llvm::enumerate(in.getShape(), out.getShape()))
    if (!ShapedType::isDynamic(to) && from != to)
      return emitOpError("extent ")
             << d << " of the result must be the source's or '?'";
  if (getSizes().size() != static_cast<size_t>(out.getNumDynamicDims()))
    return emitOpError("needs one size for each '?' extent of the result");
  return success();
}

LogicalResult MatmulOp::verify() {
  auto lhs = cast<ArrayType>(getLhs().getType());
  auto rhs = cast<ArrayType>(getRhs().getType());
  auto out = cast<ArrayType>(getType());
  int64_t l = lhs.getRank(), r = rhs.getRank();
  if (l < 1 || l > 3 || r < 1 || r > 3 || l + r < 3)
    return emitOpError("multiplies arrays of 1 to 3 dimensions, at least "
                       "one a matrix or a stack of them, not ")
           << l << "-D by " << r << "-D";
  if (lhs.getElementType() != rhs.getElementType() ||
      out.getElementType() != lhs.getElementType())
    return emitOpError("operands and result must have one element type");
  int64_t kl = lhs.getShape().back(), kr = rhs.getShape()[r == 1 ? 0 : r - 2];
  if (!ShapedType::isDynamic(kl) && !ShapedType::isDynamic(kr) && kl != kr)
    return emitOpError("contracted extents differ: ") << kl << " and " << kr;
  // Stacks: one leading extent, the same on both sides when both have it.
  SmallVector<int64_t> expected;
  if (l == 3 && r == 3 && !ShapedType::isDynamic(lhs.getShape()[0]) &&
      !ShapedType::isDynamic(rhs.getShape()[0]) &&
      lhs.getShape()[0] != rhs.getShape()[0])
    return emitOpError("stacks of different lengths: ")
           << lhs.getShape()[0] << " and " << rhs.getShape()[0];
  if (l == 3 || r == 3)
    expected.push_back(l == 3 ? lhs.getShape()[0] : rhs.getShape()[0]);
  if (l >= 2)
    expected.push_back(lhs.getShape()[l - 2]);
  if (r >= 2)
    expected.push_back(rhs.getShape().back());
  if (out.getShape() != ArrayRef<int64_t>(expected))
    return emitOpError("result shape must be the stack's length and the "
                       "operands' outer extents");
  return success();
}

/// A layout, or the default one of its rank.
static LayoutAttr effectiveLayout(ArrayType type) {
  return type.getLayout()
             ? type.getLayout()
             : LayoutAttr::getDefault(type.getContext(), type.getRank());
}

DimAttr MatmulOp::getContractedSplit(ArrayType lhs, ArrayType rhs) {
  if (lhs.getRank() == 3 || rhs.getRank() == 3)
    return nullptr;
  LayoutAttr a = effectiveLayout(lhs), b = effectiveLayout(rhs);
  DimAttr ka = a.getDims().back(), kb = b.getDims().front();
  // Every other dimension whole on every rank, and no fixed grid (one
  // distributed dimension then spans all ranks on both sides).
  if (!a.getGrid().empty() || !b.getGrid().empty() ||
      a.getNumDistributedDims() > (ka.isDistributed() ? 1u : 0u) ||
      b.getNumDistributedDims() > (kb.isDistributed() ? 1u : 0u))
    return nullptr;
  // The split comes from the larger operand already split along it; the
  // other one is moved to it.
  bool lhsBigger = lhs.getRank() >= rhs.getRank();
  if (ka.isDistributed() && (lhsBigger || !kb.isDistributed()))
    return ka.getHaloLo() || ka.getHaloHi() ? nullptr : ka;
  if (kb.isDistributed())
    return kb.getHaloLo() || kb.getHaloHi() ? nullptr : kb;
  return nullptr;
}

LayoutAttr MatmulOp::inferResultLayout(ArrayType lhs, ArrayType rhs) {
  MLIRContext *ctx = lhs.getContext();
  unsigned rank = lhs.getRank() + rhs.getRank() - 2;
  DimAttr none = DimAttr::getNone(ctx);
  if (getContractedSplit(lhs, rhs))
    return LayoutAttr::get(ctx, SmallVector<DimAttr>(rank, none), {});
  // Two matrices, the left one in blocks on a 2-D grid: the result too
  // (SUMMA computes it there).
  LayoutAttr left = effectiveLayout(lhs);
  if (lhs.getRank() == 2 && rhs.getRank() == 2 &&
      llvm::all_of(left.getDims(), [](DimAttr d) {
        return d.getKind() == DimKind::Block && !d.getHaloLo() &&
               !d.getHaloHi();
      }))
    return LayoutAttr::get(
        ctx, {DimAttr::getBlock(ctx), DimAttr::getBlock(ctx)}, {});
  // The distribution of a row (column) dimension as it is in the operand,
  // when that is the operand's only split and it has no ghost cells.
  auto outer = [&](ArrayType type, unsigned d) {
    LayoutAttr layout = effectiveLayout(type);
    DimAttr dim = layout.getDims()[d];
    bool alone =
        layout.getGrid().empty() &&
        layout.getNumDistributedDims() == (dim.isDistributed() ? 1u : 0u);
    return alone && !dim.getHaloLo() && !dim.getHaloHi()
               ? dim
               : DimAttr::getBlock(ctx);
  };
  SmallVector<DimAttr> dims;
  if (lhs.getRank() == 3 || rhs.getRank() == 3) {
    // A stack: split along the stack as the (left) stack operand is.
    dims.push_back(outer(lhs.getRank() == 3 ? lhs : rhs, 0));
    dims.append((lhs.getRank() >= 2) + (rhs.getRank() >= 2), none);
  } else if (lhs.getRank() == 2) {
    dims.push_back(outer(lhs, 0));
    if (rhs.getRank() == 2)
      dims.push_back(none);
  } else {
    dims.push_back(outer(rhs, 1));
  }
  return LayoutAttr::get(ctx, dims, {});
}

/// Checks an access of an array of `rank` dimensions from an iteration
/// space of `iterRank` dimensions (see dist.gather and dist.insert).
static LogicalResult verifyAccess(Operation *op, int64_t rank, int64_t iterRank,
                                  ArrayRef<int64_t> staticStarts,
                                  ValueRange starts, ArrayRef<int64_t> steps,
                                  ArrayRef<int64_t> dims, bool cover) {
  if (failed(verifyListOfOperandsOrIntegers(op, "start", rank, staticStarts,
                                            starts)))
    return failure();
  if (static_cast<int64_t>(steps.size()) != rank ||
      static_cast<int64_t>(dims.size()) != rank)
    return op->emitOpError("needs one step and one dim per dimension of the "
                           "indexed array (")
           << rank << ")";
  SmallVector<int> uses(iterRank, 0);
  for (auto [step, dim] : llvm::zip(steps, dims)) {
    if (dim < -1 || dim >= iterRank)
      return op->emitOpError("dim ") << dim << " is out of range for "
                                     << iterRank << " iteration dimensions";
    if (dim >= 0) {
      ++uses[dim];
      if (cover && step == 0)
        return op->emitOpError("an inserted dimension needs a non-zero step");
    }
  }
  if (cover && llvm::any_of(uses, [](int n) { return n != 1; }))
    return op->emitOpError("every source dimension must be named exactly once");
  return success();
}

LogicalResult GatherOp::verify() {
  auto source = cast<ArrayType>(getSource().getType());
  auto result = cast<ArrayType>(getType());
  if (source.getElementType() != result.getElementType())
    return emitOpError("result element type must be the source's");
  if (failed(verifyListOfOperandsOrIntegers(*this, "size", result.getRank(),
                                            result.getShape(), getSizes())))
    return failure();
  if (failed(verifyAccess(*this, source.getRank(), result.getRank(),
                          getStaticStarts(), getStarts(), getSteps(), getDims(),
                          /*cover=*/false)))
    return failure();
  for (int64_t d : getWrap().value_or(ArrayRef<int64_t>{}))
    if (d < 0 || d >= source.getRank() || getDims()[d] < 0)
      return emitOpError("wrap names source dimensions read along a result "
                         "dimension, got ")
             << d;
  return success();
}

LayoutAttr GatherOp::inferResultLayout(ArrayType source,
                                       ArrayRef<int64_t> resultShape,
                                       ArrayRef<int64_t> steps,
                                       ArrayRef<int64_t> dims) {
  unsigned resultRank = resultShape.size();
  LayoutAttr layout = source.getLayout();
  auto fallback = LayoutAttr::getDefault(source.getContext(), resultRank);
  if (!layout || source.getRank() != resultRank ||
      layout.getNumDistributedDims() == 0)
    return fallback;
  for (auto [d, step, dim] : llvm::enumerate(steps, dims))
    if (step != 1 || dim != static_cast<int64_t>(d))
      return fallback;
  bool blocks = llvm::all_of(layout.getDims(), [](DimAttr dim) {
    return !dim.isDistributed() ||
           (dim.getKind() == DimKind::Block && dim.getBounds().empty());
  });
  if (!blocks)
    return fallback;
  // Ghost cells along a dimension the view may be shorter than (a halo
  // must fit its axis) are left out; reads of the source still find them.
  SmallVector<DimAttr> kept(layout.getDims());
  bool changed = false;
  for (auto [dim, extent] : llvm::zip(kept, resultShape)) {
    int64_t widest = std::max(dim.getHaloLo(), dim.getHaloHi());
    if (widest && (ShapedType::isDynamic(extent) || extent < widest)) {
      dim = DimAttr::getBlock(source.getContext());
      changed = true;
    }
  }
  return changed ? LayoutAttr::get(source.getContext(), kept, layout.getGrid())
                 : layout;
}

/// The static starts of a roll: a gather of an array of static extents, of
/// the same extents, every dimension along itself with step 1, starting
/// at 0 along the dimensions that do not wrap. Empty otherwise.
static SmallVector<int64_t> rollStarts(GatherOp op) {
  auto source = cast<ArrayType>(op.getSource().getType());
  auto result = cast<ArrayType>(op.getType());
  ArrayRef<int64_t> wrap = op.getWrap().value_or(ArrayRef<int64_t>{});
  if (!source.hasStaticShape() || source.getShape() != result.getShape() ||
      !op.getStarts().empty())
    return {};
  SmallVector<int64_t> starts;
  for (auto [d, start, step, dim] :
       llvm::enumerate(op.getStaticStarts(), op.getSteps(), op.getDims())) {
    if (step != 1 || dim != static_cast<int64_t>(d) ||
        (start != 0 && !llvm::is_contained(wrap, d)))
      return {};
    starts.push_back(start);
  }
  return starts;
}

/// A roll of a roll is one roll by the sum of the shifts.
static LogicalResult composeRolls(GatherOp op, GatherOp inner,
                                  PatternRewriter &rewriter) {
  SmallVector<int64_t> outer = rollStarts(op), first = rollStarts(inner);
  if (outer.empty() || first.empty())
    return failure();
  ArrayRef<int64_t> shape = cast<ArrayType>(op.getType()).getShape();
  SmallVector<int64_t> starts, wrap;
  for (unsigned d = 0; d < shape.size(); ++d) {
    starts.push_back(shape[d] ? (outer[d] + first[d]) % shape[d] : 0);
    if (starts.back())
      wrap.push_back(d);
  }
  rewriter.replaceOpWithNewOp<GatherOp>(
      op, op.getType(), inner.getSource(), ValueRange{}, starts, op.getSteps(),
      op.getDims(), op.getSizes(),
      wrap.empty() ? DenseI64ArrayAttr() : rewriter.getDenseI64ArrayAttr(wrap));
  return success();
}

LogicalResult GatherOp::canonicalize(GatherOp op, PatternRewriter &rewriter) {
  auto inner = op.getSource().getDefiningOp<GatherOp>();
  if (!inner)
    return failure();
  // Wrapping is modulo the source's extent: composable when both are
  // rolls (np.roll(np.roll(g, 1, 0), 1, 1)), not in general.
  if (op.getWrap() || inner.getWrap())
    return composeRolls(op, inner, rewriter);
  Location loc = op.getLoc();
  SmallVector<OpFoldResult> outerStarts =
      getMixedValues(op.getStaticStarts(), op.getStarts(), rewriter);
  SmallVector<OpFoldResult> innerStarts =
      getMixedValues(inner.getStaticStarts(), inner.getStarts(), rewriter);
  // a + s * b, folded when both are constants.
  auto affine = [&](OpFoldResult a, int64_t s, OpFoldResult b) -> OpFoldResult {
    std::optional<int64_t> ca = getConstantIntValue(a),
                           cb = getConstantIntValue(b);
    if (ca && cb)
      return rewriter.getIndexAttr(*ca + s * *cb);
    Value scaled = arith::MulIOp::create(
        rewriter, loc, getValueOrCreateConstantIndexOp(rewriter, loc, b),
        arith::ConstantIndexOp::create(rewriter, loc, s));
    return arith::AddIOp::create(
               rewriter, loc, getValueOrCreateConstantIndexOp(rewriter, loc, a),
               scaled)
        .getResult();
  };
  // Source index e of the inner gather as a function of the outer result's
  // position: through the outer access of the inner result's dimension.
  SmallVector<OpFoldResult> starts;
  SmallVector<int64_t> steps, dims;
  for (auto [e, innerDim] : llvm::enumerate(inner.getDims())) {
    int64_t innerStep = inner.getSteps()[e];
    if (innerDim < 0) {
      starts.push_back(innerStarts[e]);
      steps.push_back(innerStep);
      dims.push_back(-1);
      continue;
    }
    starts.push_back(affine(innerStarts[e], innerStep, outerStarts[innerDim]));
    int64_t outerDim = op.getDims()[innerDim];
    steps.push_back(outerDim < 0 ? innerStep
                                 : innerStep * op.getSteps()[innerDim]);
    dims.push_back(outerDim);
  }
  SmallVector<Value> dynamicStarts;
  SmallVector<int64_t> staticStarts;
  dispatchIndexOpFoldResults(starts, dynamicStarts, staticStarts);
  rewriter.replaceOpWithNewOp<GatherOp>(
      op, op.getType(), inner.getSource(), dynamicStarts, staticStarts, steps,
      dims, op.getSizes(), DenseI64ArrayAttr());
  return success();
}

LogicalResult ExtractOp::verify() {
  auto array = cast<ArrayType>(getArray().getType());
  if (static_cast<int64_t>(getIndices().size()) != array.getRank())
    return emitOpError("needs one index per dimension (")
           << array.getRank() << ")";
  if (getType() != array.getElementType())
    return emitOpError("result must be the element type ")
           << array.getElementType();
  return success();
}

LogicalResult InsertOp::verify() {
  auto source = cast<ArrayType>(getSource().getType());
  auto dest = cast<ArrayType>(getDest().getType());
  auto result = cast<ArrayType>(getType());
  if (source.getElementType() != dest.getElementType())
    return emitOpError("source and dest must have one element type");
  if (result.getShape() != dest.getShape() ||
      result.getElementType() != dest.getElementType())
    return emitOpError("result must have the dest's shape and element type");
  return verifyAccess(*this, dest.getRank(), source.getRank(),
                      getStaticStarts(), getStarts(), getSteps(), getDims(),
                      /*cover=*/true);
}

Block::BlockArgListType KernelOp::getIndexArgs() {
  return getBody().front().getArguments().take_front(getRank());
}

Block::BlockArgListType KernelOp::getInputArgs() {
  return getBody().front().getArguments().slice(getRank(), getInputs().size());
}

Block::BlockArgListType KernelOp::getDrawArgs() {
  return getBody().front().getArguments().take_back(getStreams().size());
}

std::optional<ReduceKind> KernelOp::getReductionKind(unsigned i) {
  if (auto kind = dyn_cast<ReduceKindAttr>(getReductions()[i]))
    return kind.getValue();
  return std::nullopt;
}

AccessAttr KernelOp::getInputAccess(unsigned i) {
  std::optional<ArrayAttr> accesses = getAccesses();
  return accesses ? dyn_cast<AccessAttr>((*accesses)[i]) : AccessAttr();
}

OperandRange KernelOp::getInputAccessStarts(unsigned i) {
  unsigned first = 0;
  for (unsigned j = 0; j < i; ++j)
    if (AccessAttr access = getInputAccess(j))
      first += access.getNumDynamicStarts();
  AccessAttr access = getInputAccess(i);
  unsigned count = access ? access.getNumDynamicStarts() : 0;
  return getAccessStarts().slice(first, count);
}

LogicalResult KernelOp::verify() {
  ArrayRef<int64_t> shape = getShape();
  if (failed(verifyListOfOperandsOrIntegers(*this, "size", shape.size(), shape,
                                            getSizes())))
    return failure();
  if (getLayout().getDims().size() != shape.size())
    return emitOpError("layout rank does not match the iteration space");
  if (getStreams().size() != getOffsets().size())
    return emitOpError("needs one offset per random stream");
  Block &body = getBody().front();
  size_t expectedArgs = shape.size() + getInputs().size() + getStreams().size();
  if (body.getNumArguments() != expectedArgs)
    return emitOpError("body takes ")
           << body.getNumArguments() << " arguments, expected " << expectedArgs
           << " (indices, input elements, draws)";
  for (BlockArgument arg : getIndexArgs())
    if (!arg.getType().isIndex())
      return emitOpError("position arguments must be 'index'");
  if (static_cast<bool>(getDest()) != getWindow().has_value())
    return emitOpError("an updated array and its window come together");
  if (Value dest = getDest()) {
    auto type = cast<ArrayType>(dest.getType());
    ArrayRef<int64_t> window = *getWindow();
    if (getNumResults() != 1 || type.getRank() != getRank() ||
        window.size() != shape.size())
      return emitOpError("updates one array of the iteration space's rank at "
                         "one window offset per dimension");
    for (auto [w, extent, full] : llvm::zip(window, shape, type.getShape()))
      if (w < 0 || (!ShapedType::isDynamic(extent) &&
                    !ShapedType::isDynamic(full) && w + extent > full))
        return emitOpError("window does not fit the updated array");
  }
  unsigned numStarts = 0;
  if (std::optional<ArrayAttr> accesses = getAccesses()) {
    if (accesses->size() != getInputs().size())
      return emitOpError("needs one access entry per input");
    for (Attribute entry : *accesses) {
      auto access = dyn_cast<AccessAttr>(entry);
      if (!access && !isa<UnitAttr>(entry))
        return emitOpError("access entries are #dist.access or unit");
      if (access)
        numStarts += access.getNumDynamicStarts();
    }
  }
  if (numStarts != getAccessStarts().size())
    return emitOpError("has ")
           << getAccessStarts().size() << " access starts, its accesses need "
           << numStarts;
  for (auto [i, input, arg] : llvm::enumerate(getInputs(), getInputArgs())) {
    auto type = cast<ArrayType>(input.getType());
    if (arg.getType() != type.getElementType())
      return emitOpError("input element argument has the wrong type");
    if (AccessAttr access = getInputAccess(i)) {
      if (access.getRank() != type.getRank())
        return emitOpError("access of input ")
               << i << " has " << access.getRank() << " dims for an array of "
               << type.getRank();
      for (int64_t d : access.getDims())
        if (d >= static_cast<int64_t>(shape.size()))
          return emitOpError("access of input ")
                 << i << " names iteration dimension " << d << " of "
                 << shape.size();
      continue;
    }
    // An input whose layout is not assigned yet gets the kernel's.
    if (type.getShape() != shape ||
        !compatibleLayouts(type.getLayout(), getLayout()))
      return emitOpError("input ")
             << type << " does not match the iteration space";
  }
  for (BlockArgument arg : getDrawArgs())
    if (!arg.getType().isF64())
      return emitOpError("draw arguments must be f64");
  auto yield = body.empty() ? YieldOp() : dyn_cast<YieldOp>(body.back());
  if (!yield)
    return emitOpError("body must end with dist.yield");
  if (yield.getValues().size() != getNumResults() ||
      getReductions().size() != getNumResults())
    return emitOpError("needs one yielded value and one reduction entry per "
                       "result");
  for (unsigned i = 0, e = getNumResults(); i < e; ++i) {
    Type resultType = getResult(i).getType();
    Type yielded = yield.getValues()[i].getType();
    Attribute red = getReductions()[i];
    if (auto array = dyn_cast<ArrayType>(resultType)) {
      if (!isa<UnitAttr>(red))
        return emitOpError("array result ") << i << " cannot be reduced";
      if (Value dest = getDest()) {
        if (array != dest.getType() || array.getElementType() != yielded)
          return emitOpError("the result must have the type of the array it "
                             "updates, and the body must yield its elements");
        continue;
      }
      if (array.getShape() != shape || array.getLayout() != getLayout() ||
          array.getElementType() != yielded)
        return emitOpError("array result ")
               << i << " does not match the iteration space or body";
      continue;
    }
    if (!isa<ReduceKindAttr>(red))
      return emitOpError("scalar result ") << i << " needs a #dist.reduce";
    if (resultType != yielded)
      return emitOpError("reduction result ")
             << i << " has type " << resultType << " but the body yields "
             << yielded;
  }
  return success();
}

LogicalResult AssertOp::verify() {
  if (getValues().empty())
    return success();
  size_t holes = 0;
  for (size_t at = getMessage().find("{}"); at != StringRef::npos;
       at = getMessage().find("{}", at + 2))
    ++holes;
  if (holes != getValues().size())
    return emitOpError("message has ")
           << holes << " '{}' for " << getValues().size() << " values";
  return success();
}

LogicalResult PrintOp::verify() {
  StringRef format = getFormat();
  size_t field = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if ((c == '{' || c == '}') && i + 1 < format.size() && format[i + 1] == c) {
      ++i;
      continue;
    }
    if (c == '}')
      return emitOpError("stray '}' in format (write '}}' for a literal "
                         "brace)");
    if (c != '{')
      continue;
    size_t close = format.find('}', i);
    if (close == StringRef::npos)
      return emitOpError("stray '{' in format (write '{{' for a literal "
                         "brace)");
    StringRef name = format.slice(i + 1, close);
    i = close;
    if (field >= getArgs().size())
      return emitOpError("format has more fields than the ")
             << getArgs().size() << " arguments given";
    bool isArray = isa<ArrayType>(getArgs()[field].getType());
    if (name.empty() && isArray)
      return emitOpError("field ") << field << " '{}' needs a scalar";
    bool isSpec = name.starts_with(":");
    if (isSpec && isArray)
      return emitOpError("field ")
             << field << " '{" << name << "}' needs a scalar";
    if (isSpec) {
      ++field;
      continue;
    }
    if (!name.empty() && name != "localshapes" && name != "grid" &&
        name != "array")
      return emitOpError("unknown field '{") << name << "}'";
    if (!name.empty() && !isArray)
      return emitOpError("field ")
             << field << " '{" << name << "}' needs an array";
    ++field;
  }
  if (field != getArgs().size())
    return emitOpError("format has ")
           << field << " fields but " << getArgs().size()
           << " arguments were given";
  return success();
}

#define GET_OP_CLASSES
#include "dac/Dialect/Dist/IR/DistOps.cpp.inc"
