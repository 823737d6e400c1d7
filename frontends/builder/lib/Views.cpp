//===- Views.cpp - NumPy indexing, views and broadcasting -----------------===//
//
// A NumPy view shares its base's memory. In the value-semantic dist IR an
// array is an SSA value, so the frontend keeps the sharing: a view records
// its base and where its elements live in it (an affine access per base
// dimension), and holds the elements as a dist.gather of the base. Writing
// through any view or the base is a dist.insert into the base, after which
// every live view of it is gathered again; unused gathers are dead code.
// Broadcasting reads an operand with step 0 along the broadcast dimensions,
// the same gather.
//
//===----------------------------------------------------------------------===//

#include "dac/Builder/Emitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;
using namespace dac::builder;

using Kind = PyValue::Kind;

namespace {

/// A view's elements in its base, and its own shape.
struct Access {
  std::vector<Value> starts;
  std::vector<int64_t> steps, dims;
  std::vector<Value> shape;
  /// Base dimensions whose index is taken modulo the base's extent (a
  /// gather's `wrap`; never part of a view).
  std::vector<int64_t> wrap;
};

} // namespace

/// Static starts as an attribute, the run-time ones as operands.
static std::pair<SmallVector<int64_t>, SmallVector<Value>>
splitStarts(ArrayRef<Value> starts) {
  SmallVector<int64_t> staticStarts;
  SmallVector<Value> dynamicStarts;
  for (Value s : starts) {
    if (std::optional<int64_t> c = getConstantIntValue(s)) {
      staticStarts.push_back(*c);
    } else {
      staticStarts.push_back(ShapedType::kDynamic);
      dynamicStarts.push_back(s);
    }
  }
  return {staticStarts, dynamicStarts};
}

/// The gather reading `access` of `base`.
static Value gather(Emitter &em, const ValueRef &base, const Access &access,
                    LayoutAttr layout = {}) {
  OpBuilder &b = em.b;
  auto [staticStarts, dynamicStarts] = splitStarts(access.starts);
  // The layout dist-assign-layout would give it, known here when it is not
  // the default so that what is built on the view (reductions along its
  // axes) agrees with it.
  if (!layout) {
    SmallVector<int64_t> extents;
    for (Value extent : access.shape)
      extents.push_back(
          getConstantIntValue(extent).value_or(ShapedType::kDynamic));
    LayoutAttr inferred =
        GatherOp::inferResultLayout(cast<ArrayType>(base->value.getType()),
                                    extents, access.steps, access.dims);
    if (inferred !=
        LayoutAttr::getDefault(em.b.getContext(), access.shape.size()))
      layout = inferred;
  }
  Type type = em.arrayType(access.shape, base->dtype, layout);
  return GatherOp::create(
      b, em.loc, type, base->value, dynamicStarts,
      b.getDenseI64ArrayAttr(staticStarts),
      b.getDenseI64ArrayAttr(access.steps), b.getDenseI64ArrayAttr(access.dims),
      Emitter::dynamicSizes(access.shape),
      access.wrap.empty() ? DenseI64ArrayAttr()
                          : b.getDenseI64ArrayAttr(access.wrap));
}

/// A new view of `base` (a root array) at `access`.
static ValueRef makeView(Emitter &em, const ValueRef &base,
                         const Access &access) {
  auto info = std::make_shared<ViewInfo>();
  info->base = base;
  info->starts = access.starts;
  info->steps = access.steps;
  info->dims = access.dims;
  ValueRef v =
      PyValue::array(gather(em, base, access), base->dtype, access.shape);
  v->view = info;
  base->views.push_back(v);
  return v;
}

/// The access of `array`'s own elements, in its base's terms.
static Access accessOfWhole(Emitter &em, const ValueRef &array) {
  Access access;
  access.shape = array->shape;
  if (array->view) {
    access.starts = array->view->starts;
    access.steps = array->view->steps;
    access.dims = array->view->dims;
    return access;
  }
  for (size_t d = 0; d < array->shape.size(); ++d) {
    access.starts.push_back(em.index(0));
    access.steps.push_back(1);
    access.dims.push_back(d);
  }
  return access;
}

/// `inner`, an access of `array`'s dimensions, as an access of the base.
static Access compose(Emitter &em, const ValueRef &array, const Access &inner) {
  if (!array->view)
    return inner;
  OpBuilder &b = em.b;
  const ViewInfo &outer = *array->view;
  Access result;
  result.shape = inner.shape;
  for (size_t d = 0; d < outer.starts.size(); ++d) {
    int64_t j = outer.dims[d];
    if (j < 0) {
      result.starts.push_back(outer.starts[d]);
      result.steps.push_back(outer.steps[d]);
      result.dims.push_back(-1);
      continue;
    }
    // base index = s + st * (s' + st' * k) = (s + st * s') + st * st' * k.
    Value scaled = em.fold(arith::MulIOp::create(b, em.loc, inner.starts[j],
                                                 em.index(outer.steps[d])));
    result.starts.push_back(
        em.fold(arith::AddIOp::create(b, em.loc, outer.starts[d], scaled)));
    result.steps.push_back(outer.steps[d] * inner.steps[j]);
    result.dims.push_back(inner.dims[j]);
  }
  return result;
}

