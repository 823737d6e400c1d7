//===- LibraryShapes.cpp - np.transpose, swapaxes, np.roll, np.pad --------===//
//
// Library functions that rearrange an array's elements: transposes are
// views (their elements gathered where they are read), np.roll and np.pad
// new arrays. Split from Library.cpp's name dispatch.
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace dac;
using namespace dac::script;
using Kind = PyValue::Kind;

ValueRef IRGen::callShapeFunction(StringRef name, const CallArgs &args,
                                  const ValueRef &self) {
  auto arg = [&](size_t i, StringRef key) { return args.get(i, key); };
  auto required = [&](size_t i, StringRef key) {
    ValueRef v = args.get(i, key);
    if (!v)
      compileError(name.rsplit('.').second + "() missing required argument '" +
                   key + "'");
    return v;
  };
  // np.transpose's axes: a permutation of the dimensions (negative ones
  // count from the end), the reversed order when absent.
  auto permutation = [&](const ValueRef &array,
                         std::vector<ValueRef> items) -> std::vector<int64_t> {
    int64_t rank = array->shape.size();
    std::vector<int64_t> axes;
    if (items.size() == 1 &&
        (items[0]->is(Kind::Tuple) || items[0]->is(Kind::List)))
      items = items[0]->items;
    if (items.empty() || (items.size() == 1 && items[0]->is(Kind::None))) {
      for (int64_t d = rank; d-- > 0;)
        axes.push_back(d);
      return axes;
    }
    // Emitter::transpose checks them.
    for (const ValueRef &item : items) {
      std::optional<int64_t> a = Emitter::getConstInt(item);
      if (!a)
        compileError("axes must be integers known when compiling");
      axes.push_back(*a);
    }
    return axes;
  };
  if (name == "ndarray.transpose" && self->is(Kind::Array)) {
    if (!args.keywords.empty())
      compileError("TypeError: transpose() takes no keyword arguments");
    return em.transpose(self, permutation(self, args.positional));
  }
  if ((name == "ndarray.swapaxes" && self->is(Kind::Array)) ||
      name == "numpy.swapaxes") {
    // a.swapaxes(axis1, axis2) or np.swapaxes(a, axis1, axis2).
    size_t first = name == "numpy.swapaxes" ? 1 : 0;
    ValueRef a = first ? required(0, "a") : self;
    if (!a->is(Kind::Array))
      compileError("np.swapaxes expects an array");
    int64_t rank = a->shape.size();
    auto axis = [&](size_t i, StringRef key) {
      std::optional<int64_t> v = Emitter::getConstInt(required(first + i, key));
      if (!v || *v < -rank || *v >= rank)
        compileError("swapaxes needs axes known when compiling, in range");
      return *v < 0 ? *v + rank : *v;
    };
    std::vector<int64_t> axes;
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
    std::swap(axes[axis(0, "axis1")], axes[axis(1, "axis2")]);
    return em.transpose(a, axes);
  }
  if (name == "numpy.roll") {
    args.check("roll", 3, {"a", "shift", "axis"});
    ValueRef a = required(0, "a");
    ValueRef shift = required(1, "shift");
    ValueRef axis = arg(2, "axis");
    if (!a->is(Kind::Array))
      compileError("np.roll expects an array");
    int64_t rank = a->shape.size();
    std::vector<ValueRef> shifts =
        shift->is(Kind::Tuple) || shift->is(Kind::List)
            ? shift->items
            : std::vector<ValueRef>{shift};
    std::vector<ValueRef> axes;
    if (!axis || axis->is(Kind::None)) {
      if (rank != 1)
        compileError("np.roll without an axis of an array of more than one "
                     "dimension is not supported yet (give axis=)");
      axes.push_back(em.intConst(0));
    } else {
      axes = axis->is(Kind::Tuple) || axis->is(Kind::List)
                 ? axis->items
                 : std::vector<ValueRef>{axis};
    }
    if (shifts.size() != axes.size())
      compileError("'shift' and 'axis' should be scalars or 1D sequences of "
                   "the same length");
    ValueRef result = a;
    for (auto [s, ax] : llvm::zip(shifts, axes)) {
      std::optional<int64_t> d = Emitter::getConstInt(ax);
      if (!d || *d < -rank || *d >= rank)
        compileError("axis must be an integer in range, known when compiling");
      result = em.roll(result, s, *d < 0 ? *d + rank : *d);
    }
    return result;
  }
  if (name == "numpy.pad")
    return pad(args);
  if (name == "numpy.diff") {
    // a[..., 1:] - a[..., :-1] along `axis`, n times (not_equal for bools).
    args.check("diff", 3, {"a", "n", "axis"});
    ValueRef a = required(0, "a");
    if (!a->is(Kind::Array) || a->shape.empty())
      compileError("diff requires input that is at least one dimensional");
    int64_t rank = a->shape.size();
    ValueRef nArg = arg(1, "n"), axisArg = arg(2, "axis");
    std::optional<int64_t> n = nArg ? Emitter::getConstInt(nArg) : 1;
    std::optional<int64_t> axis = axisArg ? Emitter::getConstInt(axisArg) : -1;
    if (!n)
      compileError("np.diff's order n must be an integer known when "
                   "compiling");
    if (*n < 0)
      compileError("order must be non-negative but got " + Twine(*n));
    if (!axis || *axis < -rank || *axis >= rank)
      compileError("axis must be an integer in range, known when compiling");
    int64_t d = *axis < 0 ? *axis + rank : *axis;
    ValueRef after =
        Emitter::along(rank, d, Emitter::slice(em.intConst(1), {}));
    ValueRef before =
        Emitter::along(rank, d, Emitter::slice({}, em.intConst(-1)));
    ValueRef result = a;
    for (int64_t i = 0; i < *n; ++i)
      result = em.applyUfunc(
          result->dtype == DType::Bool ? "not_equal" : "subtract",
          {em.subscript(result, after), em.subscript(result, before)});
    return result;
  }
  if (name == "numpy.transpose") {
    args.check("transpose", 2, {"a", "axes"});
    ValueRef a = required(0, "a");
    if (!a->is(Kind::Array))
      compileError("np.transpose expects an array");
    ValueRef axes = arg(1, "axes");
    return em.transpose(a, permutation(a, axes ? std::vector<ValueRef>{axes}
                                               : std::vector<ValueRef>{}));
  }
  return nullptr;
}

