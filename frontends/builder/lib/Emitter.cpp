//===- Emitter.cpp - Scalars, conversions, creation, random, reductions ---===//

#include "dac/Builder/Emitter.h"
#include "PositionKernel.h"

#include <cmath>

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"

using namespace mlir;
using namespace dac;
using namespace dac::builder;
using namespace dac::dist;

void dac::builder::compileError(const llvm::Twine &message) {
  throw CompileError(message.str());
}

ValueRef Emitter::intConst(int64_t v) {
  return PyValue::scalar(
      arith::ConstantIntOp::create(b, loc, b.getI64Type(), v), DType::Int64,
      true);
}

ValueRef Emitter::intValue(Value index) {
  return PyValue::scalar(
      arith::IndexCastOp::create(b, loc, b.getI64Type(), index), DType::Int64,
      true);
}

ValueRef Emitter::slice(ValueRef start, ValueRef stop, ValueRef step) {
  auto v = std::make_shared<PyValue>();
  v->kind = PyValue::Kind::Slice;
  for (ValueRef part : {start, stop, step})
    v->items.push_back(part ? part : PyValue::none());
  return v;
}

ValueRef Emitter::along(size_t rank, size_t axis, ValueRef item) {
  std::vector<ValueRef> items;
  for (size_t d = 0; d < rank; ++d)
    items.push_back(d == axis ? item : slice(nullptr, nullptr));
  return PyValue::tuple(items);
}

ValueRef Emitter::floatConst(double v) {
  return PyValue::scalar(
      arith::ConstantOp::create(b, loc, b.getF64FloatAttr(v)), DType::Float64,
      true);
}

ValueRef Emitter::boolConst(bool v) {
  return PyValue::scalar(arith::ConstantIntOp::create(b, loc, b.getI1Type(), v),
                         DType::Bool, true);
}

Value Emitter::index(int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

std::optional<int64_t> Emitter::getConstInt(const ValueRef &v) {
  if (!v || !v->is(PyValue::Kind::Scalar) || isFloat(v->dtype))
    return std::nullopt;
  std::optional<int64_t> c = getConstantIntValue(v->value);
  // A true i1 reads as -1; Python's and NumPy's True is 1.
  if (c && v->dtype == DType::Bool)
    return *c != 0;
  return c;
}

std::optional<double> Emitter::getConstFloat(const ValueRef &v) {
  if (!v || !v->is(PyValue::Kind::Scalar))
    return std::nullopt;
  if (auto i = getConstInt(v))
    return static_cast<double>(*i);
  if (auto c = v->value.getDefiningOp<arith::ConstantOp>())
    if (auto f = dyn_cast<FloatAttr>(c.getValue()))
      return f.getValueAsDouble();
  return std::nullopt;
}

Value Emitter::fold(Value v) { return fold(v, 0); }

Value Emitter::fold(Value v, unsigned depth) {
  Operation *op = v.getDefiningOp();
  // Values made of constants are folded as they are made, so deep chains
  // of unfolded operands are values known only at run time: the depth
  // bound keeps a long one (a sum over a 200,000-element list) from
  // exhausting the stack.
  if (!op || op->getNumResults() != 1 || op->getNumRegions() != 0 ||
      isa<arith::ConstantOp>(op) || !isPure(op) || depth > 64)
    return v;
  SmallVector<Attribute> operands;
  for (unsigned i = 0; i < op->getNumOperands(); ++i) {
    Value operand = fold(op->getOperand(i), depth + 1);
    Attribute attr;
    if (!matchPattern(operand, m_Constant(&attr)))
      return v;
    operands.push_back(attr);
  }
  SmallVector<OpFoldResult> results;
  if (failed(op->fold(operands, results)) || results.size() != 1)
    return v;
  Value folded = dyn_cast<Value>(results[0]);
  if (!folded) {
    auto attr = dyn_cast<TypedAttr>(cast<Attribute>(results[0]));
    if (!attr)
      return v;
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(op);
    Operation *c = op->getDialect()->materializeConstant(
        b, attr, attr.getType(), op->getLoc());
    if (!c)
      return v;
    folded = c->getResult(0);
  }
  v.replaceAllUsesWith(folded);
  op->erase();
  return folded;
}

Value Emitter::convert(OpBuilder &b, Location loc, Value v, DType from,
                       DType to) {
  if (from == to)
    return v;
  Type target = getMLIRType(b, to);
  if (to == DType::Bool) {
    if (isFloat(from)) {
      Value zero = b.createOrFold<arith::ConstantOp>(
          loc, b.getFloatAttr(v.getType(), 0));
      return b.createOrFold<arith::CmpFOp>(loc, arith::CmpFPredicate::UNE, v,
                                           zero);
    }
    Value zero = b.createOrFold<arith::ConstantIntOp>(loc, v.getType(), 0);
    return b.createOrFold<arith::CmpIOp>(loc, arith::CmpIPredicate::ne, v,
                                         zero);
  }
  if (from == DType::Bool)
    return isFloat(to) ? b.createOrFold<arith::UIToFPOp>(loc, target, v)
                       : b.createOrFold<arith::ExtUIOp>(loc, target, v);
  if (isFloat(from) && isFloat(to))
    return to == DType::Float64
               ? b.createOrFold<arith::ExtFOp>(loc, target, v)
               : b.createOrFold<arith::TruncFOp>(loc, target, v);
  if (isFloat(to))
    return b.createOrFold<arith::SIToFPOp>(loc, target, v);
  if (isFloat(from)) {
    // As NumPy on x86-64: NaN, infinities and values out of the integer's
    // range give its smallest value (LLVM's conversion would be poison).
    unsigned width = target.getIntOrFloatBitWidth();
    double limit = std::ldexp(1.0, static_cast<int>(width) - 1);
    auto bound = [&](double x) {
      return b.createOrFold<arith::ConstantOp>(loc,
                                               b.getFloatAttr(v.getType(), x));
    };
    Value above = b.createOrFold<arith::CmpFOp>(loc, arith::CmpFPredicate::OGT,
                                                v, bound(-limit - 1.0));
    Value below = b.createOrFold<arith::CmpFOp>(loc, arith::CmpFPredicate::OLT,
                                                v, bound(limit));
    Value inRange = b.createOrFold<arith::AndIOp>(loc, above, below);
    Value safe = b.createOrFold<arith::SelectOp>(loc, inRange, v, bound(0.0));
    Value smallest = b.createOrFold<arith::ConstantIntOp>(
        loc, target, APInt::getSignedMinValue(width).getSExtValue());
    return b.createOrFold<arith::SelectOp>(
        loc, inRange, b.createOrFold<arith::FPToSIOp>(loc, target, safe),
        smallest);
  }
  return to == DType::Int64 ? b.createOrFold<arith::ExtSIOp>(loc, target, v)
                            : b.createOrFold<arith::TruncIOp>(loc, target, v);
}

ValueRef Emitter::castScalar(const ValueRef &v, DType to, bool isPython) {
  if (v->isPython && isFloat(v->dtype) &&
      (to == DType::Int64 || to == DType::Int32)) {
    // NumPy stores a Python float into an integer through Python's int():
    // nan and inf raise, so does a value beyond int64 (C long); int32
    // then keeps the low 32 bits. (NumPy's own floats are C casts.)
    Value x = fold(convert(b, loc, v->value, v->dtype, DType::Float64));
    auto f64 = [&](double c) -> Value {
      return arith::ConstantOp::create(b, loc, b.getF64FloatAttr(c));
    };
    require(arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ORD, x, x),
            "ValueError: cannot convert float NaN to integer");
    Value size = fold(math::AbsFOp::create(b, loc, x));
    require(arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ONE, size,
                                  f64(INFINITY)),
            "OverflowError: cannot convert float infinity to integer");
    Value fits = fold(arith::CmpFOp::create(
        b, loc, arith::CmpFPredicate::OLT,
        fold(math::TruncOp::create(b, loc, x)), f64(0x1p63)));
    fits = fold(arith::AndIOp::create(
        b, loc, fits,
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE, x,
                              f64(-0x1p63))));
    require(fits, "OverflowError: Python int too large to convert to C long");
    Value safe = fold(arith::SelectOp::create(b, loc, fits, x, f64(0.0)));
    Value wide = fold(convert(b, loc, safe, DType::Float64, DType::Int64));
    return PyValue::scalar(fold(convert(b, loc, wide, DType::Int64, to)), to,
                           isPython);
  }
  return PyValue::scalar(convert(b, loc, v->value, v->dtype, to), to, isPython);
}