Value Emitter::checkedIndex(const ValueRef &index, Value extent, size_t axis) {
  Emitter &em = *this;
  if (!index->is(Kind::Scalar) || isFloat(index->dtype) ||
      index->dtype == DType::Bool)
    compileError("only integers, slices (`:`), ellipsis (`...`), "
                 "numpy.newaxis (`None`) and integer or boolean arrays are "
                 "valid indices");
  std::optional<int64_t> i = Emitter::getConstInt(index);
  std::optional<int64_t> n = getConstantIntValue(extent);
  if (i && n) {
    if (*i < -*n || *i >= *n)
      compileError("index " + Twine(*i) + " is out of bounds for axis " +
                   Twine(axis) + " with size " + Twine(*n));
    return em.index(*i < 0 ? *i + *n : *i);
  }
  Value v = em.convert(b, loc, index->value, index->dtype, DType::Int64);
  Value size = arith::IndexCastOp::create(b, loc, b.getI64Type(), extent);
  Value zero = arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0);
  Value given = arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, v, zero);
  v = arith::SelectOp::create(b, loc, negative,
                              arith::AddIOp::create(b, loc, v, size), v);
  Value inRange = arith::AndIOp::create(
      b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, v, zero),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, v, size));
  em.emitAssert(inRange,
                ("IndexError: index {} is out of bounds for axis " +
                 Twine(axis) + " with size {}")
                    .str(),
                {given, extent});
  return em.fold(arith::IndexCastOp::create(b, loc, b.getIndexType(), v));
}

/// Python's slice.indices(n): the first index and the number of elements
/// of start:stop:step over an extent `n`.
static std::pair<Value, Value> resolveSlice(Emitter &em, const ValueRef &slice,
                                            Value extent, int64_t &step) {
  OpBuilder &b = em.b;
  Location loc = em.loc;
  const ValueRef &stepArg = slice->items[2];
  step = 1;
  if (!stepArg->is(Kind::None)) {
    std::optional<int64_t> s = Emitter::getConstInt(stepArg);
    if (!stepArg->is(Kind::Scalar) || isFloat(stepArg->dtype))
      compileError("slice indices must be integers or None");
    if (!s)
      compileError("slice steps must be known when compiling");
    if (*s == 0)
      compileError("slice step cannot be zero");
    step = *s;
  }
  Type i64 = b.getI64Type();
  auto c = [&](int64_t v) -> Value {
    return arith::ConstantIntOp::create(b, loc, i64, v);
  };
  Value n = arith::IndexCastOp::create(b, loc, i64, extent);
  // One bound, as slice.indices computes it: negative counts from the end,
  // then clipped to [lo, hi].
  auto bound = [&](const ValueRef &v, Value missing, Value lo,
                   Value hi) -> Value {
    if (v->is(Kind::None))
      return missing;
    if (!v->is(Kind::Scalar) || isFloat(v->dtype))
      compileError("slice indices must be integers or None");
    Value x = em.convert(b, loc, v->value, v->dtype, DType::Int64);
    Value negative =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x, c(0));
    x = arith::SelectOp::create(b, loc, negative,
                                arith::AddIOp::create(b, loc, x, n), x);
    x = arith::MaxSIOp::create(b, loc, x, lo);
    return arith::MinSIOp::create(b, loc, x, hi);
  };
  Value start, stop, length;
  if (step > 0) {
    start = bound(slice->items[0], c(0), c(0), n);
    stop = bound(slice->items[1], n, c(0), n);
    Value span = arith::SubIOp::create(b, loc, stop, start);
    length = arith::CeilDivSIOp::create(b, loc, span, c(step));
  } else {
    Value last = arith::SubIOp::create(b, loc, n, c(1));
    start = bound(slice->items[0], last, c(-1), last);
    stop = bound(slice->items[1], c(-1), c(-1), last);
    Value span = arith::SubIOp::create(b, loc, start, stop);
    length = arith::CeilDivSIOp::create(b, loc, span, c(-step));
  }
  length = arith::MaxSIOp::create(b, loc, length, c(0));
  // An empty slice starts anywhere in range (nothing is read).
  Value first = arith::MaxSIOp::create(b, loc, start, c(0));
  auto toIndex = [&](Value v) {
    return em.fold(arith::IndexCastOp::create(b, loc, b.getIndexType(), v));
  };
  return {toIndex(first), toIndex(length)};
}