/// True if NumPy 1.24's np.pad(mode='wrap') of `n` elements by (before,
/// after) is periodic: it fills wide pads in rounds, each copying from the
/// part filled so far, which drifts off the period when both sides are
/// padded. Replays the rounds on source indices (small extents only).
static bool wrapsPeriodically(int64_t n, int64_t before, int64_t after) {
  int64_t total = n + before + after;
  if (total > (int64_t(1) << 20))
    return false;
  std::vector<int64_t> line(total, -1);
  for (int64_t i = 0; i < n; ++i)
    line[before + i] = i;
  int64_t left = before, right = after;
  while (left > 0 || right > 0) {
    int64_t period = total - left - right, nextLeft = 0, nextRight = 0;
    if (left > 0) {
      // The last min(period, left) filled elements, before the pad.
      int64_t count = std::min(period, left), from = total - right - count;
      int64_t to = left > period ? left - period : 0;
      nextLeft = left > period ? left - period : 0;
      for (int64_t i = 0; i < count; ++i)
        line[to + i] = line[from + i];
    }
    if (right > 0) {
      int64_t count = std::min(period, right), from = left;
      int64_t to = total - right;
      nextRight = right > period ? right - period : 0;
      for (int64_t i = 0; i < count; ++i)
        line[to + i] = line[from + i];
    }
    left = nextLeft;
    right = nextRight;
  }
  for (int64_t k = 0; k < total; ++k)
    if (line[k] != (((k - before) % n) + n) % n)
      return false;
  return true;
}