ValueRef Emitter::castArray(const ValueRef &array, DType to) {
  if (array->dtype == to)
    return array;
  DType from = array->dtype;
  return elementwise({array}, from, to,
                     [&](OpBuilder &b, Location loc, ArrayRef<Value> e) {
                       return convert(b, loc, e[0], from, to);
                     });
}

ValueRef Emitter::castInPlace(const ValueRef &result, DType to) {
  if (result->dtype == to)
    return result;
  // same_kind: bool < integers < floats; a result of a higher kind cannot
  // go back into the array.
  auto kind = [](DType t) { return isFloat(t) ? 2 : t == DType::Bool ? 0 : 1; };
  if (kind(result->dtype) > kind(to))
    compileError(std::string("Cannot cast ufunc output from dtype('") +
                 getDTypeName(result->dtype) + "') to dtype('" +
                 getDTypeName(to) + "') with casting rule 'same_kind'");
  return castArray(result, to);
}

Value Emitter::truth(const ValueRef &v) {
  if (v->is(PyValue::Kind::Scalar))
    return convert(b, loc, v->value, v->dtype, DType::Bool);
  if (v->is(PyValue::Kind::None))
    return boolConst(false)->value;
  if (v->is(PyValue::Kind::String))
    return boolConst(!v->name.empty())->value;
  if (v->is(PyValue::Kind::Tuple))
    return boolConst(!v->items.empty())->value;
  if (v->is(PyValue::Kind::Array))
    compileError("the truth value of an array is ambiguous; use a.any() or "
                 "a.all()");
  return boolConst(true)->value;
}

Value Emitter::toI64(const ValueRef &v, StringRef what) {
  if (!v->is(PyValue::Kind::Scalar) || isFloat(v->dtype))
    compileError(what + " must be an integer, not " + v->describe());
  return convert(b, loc, v->value, v->dtype, DType::Int64);
}