/// The access `index` selects of `array`'s own dimensions.
static Access accessOf(Emitter &em, const ValueRef &array,
                       const ValueRef &index) {
  std::vector<ValueRef> items =
      index->is(Kind::Tuple) ? index->items : std::vector<ValueRef>{index};
  size_t rank = array->shape.size(), used = 0, ellipses = 0;
  for (const ValueRef &item : items) {
    if (item->is(Kind::Array))
      compileError(item->dtype == DType::Bool
                       ? "a boolean mask next to other indices is "
                         "supported for reading, with no other array among "
                         "them, but not yet for writing (a[mask] = v writes)"
                       : "indexing with an integer array next to other "
                         "indices, or writing through one, is not "
                         "supported yet (a[idx] reads rows)");
    if (item->is(Kind::Ellipsis))
      ++ellipses;
    else if (!item->is(Kind::None))
      ++used;
  }
  if (ellipses > 1)
    compileError("an index can only have a single ellipsis ('...')");
  if (used > rank)
    compileError("too many indices for array: array is " + Twine(rank) +
                 "-dimensional, but " + Twine(used) + " were indexed");
  Access access;
  size_t d = 0;
  auto full = [&]() {
    access.starts.push_back(em.index(0));
    access.steps.push_back(1);
    access.dims.push_back(access.shape.size());
    access.shape.push_back(array->shape[d++]);
  };
  for (const ValueRef &item : items) {
    if (item->is(Kind::Ellipsis)) {
      for (size_t k = 0; k < rank - used; ++k)
        full();
    } else if (item->is(Kind::None)) {
      access.shape.push_back(em.index(1)); // a new axis
    } else if (item->is(Kind::Slice)) {
      int64_t step;
      auto [start, length] = resolveSlice(em, item, array->shape[d], step);
      access.starts.push_back(start);
      access.steps.push_back(step);
      access.dims.push_back(access.shape.size());
      access.shape.push_back(length);
      ++d;
    } else {
      access.starts.push_back(em.checkedIndex(item, array->shape[d], d));
      access.steps.push_back(1);
      access.dims.push_back(-1);
      ++d;
    }
  }
  while (d < rank)
    full();
  return access;
}

/// Refuses to write `root` in place while it shares memory, in NumPy, with
/// a reshape of it or with the array it is a reshape of: here they are
/// separate arrays, and the other would not see the write.
static void checkNoReshapeAlias(const ValueRef &root) {
  llvm::erase_if(root->reshapes,
                 [](const std::weak_ptr<PyValue> &v) { return v.expired(); });
  if (!root->reshapes.empty() || !root->reshapeOf.expired())
    compileError("writing into an array while a reshape of it (or the array "
                 "it is a reshape of) is alive is not supported yet: NumPy "
                 "shares their memory; reshape a .copy() to get a separate "
                 "array");
}

static void refreshViews(Emitter &em, const ValueRef &base) {
  llvm::erase_if(base->views,
                 [](const std::weak_ptr<PyValue> &v) { return v.expired(); });
  for (const std::weak_ptr<PyValue> &weak : base->views) {
    ValueRef view = weak.lock();
    Access access = accessOfWhole(em, view);
    view->value = gather(em, base, access,
                         cast<ArrayType>(view->value.getType()).getLayout());
  }
}

/// Writes `contents` (an array of the access's shape, of the base's dtype)
/// into `base` at `access`.
static void insert(Emitter &em, const ValueRef &base, const Access &access,
                   ValueRef contents) {
  OpBuilder &b = em.b;
  if (!base->aliasWarning.empty())
    compileError(base->aliasWarning);
  checkNoReshapeAlias(base);
  // New axes of the view are not in the base: drop them (extent 1).
  std::vector<int64_t> kept;
  for (size_t j = 0; j < access.shape.size(); ++j)
    if (llvm::is_contained(access.dims, static_cast<int64_t>(j)))
      kept.push_back(j);
  std::vector<int64_t> dims = access.dims;
  if (kept.size() != access.shape.size()) {
    Access squeeze;
    for (size_t j = 0; j < access.shape.size(); ++j) {
      auto it = llvm::find(kept, static_cast<int64_t>(j));
      squeeze.starts.push_back(em.index(0));
      squeeze.steps.push_back(1);
      squeeze.dims.push_back(it == kept.end() ? -1 : it - kept.begin());
      if (it != kept.end())
        squeeze.shape.push_back(access.shape[j]);
    }
    contents = PyValue::array(gather(em, contents, squeeze), contents->dtype,
                              squeeze.shape);
    for (int64_t &dim : dims)
      if (dim >= 0)
        dim = llvm::find(kept, dim) - kept.begin();
  }
  auto [staticStarts, dynamicStarts] = splitStarts(access.starts);
  base->value = InsertOp::create(
      b, em.loc, base->value.getType(), contents->value, base->value,
      dynamicStarts, b.getDenseI64ArrayAttr(staticStarts),
      b.getDenseI64ArrayAttr(access.steps), b.getDenseI64ArrayAttr(dims));
  refreshViews(em, base);
}

