//===- Distribution.cpp - dist= and grid_shape= -> #dist.layout
//------------===//
//
// DistArray's notation for distributions, as scripts write it:
//
//   'bn'                         one code per dimension (missing ones: 'n')
//   ('b', ('c', 2))              a tuple of codes or (code, parameter) pairs
//   {0: 'b'}                     by dimension, unlisted ones 'n'
//   ('b', {'halo': 1, 'periodic': True}), ('b', {'bounds': [0, 2, 9]}),
//   ('u', {'indices': [[4, 0], [1, 3, 2]]})
//
// Everything is known when compiling; the result is a #dist.layout, checked
// by the dialect's verifier (whose message becomes the script error).
//
//===----------------------------------------------------------------------===//

#include "dac/Builder/Emitter.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace dac;
using namespace dac::builder;
using namespace dac::dist;

using Kind = PyValue::Kind;

namespace {

std::string getText(const ValueRef &v) {
  if (!v->is(Kind::String) || !v->items.empty())
    compileError("expected a distribution code ('b', 'c', 'n' or 'u'), got " +
                 v->describe());
  return v->name;
}

int64_t getInt(const ValueRef &v, StringRef what) {
  std::optional<int64_t> i = Emitter::getConstInt(v);
  if (!i || v->dtype == DType::Bool)
    compileError(what + " must be an integer known when compiling");
  return *i;
}

std::vector<int64_t> getIntList(const ValueRef &v, StringRef what) {
  if (!v->is(Kind::Tuple) && !v->is(Kind::List))
    compileError(what + " must be a list of integers");
  std::vector<int64_t> out;
  for (const ValueRef &item : v->items)
    out.push_back(getInt(item, what));
  return out;
}

/// One dimension from a code and optional parameters.
DimAttr parseDim(MLIRContext *ctx, const ValueRef &spec) {
  std::string code;
  ValueRef param;
  if (spec->is(Kind::String)) {
    code = getText(spec);
  } else if ((spec->is(Kind::Tuple) || spec->is(Kind::List)) &&
             spec->items.size() == 2) {
    code = getText(spec->items[0]);
    param = spec->items[1];
  } else {
    compileError("a dimension's distribution is a code or a (code, "
                 "parameter) pair, not " +
                 spec->describe());
  }
  DimKind kind;
  if (code == "b")
    kind = DimKind::Block;
  else if (code == "c")
    kind = DimKind::Cyclic;
  else if (code == "n")
    kind = DimKind::None;
  else if (code == "u")
    kind = DimKind::Unstructured;
  else
    compileError("unknown distribution code '" + code +
                 "' (expected 'b', 'c', 'n' or 'u')");

  int64_t k = 1, lo = 0, hi = 0;
  bool periodic = false;
  std::vector<int64_t> bounds;
  ArrayAttr indices;
  if (param && param->is(Kind::Scalar)) {
    if (kind != DimKind::Cyclic)
      compileError("only 'c' takes a block size");
    k = getInt(param, "the block size");
    if (k < 1)
      compileError("the block size of a cyclic distribution must be at "
                   "least 1, got " +
                   std::to_string(k));
  } else if (param && param->is(Kind::Dict)) {
    for (size_t i = 0; i + 1 < param->items.size(); i += 2) {
      std::string key = getText(param->items[i]);
      const ValueRef &value = param->items[i + 1];
      if (key == "halo" || key == "padding") {
        if (value->is(Kind::Scalar)) {
          lo = hi = getInt(value, "the halo width");
        } else {
          std::vector<int64_t> w = getIntList(value, "halo widths");
          if (w.size() != 2)
            compileError("'halo' is a width or a (lo, hi) pair");
          lo = w[0];
          hi = w[1];
        }
      } else if (key == "periodic") {
        std::optional<int64_t> b = Emitter::getConstInt(value);
        if (!b)
          compileError("'periodic' must be True or False");
        periodic = *b != 0;
      } else if (key == "bounds") {
        bounds = getIntList(value, "bounds");
      } else if (key == "indices") {
        if (!value->is(Kind::Tuple) && !value->is(Kind::List))
          compileError("'indices' must be a list of lists of integers");
        SmallVector<Attribute> lists;
        for (const ValueRef &list : value->items)
          lists.push_back(DenseI64ArrayAttr::get(
              ctx, getIntList(list, "unstructured indices")));
        indices = ArrayAttr::get(ctx, lists);
      } else if (key == "block_size" || key == "k") {
        k = getInt(value, "the block size");
      } else {
        compileError("unknown distribution option '" + key + "'");
      }
    }
  } else if (param) {
    compileError("a distribution parameter is a block size or a dict of "
                 "options, not " +
                 param->describe());
  }
  std::string error;
  auto emitError = [&]() { return mlir::emitError(UnknownLoc::get(ctx)); };
  // The dialect's verifier is the one set of rules; capture its message.
  ScopedDiagnosticHandler handler(ctx, [&](Diagnostic &d) {
    error = d.str();
    return success();
  });
  DimAttr dim = DimAttr::getChecked(emitError, ctx, kind, k, lo, hi, periodic,
                                    ArrayRef<int64_t>(bounds), indices);
  if (!dim)
    compileError("invalid distribution: " + error);
  return dim;
}

} // namespace