Value Emitter::callLibm(OpBuilder &b, Location loc, StringRef name,
                        ArrayRef<Value> args) {
  auto fn = module.lookupSymbol<func::FuncOp>(name);
  if (!fn) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    SmallVector<Type> types;
    for (Value a : args)
      types.push_back(a.getType());
    fn = func::FuncOp::create(b, loc, name,
                              b.getFunctionType(types, args[0].getType()));
    fn.setPrivate();
  }
  return func::CallOp::create(b, loc, fn, args).getResult(0);
}

//===----------------------------------------------------------------------===//
// Shapes and creation
//===----------------------------------------------------------------------===//

Type Emitter::arrayType(ArrayRef<Value> shape, DType type, LayoutAttr layout) {
  SmallVector<int64_t> dims;
  for (Value d : shape)
    dims.push_back(getConstantIntValue(d).value_or(ShapedType::kDynamic));
  return ArrayType::get(b.getContext(), dims, getMLIRType(b, type), layout);
}

SmallVector<Value> Emitter::dynamicSizes(ArrayRef<Value> shape) {
  SmallVector<Value> sizes;
  for (Value d : shape)
    if (!getConstantIntValue(d))
      sizes.push_back(d);
  return sizes;
}

Value Emitter::numElements(ArrayRef<Value> shape) {
  Value n = index(1);
  for (Value d : shape)
    n = arith::MulIOp::create(b, loc, n, d);
  return n;
}

std::vector<Value> Emitter::shapeFrom(const ValueRef &arg, bool forReshape) {
  std::vector<ValueRef> items;
  if (arg->is(PyValue::Kind::Tuple) || arg->is(PyValue::Kind::List))
    items = arg->items;
  else
    items.push_back(arg);
  std::vector<Value> shape;
  for (const ValueRef &item : items) {
    if (!item->is(PyValue::Kind::Scalar) || isFloat(item->dtype) ||
        item->dtype == DType::Bool)
      compileError(forReshape ? "'" + item->describe() +
                                    "' object cannot be interpreted as an "
                                    "integer"
                              : "array dimensions must be integers, not " +
                                    item->describe());
    if (auto c = getConstInt(item); c && *c < 0 && !forReshape)
      compileError("negative dimensions are not allowed");
    Value i64 = fold(convert(b, loc, item->value, item->dtype, DType::Int64));
    if (!getConstantIntValue(i64) && !forReshape)
      emitAssert(arith::CmpIOp::create(
                     b, loc, arith::CmpIPredicate::sge, i64,
                     arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0)),
                 "negative dimensions are not allowed");
    shape.push_back(
        b.createOrFold<arith::IndexCastOp>(loc, b.getIndexType(), i64));
  }
  for (Value &d : shape)
    if (auto c = getConstantIntValue(d))
      d = index(*c);
  return shape;
}

ValueRef Emitter::full(std::vector<Value> shape, const ValueRef &value,
                       DType type, LayoutAttr layout) {
  if (!value->is(PyValue::Kind::Scalar))
    compileError("fill value must be a number, not " + value->describe());
  checkSize(shape, type);
  Value v = convert(b, loc, value->value, value->dtype, type);
  Value array = FullOp::create(b, loc, arrayType(shape, type, layout), v,
                               Emitter::dynamicSizes(shape));
  return PyValue::array(array, type, std::move(shape));
}

ValueRef Emitter::arange(const ValueRef &start, const ValueRef &stop,
                         const ValueRef &step, std::optional<DType> type,
                         LayoutAttr layout) {
  for (const ValueRef &v : {start, stop, step})
    if (!v->is(PyValue::Kind::Scalar))
      compileError("arange expects numbers, not " + v->describe());
  bool anyFloat =
      isFloat(start->dtype) || isFloat(stop->dtype) || isFloat(step->dtype);
  DType computed = anyFloat ? DType::Float64 : DType::Int64;
  DType result = type.value_or(computed);
  Value count;
  Value zero = arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0);
  // NumPy's errors: a zero step, a length that is nan or beyond int64.
  // (Values are folded before the checks read them: a check folds what it
  // reads.)
  if (anyFloat) {
    // len = ceil((stop - start) / step), as NumPy computes it in doubles.
    auto f = [&](const ValueRef &v) {
      return fold(convert(b, loc, v->value, v->dtype, DType::Float64));
    };
    auto f64 = [&](double v) -> Value {
      return arith::ConstantOp::create(b, loc, b.getF64FloatAttr(v));
    };
    Value by = f(step);
    require(
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, by, f64(0.0)),
        "ZeroDivisionError: float division by zero");
    Value span = fold(arith::SubFOp::create(b, loc, f(stop), f(start)));
    Value q = fold(arith::DivFOp::create(b, loc, span, by));
    require(arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ORD, q, q),
            "ValueError: arange: cannot compute length");
    Value c = fold(math::CeilOp::create(b, loc, q));
    Value fits = fold(arith::CmpFOp::create(
        b, loc, arith::CmpFPredicate::OLT,
        fold(math::AbsFOp::create(b, loc, c)), f64(0x1p63)));
    require(fits, "ValueError: Maximum allowed size exceeded");
    // (never an out-of-range conversion, even where the check stops)
    c = fold(arith::SelectOp::create(b, loc, fits, c, f64(0.0)));
    count = arith::FPToSIOp::create(b, loc, b.getI64Type(), c);
  } else {
    Value lo = toI64(start, "start"), hi = toI64(stop, "stop"),
          st = fold(toI64(step, "step"));
    Value nonZero =
        fold(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, st, zero));
    require(nonZero, "ZeroDivisionError: division by zero");
    st = fold(arith::SelectOp::create(
        b, loc, nonZero, st,
        arith::ConstantIntOp::create(b, loc, b.getI64Type(), 1)));
    // ceil((hi - lo) / st) for either sign of st.
    Value span = arith::SubIOp::create(b, loc, hi, lo);
    count = arith::CeilDivSIOp::create(b, loc, span, st);
  }
  count = fold(arith::MaxSIOp::create(b, loc, count, zero));
  Value size =
      fold(arith::IndexCastOp::create(b, loc, b.getIndexType(), count));
  if (auto c = getConstantIntValue(size))
    size = index(*c);
  std::vector<Value> shape = {size};
  checkSize(shape, result);
  // NumPy computes the first two elements in the computation type, then
  // fills in the result type.
  Value s0 = convert(b, loc, start->value, start->dtype, computed);
  Value st = convert(b, loc, step->value, step->dtype, computed);
  s0 = convert(b, loc, s0, computed, result);
  st = convert(b, loc, st, computed, result);
  Value array = ArangeOp::create(b, loc, arrayType(shape, result, layout), s0,
                                 st, Emitter::dynamicSizes(shape));
  return PyValue::array(array, result, shape);
}