ValueRef Emitter::subscript(const ValueRef &array, const ValueRef &index) {
  std::vector<ValueRef> items =
      index->is(Kind::Tuple) ? index->items : std::vector<ValueRef>{index};
  // One integer per dimension: the element, a NumPy scalar.
  if (items.size() == array->shape.size() && !items.empty() &&
      llvm::all_of(items,
                   [](const ValueRef &v) { return v->is(Kind::Scalar); }))
    return element(array, items);
  if (items.size() == 1 && items[0]->is(Kind::Array))
    return items[0]->dtype == DType::Bool ? compress(array, items[0], 0)
                                          : take(array, items[0]);
  if (ValueRef masked = maskedSubscript(array, items))
    return masked;
  Access access = compose(*this, array, accessOf(*this, array, index));
  ValueRef base = array->view ? array->view->base : array;
  return makeView(*this, base, access);
}

/// The shape `array[indices]` has with an integer array `indices` (rows,
/// when the array has several dimensions: the indices' shape, then the
/// array's other extents), after NumPy's checks.
static std::vector<Value> indexedShape(const ValueRef &array,
                                       const ValueRef &indices) {
  if (indices->dtype != DType::Int64 && indices->dtype != DType::Int32)
    compileError("arrays used as indices must be of integer (or boolean) "
                 "type");
  if (array->shape.empty())
    compileError("too many indices for array: array is 0-dimensional, but 1 "
                 "were indexed");
  std::vector<Value> shape = indices->shape;
  shape.insert(shape.end(), array->shape.begin() + 1, array->shape.end());
  return shape;
}

ValueRef Emitter::take(const ValueRef &array, const ValueRef &indices) {
  std::vector<Value> shape = indexedShape(array, indices);
  Type type = arrayType(shape, array->dtype, {});
  Value taken = TakeOp::create(b, loc, type, array->value, indices->value);
  return PyValue::array(taken, array->dtype, shape);
}

ValueRef Emitter::scatter(const ValueRef &array, const ValueRef &indices,
                          const ValueRef &values, bool accumulate) {
  // One value per index (rows, when the array has several dimensions).
  std::vector<Value> shape = indexedShape(array, indices);
  ValueRef contents;
  if (values->is(Kind::Scalar)) {
    contents =
        full(shape, castScalar(values, array->dtype, false), array->dtype);
  } else if (values->is(Kind::Array)) {
    // NumPy drops leading extents of 1 the target does not have.
    ValueRef source = values;
    while (source->shape.size() > shape.size() &&
           getConstantIntValue(source->shape.front()) == 1)
      source = subscript(source, intConst(0));
    contents = broadcastTo(castArray(source, array->dtype), shape, {},
                           BroadcastFor::IndexedAssignment);
  } else {
    compileError("cannot assign " + values->describe() + " to array elements");
  }
  Value updated = ScatterOp::create(
      b, loc, array->value.getType(), contents->value, array->value,
      indices->value, accumulate ? b.getUnitAttr() : UnitAttr());
  return PyValue::array(updated, array->dtype, array->shape);
}

ValueRef Emitter::maskedSubscript(const ValueRef &array,
                                  ArrayRef<ValueRef> items) {
  auto isArray = [](const ValueRef &v) { return v->is(Kind::Array); };
  auto found = llvm::find_if(items, isArray);
  if (found == items.end() || (*found)->dtype != DType::Bool ||
      llvm::count_if(items, isArray) != 1)
    return nullptr;
  // NumPy treats integers next to a mask as indices of its kind, and puts
  // the dimensions they select first when they are not next to each
  // other: then the result is not the basic indexing of the others
  // followed by the mask.
  size_t at = found - items.begin();
  auto isInt = [](const ValueRef &v) { return v->is(Kind::Scalar); };
  size_t first = at, last = at;
  for (size_t i = 0; i < items.size(); ++i)
    if (isInt(items[i])) {
      first = std::min(first, i);
      last = std::max(last, i);
    }
  for (size_t i = first; i <= last; ++i)
    if (i != at && !isInt(items[i]))
      compileError("a boolean mask and integer indices apart from each "
                   "other (NumPy moves their dimension first) are not "
                   "supported yet");
  // The other indices first, the mask's dimensions kept whole: where they
  // land is counted from the end (after `...` has taken its share).
  const ValueRef &mask = *found;
  size_t k = mask->shape.size();
  if (k == 0)
    compileError("a 0-d boolean index next to other indices is not "
                 "supported yet");
  std::vector<ValueRef> basic(items.begin(), items.end());
  basic.erase(basic.begin() + at);
  basic.insert(basic.begin() + at, k, slice(nullptr, nullptr));
  size_t used = 0;
  for (const ValueRef &item : basic)
    used += !item->is(Kind::None) && !item->is(Kind::Ellipsis);
  if (used > array->shape.size())
    compileError("too many indices for array: array is " +
                 Twine(array->shape.size()) + "-dimensional, but " +
                 Twine(used) + " were indexed");
  ValueRef view = subscript(array, PyValue::tuple(basic));
  // The dimensions after the mask's: slices, new axes, and those nothing
  // indexes (taken by a `...` after the mask, or trailing without one).
  size_t after = 0;
  bool ellipsisAfter = false;
  for (size_t i = at + k; i < basic.size(); ++i) {
    const ValueRef &item = basic[i];
    ellipsisAfter |= item->is(Kind::Ellipsis);
    after += item->is(Kind::Slice) || item->is(Kind::None);
  }
  bool anyEllipsis = llvm::any_of(
      basic, [](const ValueRef &v) { return v->is(Kind::Ellipsis); });
  if (ellipsisAfter || !anyEllipsis)
    after += array->shape.size() - used;
  return compress(view, mask, view->shape.size() - after - k);
}

