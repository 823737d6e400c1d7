//===- LibraryShapes.cpp - np.transpose, swapaxes, np.roll ----------------===//
//
// Library functions that rearrange an array's elements: transposes are
// views (their elements gathered where they are read), np.roll a new
// array. Split from Library.cpp's name dispatch.
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"

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
    if (static_cast<int64_t>(items.size()) != rank)
      compileError("axes don't match array");
    std::vector<bool> seen(rank, false);
    for (const ValueRef &item : items) {
      std::optional<int64_t> a = Emitter::getConstInt(item);
      if (!a)
        compileError("axes must be integers known when compiling");
      int64_t d = *a < 0 ? *a + rank : *a;
      if (d < 0 || d >= rank)
        compileError("axis " + Twine(*a) +
                     " is out of bounds for array of dimension " + Twine(rank));
      if (seen[d])
        compileError("repeated axis in transpose");
      seen[d] = true;
      axes.push_back(d);
    }
    return axes;
  };
  if (name == "ndarray.transpose" && self->is(Kind::Array))
    return em.transpose(self, permutation(self, args.positional));
  if (name == "ndarray.swapaxes" && self->is(Kind::Array)) {
    int64_t rank = self->shape.size();
    auto axis = [&](size_t i, StringRef key) {
      std::optional<int64_t> a = Emitter::getConstInt(required(i, key));
      if (!a || *a < -rank || *a >= rank)
        compileError("swapaxes needs axes known when compiling, in range");
      return *a < 0 ? *a + rank : *a;
    };
    std::vector<int64_t> axes;
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
    std::swap(axes[axis(0, "axis1")], axes[axis(1, "axis2")]);
    return em.transpose(self, axes);
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