ValueRef Emitter::linspace(const ValueRef &start, const ValueRef &stop,
                           int64_t num, bool endpoint,
                           std::optional<DType> type, LayoutAttr layout) {
  if (num < 0)
    compileError("linspace: number of samples must be non-negative");
  // NumPy: step = (stop - start) / div; y = arange(num) * step + start;
  // the last element is set to stop when endpoint.
  Value s = convert(b, loc, start->value, start->dtype, DType::Float64);
  Value e = convert(b, loc, stop->value, stop->dtype, DType::Float64);
  int64_t div = endpoint ? num - 1 : num;
  ValueRef idx =
      arange(intConst(0), intConst(num), intConst(1), DType::Float64, layout);
  Value delta = arith::SubFOp::create(b, loc, e, s);
  Value divisor = arith::ConstantOp::create(
      b, loc, b.getF64FloatAttr(static_cast<double>(div)));
  Value step = arith::DivFOp::create(b, loc, delta, divisor);
  Value last = index(num - 1);
  auto array = idx;
  array = elementwise(
      {idx}, DType::Float64, DType::Float64,
      [&](OpBuilder &b, Location loc, ArrayRef<Value> el) -> Value {
        Value y;
        if (div > 0) {
          y = arith::AddFOp::create(
              b, loc, arith::MulFOp::create(b, loc, el[0], step), s);
        } else {
          // div == 0: NumPy multiplies by delta instead of the step.
          y = arith::AddFOp::create(
              b, loc, arith::MulFOp::create(b, loc, el[0], delta), s);
        }
        if (!endpoint || num < 2)
          return y;
        Value lastF = arith::ConstantOp::create(
            b, loc, b.getF64FloatAttr(static_cast<double>(num - 1)));
        Value isLast = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ,
                                             el[0], lastF);
        return arith::SelectOp::create(b, loc, isLast, e, y);
      });
  (void)last;
  if (type && *type != DType::Float64)
    array = castArray(array, *type);
  return array;
}

Value dac::builder::buildPositionKernel(
    OpBuilder &b, Location loc, ArrayType type, ValueRange sizes,
    LayoutAttr layout,
    function_ref<Value(OpBuilder &, ValueRange, Value)> element) {
  ArrayRef<int64_t> dims = type.getShape();
  if (!layout)
    layout = LayoutAttr::getDefault(b.getContext(), dims.size());
  auto kernel = KernelOp::create(
      b, loc, TypeRange{type.withLayout(layout)}, sizes,
      b.getDenseI64ArrayAttr(dims), layout, ValueRange{}, ValueRange{},
      ValueRange{}, b.getArrayAttr({b.getUnitAttr()}), ValueRange{},
      ArrayAttr(), Value(), DenseI64ArrayAttr());
  Block *body = b.createBlock(&kernel.getBody());
  SmallVector<Value> indices;
  Value linear = arith::ConstantIndexOp::create(b, loc, 0);
  for (int64_t d : dims) {
    indices.push_back(body->addArgument(b.getIndexType(), loc));
    if (!ShapedType::isDynamic(d))
      linear = arith::AddIOp::create(
          b, loc,
          arith::MulIOp::create(b, loc, linear,
                                arith::ConstantIndexOp::create(b, loc, d)),
          indices.back());
  }
  YieldOp::create(b, loc, element(b, indices, linear));
  b.setInsertionPointAfter(kernel);
  return kernel.getResult(0);
}