void Emitter::checkMaskExtents(const ValueRef &array, const ValueRef &mask,
                               size_t at) {
  // NumPy's IndexError when an extent differs (a mask is never
  // broadcast): when compiling if both are known, else on every rank.
  for (size_t d = at; d < at + mask->shape.size(); ++d) {
    Value have = array->shape[d], want = mask->shape[d - at];
    std::optional<int64_t> h = getConstantIntValue(have),
                           w = getConstantIntValue(want);
    auto message = [&](std::string x, std::string y) {
      return "boolean index did not match indexed array along dimension " +
             std::to_string(d) + "; dimension is " + x +
             " but corresponding boolean dimension is " + y;
    };
    if (h && w) {
      if (*h != *w)
        compileError("IndexError: " +
                     message(std::to_string(*h), std::to_string(*w)));
    } else if (have != want) {
      emitAssert(
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, have, want),
          "IndexError: " + message("{}", "{}"), {have, want});
    }
  }
}

ValueRef Emitter::compress(const ValueRef &array, const ValueRef &mask,
                           size_t at) {
  size_t rank = array->shape.size(), k = mask->shape.size();
  if (k == 0)
    compileError("a 0-d boolean index is not supported yet");
  if (at + k > rank)
    compileError("too many indices for array: array is " + Twine(rank) +
                 "-dimensional, but " + Twine(at + k) + " were indexed");
  checkMaskExtents(array, mask, at);
  ValueRef count = reduceAll("count_nonzero", mask, 0);
  Value size =
      fold(arith::IndexCastOp::create(b, loc, b.getIndexType(), count->value));
  // The result: the array's other extents around the count.
  std::vector<Value> shape(array->shape.begin(), array->shape.begin() + at);
  shape.push_back(size);
  shape.insert(shape.end(), array->shape.begin() + at + k, array->shape.end());
  // The mask read with the array's extents (equal, checked above), and
  // along the array's other dimensions when it has fewer.
  ValueRef selector =
      PyValue::array(mask->value, mask->dtype,
                     std::vector<Value>(array->shape.begin() + at,
                                        array->shape.begin() + at + k));
  if (k < rank) {
    std::vector<int64_t> others;
    for (size_t d = 0; d < rank; ++d)
      if (d < at || d >= at + k)
        others.push_back(d);
    selector = broadcastTo(expandDims(selector, others, rank), array->shape,
                           effectiveLayout(array));
  } else if (mask->shape != array->shape) {
    selector = PyValue::array(mask->value, mask->dtype, array->shape);
  }
  Type type = arrayType(shape, array->dtype, {});
  Value selected =
      CompressOp::create(b, loc, type, array->value, selector->value, size, at);
  return PyValue::array(selected, array->dtype, shape);
}

ValueRef Emitter::expand(const ValueRef &array, const ValueRef &mask,
                         const ValueRef &values) {
  if (values->shape.size() != 1)
    compileError("TypeError: NumPy boolean array indexing assignment "
                 "requires a 0 or 1-dimensional input, input has " +
                 Twine(values->shape.size()) + " dimensions");
  // As many values as the mask selects (a count known only when running).
  ValueRef selected = reduceAll("count_nonzero", mask, 0);
  Value count = fold(
      arith::IndexCastOp::create(b, loc, b.getIndexType(), selected->value));
  Value given = values->shape[0];
  std::string message = "ValueError: NumPy boolean array indexing assignment "
                        "cannot assign {} input values to the {} output "
                        "values where the mask is true";
  emitAssert(fold(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, given,
                                        count)),
             message, {given, count});
  ValueRef v = castArray(values, array->dtype);
  Value updated = ExpandOp::create(b, loc, array->value.getType(), v->value,
                                   array->value, mask->value);
  return PyValue::array(updated, array->dtype, array->shape);
}