LayoutAttr Emitter::parseLayout(const ValueRef &dist, const ValueRef &grid,
                                ArrayRef<Value> shape) {
  MLIRContext *ctx = b.getContext();
  size_t rank = shape.size();
  bool hasDist = dist && !dist->is(Kind::None);
  bool hasGrid = grid && !grid->is(Kind::None);
  if (!hasDist && !hasGrid)
    return LayoutAttr();
  SmallVector<DimAttr> dims(rank, DimAttr::getNone(ctx));
  if (!hasDist) {
    dims = SmallVector<DimAttr>(LayoutAttr::getDefault(ctx, rank).getDims());
  } else if (dist->is(Kind::String)) {
    std::string codes = getText(dist);
    if (codes.size() > rank)
      compileError("dist '" + codes + "' has " + std::to_string(codes.size()) +
                   " codes for an array of rank " + std::to_string(rank));
    for (size_t i = 0; i < codes.size(); ++i)
      dims[i] = parseDim(ctx, PyValue::string(std::string(1, codes[i])));
  } else if (dist->is(Kind::Tuple) || dist->is(Kind::List)) {
    if (dist->items.size() > rank)
      compileError("dist has " + std::to_string(dist->items.size()) +
                   " entries for an array of rank " + std::to_string(rank));
    for (size_t i = 0; i < dist->items.size(); ++i)
      dims[i] = parseDim(ctx, dist->items[i]);
  } else if (dist->is(Kind::Dict)) {
    for (size_t i = 0; i + 1 < dist->items.size(); i += 2) {
      int64_t axis = getInt(dist->items[i], "a dist dictionary key");
      if (axis < 0)
        axis += rank;
      if (axis < 0 || axis >= static_cast<int64_t>(rank))
        compileError("dist names axis " + std::to_string(axis) +
                     " of an array of rank " + std::to_string(rank));
      dims[axis] = parseDim(ctx, dist->items[i + 1]);
    }
  } else {
    compileError("dist must be a string, a tuple or a dict, not " +
                 dist->describe());
  }
  SmallVector<int64_t> gridShape;
  if (hasGrid) {
    std::vector<int64_t> given =
        grid->is(Kind::Scalar)
            ? std::vector<int64_t>{getInt(grid, "grid_shape")}
            : getIntList(grid, "grid_shape");
    // DistArray's grid_shape has one extent per dimension (1 where the
    // dimension is not distributed); one extent per distributed dimension
    // is accepted too. The layout keeps the distributed ones.
    size_t distributed =
        llvm::count_if(dims, [](DimAttr d) { return d.isDistributed(); });
    if (given.size() == rank && rank != distributed) {
      for (size_t i = 0; i < rank; ++i) {
        if (dims[i].isDistributed())
          gridShape.push_back(given[i]);
        else if (given[i] != 1)
          compileError("grid_shape gives " + std::to_string(given[i]) +
                       " ranks to axis " + std::to_string(i) +
                       ", which is not distributed ('n'): it must be 1");
      }
    } else {
      gridShape.assign(given.begin(), given.end());
    }
  }
  std::string error;
  ScopedDiagnosticHandler handler(ctx, [&](Diagnostic &d) {
    error = d.str();
    return success();
  });
  auto emitError = [&]() { return mlir::emitError(UnknownLoc::get(ctx)); };
  LayoutAttr layout = LayoutAttr::getChecked(
      emitError, ctx, ArrayRef<DimAttr>(dims), ArrayRef<int64_t>(gridShape));
  if (!layout)
    compileError("invalid distribution: " + error);
  // Checks that need the extents (bounds end, halo width, index range).
  SmallVector<int64_t> static_;
  for (Value d : shape)
    static_.push_back(getConstantIntValue(d).value_or(ShapedType::kDynamic));
  if (!ArrayType::getChecked(emitError, ctx, ArrayRef<int64_t>(static_),
                             Type(b.getF64Type()), layout))
    compileError("invalid distribution: " + error);
  return layout;
}

LayoutAttr Emitter::effectiveLayout(const ValueRef &array) {
  auto type = cast<ArrayType>(array->value.getType());
  return type.getLayout()
             ? type.getLayout()
             : LayoutAttr::getDefault(b.getContext(), type.getRank());
}

ValueRef Emitter::redistribute(const ValueRef &a, LayoutAttr layout) {
  if (!layout)
    layout = LayoutAttr::getDefault(b.getContext(), a->shape.size());
  if (isRecomputable(a))
    return recompute(a, a->shape, layout, "dac.redistribute");
  ValueRef moved = broadcastTo(a, a->shape, layout);
  return moved == a ? PyValue::array(a->value, a->dtype, a->shape) : moved;
}