/// Recomputes `value` (a dist.array) with `shape` and `layout`; null when
/// its computation depends on more than the elements' global positions.
static Value recomputeArray(Emitter &em, Value value, ArrayRef<Value> shape,
                            LayoutAttr layout) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  auto type = cast<ArrayType>(value.getType());
  SmallVector<int64_t> dims;
  for (Value d : shape)
    dims.push_back(getConstantIntValue(d).value_or(ShapedType::kDynamic));
  auto newType =
      ArrayType::get(b.getContext(), dims, type.getElementType(), layout);
  Operation *def = value.getDefiningOp();
  if (!def)
    return {};
  if (auto random = dyn_cast<RandomOp>(def))
    // Draw number = offset + C-order position: unchanged by a reshape.
    return RandomOp::create(b, loc, newType, random.getRng(),
                            random.getOffset(), Emitter::dynamicSizes(shape));
  if (auto full = dyn_cast<FullOp>(def))
    return FullOp::create(b, loc, newType, full.getValue(),
                          Emitter::dynamicSizes(shape));
  if (auto arange = dyn_cast<ArangeOp>(def)) {
    if (dims.size() == 1)
      return ArangeOp::create(b, loc, newType, arange.getStart(),
                              arange.getStep(), Emitter::dynamicSizes(shape));
    // N-D: element at C-order position k of the 1-D range (NumPy's fill
    // rule, as dist.arange defines it).
    if (llvm::any_of(dims, ShapedType::isDynamic))
      return {};
    Value start = arange.getStart(), step = arange.getStep();
    return buildPositionKernel(
        b, loc, newType, {}, layout,
        [&](OpBuilder &b, ValueRange, Value linear) -> Value {
          Type t = type.getElementType();
          Value k = arith::IndexCastOp::create(b, loc, b.getI64Type(), linear);
          if (auto it = dyn_cast<IntegerType>(t)) {
            if (it.getWidth() < 64)
              k = arith::TruncIOp::create(b, loc, t, k);
            return arith::AddIOp::create(
                b, loc, start, arith::MulIOp::create(b, loc, k, step));
          }
          Value second = arith::AddFOp::create(b, loc, start, step);
          Value delta = arith::SubFOp::create(b, loc, second, start);
          Value general = arith::AddFOp::create(
              b, loc, start,
              arith::MulFOp::create(
                  b, loc, arith::SIToFPOp::create(b, loc, t, k), delta));
          auto is = [&](int64_t n) {
            return arith::CmpIOp::create(
                b, loc, arith::CmpIPredicate::eq, linear,
                arith::ConstantIndexOp::create(b, loc, n));
          };
          return arith::SelectOp::create(
              b, loc, is(0), start,
              arith::SelectOp::create(b, loc, is(1), second, general));
        });
  }
  auto oldKernel = dyn_cast<KernelOp>(def);
  if (oldKernel && oldKernel.getInputs().empty() &&
      oldKernel.getStreams().empty() && oldKernel.getNumResults() == 1 &&
      !llvm::any_of(oldKernel.getShape(), ShapedType::isDynamic) &&
      !llvm::any_of(dims, ShapedType::isDynamic)) {
    // A kernel that computes each element from its position alone (a
    // literal, an N-D range): the new kernel turns its position into the
    // old one (through the C-order linear index) and runs the old body.
    return buildPositionKernel(
        b, loc, newType, {}, layout,
        [&](OpBuilder &b, ValueRange, Value linear) -> Value {
          IRMapping mapping;
          ArrayRef<int64_t> oldDims = oldKernel.getShape();
          for (int64_t d = oldDims.size() - 1; d >= 0; --d) {
            Value extent = arith::ConstantIndexOp::create(b, loc, oldDims[d]);
            mapping.map(oldKernel.getIndexArgs()[d],
                        arith::RemUIOp::create(b, loc, linear, extent));
            linear = arith::DivUIOp::create(b, loc, linear, extent);
          }
          Block &old = oldKernel.getBody().front();
          for (Operation &op : old.without_terminator())
            b.clone(op, mapping);
          return mapping.lookupOrDefault(
              cast<YieldOp>(old.getTerminator()).getValues()[0]);
        });
  }
  if (auto map = dyn_cast<MapOp>(def)) {
    // Element-wise work commutes with reshaping its operands.
    SmallVector<Value> inputs;
    for (Value input : map.getInputs()) {
      Value r = recomputeArray(em, input, shape, layout);
      if (!r)
        return {};
      inputs.push_back(r);
    }
    auto newMap = MapOp::create(b, loc, newType, inputs);
    IRMapping mapping;
    map.getBody().cloneInto(&newMap.getBody(), mapping);
    return newMap;
  }
  return {};
}

bool Emitter::isRecomputable(const ValueRef &array,
                             std::optional<ArrayRef<Value>> shape) {
  // Built and thrown away: whatever recomputeArray creates is dead code.
  OpBuilder::InsertionGuard guard(b);
  Value v = shape ? recomputeArray(*this, array->value, *shape, LayoutAttr())
                  : recomputeArray(*this, array->value, array->shape,
                                   effectiveLayout(array));
  return static_cast<bool>(v);
}

ValueRef Emitter::recompute(const ValueRef &array, std::vector<Value> shape,
                            LayoutAttr layout, StringRef what) {
  Value v = recomputeArray(*this, array->value, shape, layout);
  if (!v)
    compileError(what + " of this array needs moving its data between "
                        "ranks (it is not computed from its elements' "
                        "positions alone), which is not supported yet");
  return PyValue::array(v, array->dtype, std::move(shape));
}