void Emitter::writeArray(const ValueRef &target, const ValueRef &contents) {
  if (!target->aliasWarning.empty())
    compileError(target->aliasWarning);
  if (!target->view) {
    checkNoReshapeAlias(target);
    target->value = contents->value;
    refreshViews(*this, target);
    return;
  }
  insert(*this, target->view->base, accessOfWhole(*this, target), contents);
}

void Emitter::setItem(const ValueRef &array, const ValueRef &index,
                      const ValueRef &value, const ValueRef &masked) {
  // a[mask] = v with a mask of the array's shape: np.where, in place.
  if (index->is(Kind::Array) && index->dtype == DType::Bool) {
    if (index->shape.size() != array->shape.size())
      compileError("boolean index did not match indexed array: it has " +
                   Twine(index->shape.size()) + " dimensions, the array " +
                   Twine(array->shape.size()));
    checkMaskExtents(array, index, 0);
    ValueRef mask =
        broadcastTo(index, array->shape,
                    cast<ArrayType>(array->value.getType()).getLayout());
    ValueRef updated;
    if (masked) {
      updated = where(mask, castArray(masked, array->dtype), array);
    } else {
      // One value (a number, or an array of one element known when
      // compiling) goes everywhere the mask is true; else one per place.
      bool single =
          !value->is(Kind::Array) || llvm::all_of(value->shape, [](Value d) {
            return getConstantIntValue(d) == 1;
          });
      if (!single) {
        writeArray(array, expand(array, mask, value));
        return;
      }
      ValueRef v = value->is(Kind::Array) ? item(value) : value;
      updated = where(mask, castScalar(v, array->dtype, false), array);
    }
    writeArray(array, castArray(updated, array->dtype));
    return;
  }
  // a[idx] = v with an integer array: each index's element (row) written.
  if (index->is(Kind::Array)) {
    writeArray(array, scatter(array, index, value, /*accumulate=*/false));
    return;
  }
  Access access = accessOf(*this, array, index);
  ValueRef contents;
  if (value->is(Kind::Scalar)) {
    contents = full(access.shape, castScalar(value, array->dtype, false),
                    array->dtype);
  } else if (value->is(Kind::Array)) {
    // NumPy drops leading extents of 1 the target does not have.
    ValueRef source = value;
    while (source->shape.size() > access.shape.size() &&
           getConstantIntValue(source->shape.front()) == 1)
      source = subscript(source, intConst(0));
    contents = broadcastTo(castArray(source, array->dtype), access.shape, {},
                           BroadcastFor::Assignment);
  } else {
    compileError("cannot assign " + value->describe() + " to array elements");
  }
  ValueRef base = array->view ? array->view->base : array;
  insert(*this, base, compose(*this, array, access), contents);
}

ValueRef Emitter::roll(const ValueRef &array, const ValueRef &shift,
                       int64_t axis) {
  if (!shift->is(Kind::Scalar) || isFloat(shift->dtype))
    compileError("np.roll shifts must be integers");
  Type i64 = b.getI64Type();
  // s = shift mod n, Python's sign rule (n = 0: nothing moves).
  Value n = arith::IndexCastOp::create(b, loc, i64, array->shape[axis]);
  Value one = arith::ConstantIntOp::create(b, loc, i64, 1);
  Value safe = arith::MaxSIOp::create(b, loc, n, one);
  Value s = convert(b, loc, shift->value, shift->dtype, DType::Int64);
  s = arith::RemSIOp::create(
      b, loc,
      arith::AddIOp::create(b, loc, arith::RemSIOp::create(b, loc, s, safe),
                            safe),
      safe);
  // out[k] = a[(n - s + k) mod n] along the axis: one gather that wraps
  // (a periodic exchange of a few cells when s is small), no copies.
  Value start = fold(arith::IndexCastOp::create(
      b, loc, b.getIndexType(), arith::SubIOp::create(b, loc, n, s)));
  std::vector<Value> starts(array->shape.size(), index(0));
  starts[axis] = start;
  return wrapped(array, starts, array->shape, {axis},
                 cast<ArrayType>(array->value.getType()).getLayout());
}