ValueRef IRGen::pad(const CallArgs &args) {
  args.check("pad", 4, {"array", "pad_width", "mode", "constant_values"});
  ValueRef a = args.get(0, "array"), widthArg = args.get(1, "pad_width");
  if (!a || !widthArg)
    compileError("pad() needs an array and pad_width");
  if (!a->is(Kind::Array))
    compileError("np.pad expects an array");
  size_t rank = a->shape.size();
  ValueRef modeArg = args.get(2, "mode");
  std::string mode = modeArg ? modeArg->name : "constant";
  if (modeArg && !modeArg->is(Kind::String))
    compileError("np.pad's mode must be a string");
  if (mode != "constant" && mode != "edge" && mode != "wrap" &&
      mode != "reflect" && mode != "symmetric")
    compileError("np.pad mode '" + mode +
                 "' is not supported yet (constant, "
                 "edge, wrap, reflect and symmetric are)");
  ValueRef constant = args.get(3, "constant_values");
  if (constant && (mode != "constant" || !constant->is(Kind::Scalar)))
    compileError(mode != "constant"
                     ? "constant_values goes with mode 'constant'"
                     : "np.pad's constant_values must be one number");

  // pad_width: n, (n,), (before, after), or one such pair per dimension.
  auto number = [&](const ValueRef &v) {
    std::optional<int64_t> c = Emitter::getConstInt(v);
    if (!c)
      compileError("pad widths must be integers known when compiling");
    if (*c < 0)
      compileError("index can't contain negative values");
    return *c;
  };
  auto pair = [&](const ValueRef &v) -> std::pair<int64_t, int64_t> {
    if (!v->is(Kind::Tuple) && !v->is(Kind::List))
      return {number(v), number(v)};
    if (v->items.size() == 1)
      return {number(v->items[0]), number(v->items[0])};
    if (v->items.size() != 2)
      compileError("pad widths are (before, after) pairs");
    return {number(v->items[0]), number(v->items[1])};
  };
  std::vector<std::pair<int64_t, int64_t>> widths;
  bool perDim = (widthArg->is(Kind::Tuple) || widthArg->is(Kind::List)) &&
                !widthArg->items.empty() &&
                (widthArg->items[0]->is(Kind::Tuple) ||
                 widthArg->items[0]->is(Kind::List));
  if (perDim && widthArg->items.size() != 1) {
    if (widthArg->items.size() != rank)
      compileError("pad_width has " + Twine(widthArg->items.size()) +
                   " pairs for an array of " + Twine(rank) + " dimensions");
    for (const ValueRef &item : widthArg->items)
      widths.push_back(pair(item));
  } else {
    widths.assign(rank, pair(perDim ? widthArg->items[0] : widthArg));
  }

  OpBuilder &b = em.b;
  std::vector<Value> extents, shape;
  for (size_t d = 0; d < rank; ++d) {
    extents.push_back(a->shape[d]);
    shape.push_back(em.fold(arith::AddIOp::create(
        b, em.loc, a->shape[d], em.index(widths[d].first + widths[d].second))));
  }
  if (mode == "wrap") {
    // One gather that wraps: out[k] = a[(k - before) mod n] along each
    // padded dimension. NumPy 1.24 fills pads wider than the array in
    // rounds that stop being periodic when both sides are padded: those
    // are refused.
    std::vector<Value> starts;
    std::vector<int64_t> wrap;
    for (size_t d = 0; d < rank; ++d) {
      auto [before, after] = widths[d];
      if (!before && !after) {
        starts.push_back(em.index(0));
        continue;
      }
      std::string empty = "can't extend empty axis " + std::to_string(d) +
                          " using modes other than 'constant' or 'empty'";
      std::string wide = "np.pad mode 'wrap' with pads on both sides, one "
                         "wider than the array, is not supported yet";
      int64_t widest = before && after ? std::max(before, after) : 1;
      std::optional<int64_t> n = getConstantIntValue(extents[d]);
      if (n && *n == 0)
        compileError(empty);
      if (n && *n < widest && !wrapsPeriodically(*n, before, after))
        compileError(wide);
      if (!n) {
        auto atLeast = [&](int64_t v) {
          return arith::CmpIOp::create(b, em.loc, arith::CmpIPredicate::sge,
                                       extents[d], em.index(v));
        };
        em.emitAssert(atLeast(1), "ValueError: " + empty);
        em.emitAssert(atLeast(widest), "ValueError: " + wide);
      }
      // (n - before mod n) mod n, in [0, n); n = 1 when it is 0 (then the
      // program stops above).
      Value safe = arith::MaxSIOp::create(b, em.loc, extents[d], em.index(1));
      Value start = arith::RemUIOp::create(
          b, em.loc,
          arith::SubIOp::create(
              b, em.loc, safe,
              arith::RemUIOp::create(b, em.loc, em.index(before), safe)),
          safe);
      starts.push_back(em.fold(start));
      wrap.push_back(d);
    }
    return em.wrapped(a, starts, shape, wrap);
  }

  // The padded array, filled with the constant (0 by default) ...
  ValueRef fill = constant ? constant : em.intConst(0);
  ValueRef out = em.full(shape, em.castScalar(fill, a->dtype, false), a->dtype,
                         cast<dist::ArrayType>(a->value.getType()).getLayout());
  // `from:to:step` along `axis`, everything elsewhere; bounds are index
  // values or, when null, omitted.
  auto slices = [&](size_t axis, Value from, Value to, int64_t step) {
    auto bound = [&](Value v) { return v ? em.intValue(v) : ValueRef(); };
    return Emitter::along(
        rank, axis,
        Emitter::slice(bound(from), bound(to),
                       step != 1 ? em.intConst(step) : ValueRef()));
  };
  auto at = [&](Value base, int64_t offset) -> Value {
    return em.fold(arith::AddIOp::create(b, em.loc, base, em.index(offset)));
  };
  // ... the array in the middle ...
  std::vector<ValueRef> middle;
  for (size_t d = 0; d < rank; ++d)
    middle.push_back(
        Emitter::slice(em.intConst(widths[d].first),
                       em.intValue(at(extents[d], widths[d].first))));
  em.setItem(out, PyValue::tuple(middle), a);
  if (mode == "constant")
    return out;
  // ... and the pads filled from it one dimension after the other, over
  // the whole extent of the dimensions padded before (corners as NumPy).
  for (size_t d = 0; d < rank; ++d) {
    auto [before, after] = widths[d];
    // NumPy repeats reflection for wider pads; here a pad is one copy of
    // (part of) the array: at most its extent (minus one for reflect,
    // which skips the edge), at least one element for edge.
    int64_t need = mode == "reflect" ? 1 : 0;
    int64_t widest = mode == "edge" ? 1 : std::max(before, after) + need;
    if (before || after) {
      std::string message =
          mode == "edge"
              ? "np.pad mode 'edge' of an empty dimension"
              : "np.pad mode '" + mode + "' with a pad wider than the array" +
                    (need ? " minus one" : "") +
                    " (repeated reflection) is not supported yet";
      std::optional<int64_t> n = getConstantIntValue(extents[d]);
      if (n && *n < widest)
        compileError(message);
      if (!n)
        em.emitAssert(arith::CmpIOp::create(b, em.loc,
                                            arith::CmpIPredicate::sge,
                                            extents[d], em.index(widest)),
                      "ValueError: " + message);
    }
    Value lo = em.index(before), hi = at(extents[d], before); // [lo, hi)
    // out[from:to] along d = out[srcFrom:srcTo] (reversed when asked).
    auto assign = [&](Value from, Value to, Value srcFrom, Value srcTo,
                      bool reversed) {
      ValueRef src = em.subscript(out, slices(d, srcFrom, srcTo, 1));
      if (reversed)
        src = em.subscript(src, slices(d, nullptr, nullptr, -1));
      em.setItem(out, slices(d, from, to, 1), src);
    };
    // Edge: the row at `index` along d, broadcast over the pad (an integer
    // index and a new axis: its extent is 1 also when n is not known).
    auto edge = [&](Value from, Value to, Value index) {
      ValueRef row =
          em.subscript(out, Emitter::along(rank, d, em.intValue(index)));
      em.setItem(out, slices(d, from, to, 1),
                 em.expandDims(row, {static_cast<int64_t>(d)}, rank));
    };
    Value end = shape[d];
    if (before) {
      if (mode == "edge")
        edge(nullptr, lo, lo);
      else if (mode == "reflect")
        assign(nullptr, lo, at(lo, 1), at(lo, before + 1), true);
      else
        assign(nullptr, lo, lo, at(lo, before), true);
    }
    if (after) {
      if (mode == "edge")
        edge(hi, end, at(hi, -1));
      else if (mode == "reflect")
        assign(hi, end, at(hi, -1 - after), at(hi, -1), true);
      else
        assign(hi, end, at(hi, -after), hi, true);
    }
  }
  return out;
}