ValueRef Emitter::indexArray(std::vector<Value> shape, unsigned dim, DType type,
                             LayoutAttr layout) {
  auto arrayTy = cast<ArrayType>(arrayType(shape, type, layout));
  Value array =
      buildPositionKernel(b, loc, arrayTy, Emitter::dynamicSizes(shape), layout,
                          [&](OpBuilder &b, ValueRange indices, Value) {
                            Value i = arith::IndexCastOp::create(
                                b, loc, b.getI64Type(), indices[dim]);
                            return convert(b, loc, i, DType::Int64, type);
                          });
  return PyValue::array(array, type, std::move(shape));
}

ValueRef Emitter::element(const ValueRef &array, ArrayRef<ValueRef> indices) {
  auto type = cast<ArrayType>(array->value.getType());
  SmallVector<Value> targets;
  for (auto [d, index] : llvm::enumerate(indices))
    targets.push_back(checkedIndex(index, array->shape[d], d));
  // The owner of the element sends it to every rank.
  Value v =
      ExtractOp::create(b, loc, type.getElementType(), array->value, targets);
  return PyValue::scalar(v, array->dtype, false);
}

void Emitter::checkNotInRuntimeBranch(StringRef what) {
  if (runtimeBranchDepth)
    compileError(what + " inside a conditional expression ('x if c else "
                        "y') or after 'and'/'or', on a value known only at "
                        "run time, is not supported; use an 'if' statement");
}

ValueRef Emitter::createGenerator(const ValueRef &seed) {
  auto state = std::make_shared<GeneratorState>();
  Value s = toI64(seed, "seed");
  // NumPy's words; a seed known only at run time is checked on every rank
  // alike, so one message names the line for all.
  const char *negative = "ValueError: expected non-negative integer";
  if (auto c = getConstantIntValue(s); c && *c < 0)
    compileError(negative);
  if (!getConstantIntValue(s))
    emitAssert(arith::CmpIOp::create(
                   b, loc, arith::CmpIPredicate::sge, s,
                   arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0)),
               negative, {});
  state->rng = RngCreateOp::create(b, loc, RngType::get(b.getContext()), s);
  state->offset() = arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0);
  state->pending() = arith::ConstantIntOp::create(b, loc, b.getI64Type(), -1);
  state->seed() = arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0);
  auto v = std::make_shared<PyValue>();
  v->kind = PyValue::Kind::Generator;
  v->generator = state;
  return v;
}

ValueRef Emitter::random(GeneratorState &gen, std::vector<Value> shape,
                         bool scalarResult, LayoutAttr layout) {
  if (gen.legacy) // two MT19937 words per element: the runtime's sampler
    return sample(gen, Sampling::LegacyUniform, DType::Float64, {},
                  std::move(shape), scalarResult, layout);
  checkNotInRuntimeBranch("drawing random numbers");
  checkSize(shape, DType::Float64);
  Value array =
      RandomOp::create(b, loc, arrayType(shape, DType::Float64, layout),
                       gen.rng, gen.offset(), Emitter::dynamicSizes(shape));
  Value count =
      arith::IndexCastOp::create(b, loc, b.getI64Type(), numElements(shape));
  gen.offset() = arith::AddIOp::create(b, loc, gen.offset(), count);
  ValueRef result = PyValue::array(array, DType::Float64, shape);
  if (!scalarResult)
    return result;
  ValueRef x = item(result);
  x->isPython = true;
  return x;
}

ValueRef Emitter::uniform(GeneratorState &gen, const ValueRef &low,
                          const ValueRef &high, std::vector<Value> shape,
                          bool scalarResult, LayoutAttr layout) {
  if (!low->is(PyValue::Kind::Scalar) || !high->is(PyValue::Kind::Scalar))
    compileError("uniform() with array bounds is not supported yet");
  // NumPy: low + (high - low) * u, in doubles; a range that is not finite
  // (inf, nan) or negative is refused first.
  ValueRef lo = castScalar(low, DType::Float64, true);
  ValueRef range = binaryOp("-", castScalar(high, DType::Float64, true), lo);
  // (folded first: the checks fold what they read, which must not take
  // the range's own op away)
  range->value = fold(range->value);
  Value size = math::AbsFOp::create(b, loc, range->value);
  require(arith::CmpFOp::create(
              b, loc, arith::CmpFPredicate::OLT, size,
              arith::ConstantOp::create(b, loc, b.getF64FloatAttr(INFINITY))),
          "OverflowError: high - low range exceeds valid bounds");
  require(arith::CmpFOp::create(
              b, loc, arith::CmpFPredicate::OGE, range->value,
              arith::ConstantOp::create(b, loc, b.getF64FloatAttr(0.0))),
          "ValueError: high - low < 0");
  ValueRef u = random(gen, std::move(shape), scalarResult, layout);
  ValueRef r = binaryOp("+", lo, binaryOp("*", range, u));
  r->isPython = u->isPython;
  return r;
}