ValueRef Emitter::wrapped(const ValueRef &array, ArrayRef<Value> starts,
                          ArrayRef<Value> shape, ArrayRef<int64_t> wrap,
                          LayoutAttr layout) {
  Access access;
  for (size_t d = 0; d < shape.size(); ++d) {
    access.starts.push_back(starts[d]);
    access.steps.push_back(1);
    access.dims.push_back(d);
    access.shape.push_back(shape[d]);
  }
  access.wrap.assign(wrap.begin(), wrap.end());
  return PyValue::array(gather(*this, array, access, layout), array->dtype,
                        access.shape);
}

ValueRef Emitter::transpose(const ValueRef &array, ArrayRef<int64_t> given) {
  size_t rank = array->shape.size();
  if (given.size() != rank)
    compileError("axes don't match array");
  std::vector<int64_t> axes;
  for (int64_t axis : given) {
    int64_t d = normalizeAxis(axis, rank);
    if (llvm::is_contained(axes, d))
      compileError("repeated axis in transpose");
    axes.push_back(d);
  }
  Access inner;
  inner.starts.assign(rank, index(0));
  inner.steps.assign(rank, 1);
  inner.dims.assign(rank, 0);
  for (size_t j = 0; j < rank; ++j) {
    inner.dims[axes[j]] = j;
    inner.shape.push_back(array->shape[axes[j]]);
  }
  ValueRef base = array->view ? array->view->base : array;
  return makeView(*this, base, compose(*this, array, inner));
}

Value Emitter::convertArray(const ValueRef &array, ArrayRef<Value> shape,
                            Type type) {
  if (array->value.getType() == type)
    return array->value;
  Access access;
  access.shape.assign(shape.begin(), shape.end());
  for (size_t d = 0; d < shape.size(); ++d) {
    access.starts.push_back(index(0));
    access.steps.push_back(1);
    access.dims.push_back(d);
  }
  Value moved = gather(*this, array, access, cast<ArrayType>(type).getLayout());
  assert(moved.getType() == type && "the shape gives the type's extents");
  return moved;
}

ValueRef Emitter::diagonal(const ValueRef &array, int64_t offset) {
  if (!array->is(Kind::Array) || array->shape.size() < 2)
    compileError("diag requires an array of at least two dimensions");
  if (array->shape.size() > 2)
    compileError("the diagonal of an array of more than 2 dimensions is not "
                 "supported yet");
  // Element t is array[t + max(0, -offset), t + max(0, offset)]; as many
  // as fit along both dimensions (none when the offset is past an edge).
  int64_t row = std::max<int64_t>(0, -offset),
          col = std::max<int64_t>(0, offset);
  auto room = [&](Value extent, int64_t skip) {
    return fold(arith::MaxSIOp::create(
        b, loc, arith::SubIOp::create(b, loc, extent, index(skip)), index(0)));
  };
  Access access;
  access.starts = {index(row), index(col)};
  access.steps = {1, 1};
  access.dims = {0, 0};
  access.shape = {fold(arith::MinSIOp::create(
      b, loc, room(array->shape[0], row), room(array->shape[1], col)))};
  // A copy, not a view: NumPy's diagonal is read-only.
  return PyValue::array(gather(*this, array, access), array->dtype,
                        access.shape);
}

ValueRef Emitter::expandDims(const ValueRef &array, ArrayRef<int64_t> axes,
                             size_t rank) {
  Access access;
  if (array->is(Kind::Scalar)) {
    // A whole-array reduction: an array of ones of extent 1.
    access.shape.assign(rank, index(1));
    return full(access.shape, array, array->dtype);
  }
  size_t next = 0;
  for (size_t d = 0; d < rank; ++d) {
    if (llvm::is_contained(axes, static_cast<int64_t>(d))) {
      access.shape.push_back(index(1));
      continue;
    }
    access.starts.push_back(index(0));
    access.steps.push_back(1);
    access.dims.push_back(d);
    access.shape.push_back(array->shape[next++]);
  }
  return PyValue::array(gather(*this, array, access), array->dtype,
                        access.shape);
}

/// Emits, before NumPy's broadcasting check of two extents `x` and `y`
/// known only when running, the check that neither is a lone 1 where the
/// other is not: NumPy would broadcast it, dac does not yet (its kernels
/// fix their broadcast dimensions when compiling), so this stops every
/// rank with a clear error instead of NumPy's.
static Value noRunTimeUnit(OpBuilder &b, Location loc, Value x, Value y) {
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value same = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, x, y);
  Value xNotOne =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x, one);
  Value yNotOne =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, y, one);
  return arith::OrIOp::create(b, loc, same,
                              arith::AndIOp::create(b, loc, xNotOne, yNotOne));
}

static constexpr const char *kRunTimeUnit =
    "broadcasting an extent of 1 that is known only at run time is not "
    "supported yet: shapes ";

std::vector<Value> Emitter::broadcastShape(ArrayRef<ValueRef> arrays) {
  size_t rank = 0;
  for (const ValueRef &a : arrays)
    rank = std::max(rank, a->shape.size());
  std::vector<Value> shape(rank);
  Value checks, units;
  auto fail = [&]() {
    std::string shapes;
    for (const ValueRef &a : arrays)
      shapes += renderShape(a->shape) + " ";
    compileError("operands could not be broadcast together with shapes " +
                 shapes);
  };
  for (const ValueRef &a : arrays) {
    size_t offset = rank - a->shape.size();
    for (size_t d = 0; d < a->shape.size(); ++d) {
      Value &out = shape[offset + d];
      Value ext = a->shape[d];
      std::optional<int64_t> have =
          out ? getConstantIntValue(out) : std::nullopt;
      std::optional<int64_t> mine = getConstantIntValue(ext);
      if (!out || have == 1 || out == ext) {
        if (!out || mine != 1)
          out = ext;
        continue;
      }
      if (mine == 1 || (have && mine && *have == *mine))
        continue;
      if (have && mine)
        fail();
      // Extents known only at run time: equal when running, or every rank
      // stops with NumPy's message (the operands' shapes in order).
      Value equal =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, out, ext);
      checks = checks ? arith::AndIOp::create(b, loc, checks, equal) : equal;
      Value unit = noRunTimeUnit(b, loc, out, ext);
      units = units ? arith::AndIOp::create(b, loc, units, unit) : unit;
    }
  }
  if (checks) {
    SmallVector<Value> values;
    std::string shapes;
    for (const ValueRef &a : arrays)
      shapes += renderShape(a->shape, &values) + " ";
    emitAssert(units, kRunTimeUnit + StringRef(shapes).rtrim().str(), values);
    emitAssert(checks,
               "ValueError: operands could not be broadcast together with "
               "shapes " +
                   StringRef(shapes).rtrim().str(),
               values);
  }
  return shape;
}

/// NumPy's error when `from` does not broadcast to `to`.
static std::string broadcastError(Emitter::BroadcastFor why,
                                  const std::string &from,
                                  const std::string &to) {
  switch (why) {
  case Emitter::BroadcastFor::Assignment:
    return "could not broadcast input array from shape " + from +
           " into shape " + to;
  case Emitter::BroadcastFor::IndexedAssignment:
    return "shape mismatch: value array of shape " + from +
           " could not be broadcast to indexing result of shape " + to;
  case Emitter::BroadcastFor::Operands:
    break;
  }
  return "operands could not be broadcast together with shapes " + from + " " +
         to;
}

ValueRef Emitter::broadcastTo(const ValueRef &array, std::vector<Value> shape,
                              LayoutAttr layout, BroadcastFor why) {
  size_t rank = shape.size(), own = array->shape.size();
  auto fail = [&]() {
    compileError(
        broadcastError(why, renderShape(array->shape), renderShape(shape)));
  };
  if (own > rank)
    fail();
  Access access;
  access.shape = shape;
  bool same = own == rank;
  for (size_t d = 0; d < own; ++d) {
    Value ext = array->shape[d], target = shape[rank - own + d];
    std::optional<int64_t> e = getConstantIntValue(ext),
                           t = getConstantIntValue(target);
    access.starts.push_back(index(0));
    if (ext == target || (e && t && *e == *t)) {
      access.steps.push_back(1);
      access.dims.push_back(rank - own + d);
      continue;
    }
    if (e != 1) {
      if (e && t)
        fail();
      // Known only at run time: the extents must be equal then (an extent
      // of 1 known only at run time is not broadcast: a clear error).
      Value equal =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, ext, target);
      SmallVector<Value> values;
      std::string from = renderShape(array->shape, &values);
      std::string to = renderShape(shape, &values);
      // (An extent of 1 into another one: NumPy would broadcast it.)
      Value one = index(1);
      emitAssert(
          arith::OrIOp::create(
              b, loc,
              arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, ext, one),
              arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, target,
                                    one)),
          kRunTimeUnit + from + " " + to, values);
      emitAssert(equal, "ValueError: " + broadcastError(why, from, to), values);
      access.steps.push_back(1);
      access.dims.push_back(rank - own + d);
      // An extent known when compiling on one side only: the array takes
      // the type of the other (an identity gather), as ops need one type.
      same &= e.has_value() == t.has_value();
      continue;
    }
    same = false;
    access.steps.push_back(0);
    access.dims.push_back(-1);
  }
  // For an assignment any layout will do: the insert moves the elements.
  bool sameLayout =
      why != BroadcastFor::Operands ||
      effectiveLayout(array) ==
          (layout ? layout : LayoutAttr::getDefault(b.getContext(), rank));
  if (same && sameLayout)
    return array;
  // Read through a gather: broadcast dimensions with step 0, and the
  // elements moved to `layout` if the array has another one.
  return PyValue::array(gather(*this, array, access, layout), array->dtype,
                        shape);
}