void Emitter::checkSize(ArrayRef<Value> shape, DType type) {
  int64_t bytes = getMLIRType(b, type).getIntOrFloatBitWidth() / 8;
  if (type == DType::Bool)
    bytes = 1;
  // Small arrays of known extents cannot fail (and cost nothing here). As
  // NumPy: the element size times every non-zero extent must fit in int64.
  int64_t total = bytes;
  bool known = true, overflow = false;
  for (Value d : shape) {
    std::optional<int64_t> c = getConstantIntValue(d);
    known &= c.has_value();
    if (c && *c != 0)
      overflow |= __builtin_mul_overflow(total, *c, &total);
  }
  if (known && overflow)
    compileError("array is too big; `arr.size * arr.dtype.itemsize` is "
                 "larger than the maximum possible size.");
  if (known && total < (int64_t(1) << 30))
    return;
  CheckSizeOp::create(b, loc, shape, b.getI64IntegerAttr(bytes),
                      b.getStringAttr(getDTypeName(type)));
}

ValueRef Emitter::item(const ValueRef &array) {
  // max over one element is that element, bit for bit (sum would turn
  // -0.0 into 0.0).
  Type elem = getMLIRType(b, array->dtype);
  Value v = ReduceOp::create(b, loc, elem, ReduceKind::Max, array->value);
  return PyValue::scalar(v, array->dtype, false);
}

std::string Emitter::renderShape(ArrayRef<Value> shape,
                                 SmallVectorImpl<Value> *values) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    std::optional<int64_t> c = getConstantIntValue(shape[i]);
    s += i ? "," : "";
    if (c) {
      s += std::to_string(*c);
    } else if (values) {
      s += "{}";
      values->push_back(shape[i]);
    } else {
      s += "?";
    }
  }
  return s + (shape.size() == 1 ? ",)" : ")");
}

void Emitter::require(Value cond, const std::string &message) {
  cond = fold(cond);
  if (auto c = getConstantIntValue(cond); c && !*c)
    compileError(message);
  emitAssert(cond, message);
}

void Emitter::emitAssert(Value cond, StringRef message, ValueRange values) {
  if (auto c = getConstantIntValue(cond); c && *c)
    return;
  AssertOp::create(b, loc, cond, message, values);
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

/// The layout of a reduction's result along `axes` of an array with
/// `layout`: the other dimensions keep their distribution when the reduced
/// ones are undistributed (the work stays local); otherwise the partial
/// results are combined on all ranks and the result is replicated.
static LayoutAttr reducedLayout(LayoutAttr layout, ArrayRef<int64_t> axes) {
  MLIRContext *ctx = layout.getContext();
  bool local = llvm::all_of(
      axes, [&](int64_t d) { return !layout.getDims()[d].isDistributed(); });
  SmallVector<DimAttr> dims;
  for (auto [d, dim] : llvm::enumerate(layout.getDims()))
    if (!llvm::is_contained(axes, static_cast<int64_t>(d)))
      dims.push_back(local ? dim : DimAttr::getNone(ctx));
  return LayoutAttr::get(ctx, dims,
                         local ? layout.getGrid() : ArrayRef<int64_t>());
}

int64_t Emitter::normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    compileError("axis " + Twine(axis) +
                 " is out of bounds for array of dimension " + Twine(rank));
  return axis < 0 ? axis + rank : axis;
}

std::vector<int64_t> Emitter::normalizeAxes(ArrayRef<int64_t> axes,
                                            int64_t rank) {
  std::vector<int64_t> result;
  for (int64_t axis : axes) {
    int64_t d = normalizeAxis(axis, rank);
    if (llvm::is_contained(result, d))
      compileError("duplicate value in 'axis'");
    result.push_back(d);
  }
  llvm::sort(result);
  return result;
}

ValueRef Emitter::reduce(StringRef name, const ValueRef &array, int64_t ddof,
                         std::optional<ArrayRef<int64_t>> axes) {
  if (axes && array->is(PyValue::Kind::Array) &&
      axes->size() < array->shape.size()) {
    DType t = array->dtype;
    if (name == "var" || name == "std") {
      // As NumPy: the mean along the axes, broadcast back over them; the
      // mean squared deviation; divided by count - ddof.
      DType meanType = isFloat(t) ? t : DType::Float64;
      ValueRef mean = expandDims(reduce("mean", array, 0, axes), *axes,
                                 array->shape.size());
      ValueRef dev = binaryOp("-", castArray(array, meanType), mean);
      ValueRef squares = binaryOp("*", dev, dev);
      ValueRef sum = reduce("sum", squares, 0, axes);
      Value count = index(1);
      for (int64_t d : *axes)
        count = arith::MulIOp::create(b, loc, count, array->shape[d]);
      Value denom = arith::SubIOp::create(
          b, loc, arith::IndexCastOp::create(b, loc, b.getI64Type(), count),
          arith::ConstantIntOp::create(b, loc, b.getI64Type(), ddof));
      denom = arith::MaxSIOp::create(
          b, loc, denom,
          arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0));
      Value n = convert(b, loc, denom, DType::Int64, meanType);
      return elementwise({sum}, meanType, meanType,
                         [&](OpBuilder &b, Location loc, ArrayRef<Value> e) {
                           Value v = arith::DivFOp::create(b, loc, e[0], n);
                           return name == "var"
                                      ? v
                                      : (Value)math::SqrtOp::create(b, loc, v);
                         });
    }
    DType type =
        name == "all" || name == "any" || name == "count_nonzero" ? DType::Bool
        : name == "mean"                  ? (isFloat(t) ? t : DType::Float64)
        : name == "sum" || name == "prod" ? (isFloat(t) ? t : DType::Int64)
                                          : t;
    ReduceKind kind = llvm::StringSwitch<ReduceKind>(name)
                          .Cases({"sum", "mean"}, ReduceKind::Sum)
                          .Case("prod", ReduceKind::Prod)
                          .Cases({"min", "amin"}, ReduceKind::Min)
                          .Cases({"max", "amax"}, ReduceKind::Max)
                          .Case("all", ReduceKind::All)
                          .Cases({"any"}, ReduceKind::Any)
                          .Default(ReduceKind::Sum);
    ValueRef input = castArray(array, type);
    if (name == "count_nonzero") {
      // Count as int64: sum of the truth values.
      input = castArray(input, DType::Int64);
      type = DType::Int64;
    }
    std::vector<Value> shape;
    Value count = index(1);
    for (size_t d = 0; d < array->shape.size(); ++d) {
      if (llvm::is_contained(*axes, static_cast<int64_t>(d)))
        count = arith::MulIOp::create(b, loc, count, array->shape[d]);
      else
        shape.push_back(array->shape[d]);
    }
    Type resultType =
        arrayType(shape, type, reducedLayout(effectiveLayout(input), *axes));
    Value reduced = ReduceDimsOp::create(
        b, loc, resultType, ReduceKindAttr::get(b.getContext(), kind),
        input->value, b.getDenseI64ArrayAttr(*axes));
    ValueRef result = PyValue::array(reduced, type, shape);
    if (name != "mean")
      return result;
    Value n = convert(b, loc,
                      arith::IndexCastOp::create(b, loc, b.getI64Type(), count),
                      DType::Int64, type);
    return elementwise(
        {result}, type, type,
        [&](OpBuilder &b, Location loc, ArrayRef<Value> e) {
          return arith::DivFOp::create(b, loc, e[0], n).getResult();
        });
  }
  return reduceAll(name, array, ddof);
}

ValueRef Emitter::reduceAll(StringRef name, const ValueRef &array,
                            int64_t ddof) {
  if (array->is(PyValue::Kind::Scalar)) {
    // np.sum(3.0) and friends: a 0-d reduction is the value itself.
    if (name == "sum" || name == "prod" || name == "min" || name == "max" ||
        name == "amin" || name == "amax")
      return PyValue::scalar(array->value, array->dtype, false);
    compileError("'" + name + "' of a scalar is not supported");
  }
  if (!array->is(PyValue::Kind::Array))
    compileError("'" + name + "' expects an array, not " + array->describe());
  auto reduceAs = [&](ReduceKind kind, DType type) {
    ValueRef a = castArray(array, type);
    Value v = ReduceOp::create(b, loc, getMLIRType(b, type), kind, a->value);
    return PyValue::scalar(v, type, false);
  };
  DType t = array->dtype;
  DType accumulate = isFloat(t) ? t : DType::Int64;
  if (name == "sum")
    return reduceAs(ReduceKind::Sum, accumulate);
  if (name == "prod")
    return reduceAs(ReduceKind::Prod, accumulate);
  if (name == "min" || name == "amin")
    return reduceAs(ReduceKind::Min, t);
  if (name == "max" || name == "amax")
    return reduceAs(ReduceKind::Max, t);
  if (name == "all")
    return reduceAs(ReduceKind::All, DType::Bool);
  if (name == "any")
    return reduceAs(ReduceKind::Any, DType::Bool);
  if (name == "count_nonzero") {
    ValueRef nz = castArray(array, DType::Bool);
    ValueRef n = reduce("sum", nz, 0);
    return n;
  }
  DType meanType = isFloat(t) ? t : DType::Float64;
  Value n = arith::IndexCastOp::create(b, loc, b.getI64Type(),
                                       numElements(array->shape));
  auto asFloat = [&](Value i64) {
    return convert(b, loc, i64, DType::Int64, meanType);
  };
  ValueRef total = reduceAs(ReduceKind::Sum, meanType);
  Value mean = arith::DivFOp::create(b, loc, total->value, asFloat(n));
  if (name == "mean")
    return PyValue::scalar(mean, meanType, false);
  if (name == "var" || name == "std") {
    // Two passes, as NumPy: mean, then the mean squared deviation.
    ValueRef dev = elementwise(
        {castArray(array, meanType)}, meanType, meanType,
        [&](OpBuilder &b, Location loc, ArrayRef<Value> e) -> Value {
          Value d = arith::SubFOp::create(b, loc, e[0], mean);
          return arith::MulFOp::create(b, loc, d, d);
        });
    Value ss = ReduceOp::create(b, loc, getMLIRType(b, meanType),
                                ReduceKind::Sum, dev->value);
    Value denom = arith::SubIOp::create(
        b, loc, n, arith::ConstantIntOp::create(b, loc, b.getI64Type(), ddof));
    Value zero = arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0);
    denom = arith::MaxSIOp::create(b, loc, denom, zero);
    Value var = arith::DivFOp::create(b, loc, ss, asFloat(denom));
    if (name == "var")
      return PyValue::scalar(var, meanType, false);
    return PyValue::scalar(math::SqrtOp::create(b, loc, var), meanType, false);
  }
  compileError("unknown reduction '" + name + "'");
}
