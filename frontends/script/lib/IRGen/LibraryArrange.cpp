//===- LibraryArrange.cpp - np.flip, triu/tril, diag, stack, nonzero -----===//
//
// Library functions that build arrays from the elements of others without
// arithmetic: reversed views, triangles (a select on positions), diagonals
// (a gather that reads both dimensions along one), joins (a new array
// written piece by piece through views of it) and the indices of non-zero
// elements (index grids read through a mask). Split from Library.cpp's name
// dispatch.
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace dac;
using namespace dac::script;
using Kind = PyValue::Kind;

ValueRef IRGen::callArrangeFunction(StringRef name, const CallArgs &args,
                                    const ValueRef &self) {
  StringRef shortName = name.rsplit('.').second;
  auto required = [&](size_t i, StringRef key) {
    ValueRef v = args.get(i, key);
    if (!v)
      compileError(shortName + "() missing required argument '" + key + "'");
    return v;
  };
  auto array = [&](const ValueRef &v) {
    if (!v->is(Kind::Array))
      compileError("np." + shortName + " expects an array, not " +
                   v->describe());
    return v;
  };
  // Array-likes (numbers, lists) become arrays as np.asarray makes them.
  auto asArray = [&](const ValueRef &v) {
    if (v->is(Kind::Array))
      return v;
    CallArgs converted;
    converted.positional = {v};
    return array(callLibrary("numpy.asarray", converted, nullptr));
  };
  // An integer argument known when compiling (`fallback` when absent).
  auto constant = [&](size_t i, StringRef key, int64_t fallback) {
    ValueRef v = args.get(i, key);
    if (!v)
      return fallback;
    std::optional<int64_t> c = Emitter::getConstInt(v);
    if (!c)
      compileError(key + " of np." + shortName +
                   " must be an integer known when compiling");
    return *c;
  };
  // An axis in range for `rank` dimensions, negative ones from the end.
  auto normalizeAxis = Emitter::normalizeAxis;

  if (name == "numpy.flip" || name == "numpy.fliplr" ||
      name == "numpy.flipud") {
    if (name == "numpy.flip")
      args.check(shortName, 2, {"m", "axis"});
    else
      args.check(shortName, 1, {"m"});
    ValueRef a = array(required(0, "m"));
    int64_t rank = a->shape.size();
    ValueRef reversed = Emitter::slice({}, {}, em.intConst(-1));
    std::vector<ValueRef> items(rank, Emitter::slice({}, {}));
    ValueRef axisArg = name == "numpy.flip" ? args.get(1, "axis") : nullptr;
    if (name == "numpy.flip" && (!axisArg || axisArg->is(Kind::None))) {
      items.assign(rank, reversed);
    } else if (axisArg &&
               (axisArg->is(Kind::Tuple) || axisArg->is(Kind::List))) {
      for (const ValueRef &item : axisArg->items) {
        std::optional<int64_t> axis = Emitter::getConstInt(item);
        if (!axis)
          compileError("axis of np.flip must be integers known when "
                       "compiling");
        items[normalizeAxis(*axis, rank)] = reversed;
      }
    } else {
      int64_t axis = name == "numpy.fliplr"   ? 1
                     : name == "numpy.flipud" ? 0
                                              : constant(1, "axis", 0);
      if (name == "numpy.fliplr" && rank < 2)
        compileError("Input must be >= 2-d.");
      if (name == "numpy.flipud" && rank < 1)
        compileError("Input must be >= 1-d.");
      items[normalizeAxis(axis, rank)] = reversed;
    }
    return em.subscript(a, PyValue::tuple(items));
  }
  if (name == "numpy.meshgrid") {
    // Coordinate matrices (copies): input k varies along output dimension
    // k, except that with indexing='xy' the first two swap.
    args.check("meshgrid", SIZE_MAX, {"indexing", "copy", "sparse"});
    std::string indexing = "xy";
    if (ValueRef v = args.get(SIZE_MAX, "indexing")) {
      if (!v->is(Kind::String) || (v->name != "xy" && v->name != "ij"))
        compileError("Valid values for `indexing` are 'xy' and 'ij'.");
      indexing = v->name;
    }
    if (ValueRef v = args.get(SIZE_MAX, "sparse"))
      if (Emitter::getConstInt(v).value_or(1) != 0)
        compileError("np.meshgrid(sparse=True) is not supported yet");
    size_t n = args.positional.size();
    std::vector<size_t> position(n);
    for (size_t k = 0; k < n; ++k)
      position[k] = indexing == "xy" && n >= 2 && k < 2 ? 1 - k : k;
    std::vector<Value> shape(n);
    for (size_t k = 0; k < n; ++k) {
      const ValueRef &x = args.positional[k];
      if (!x->is(Kind::Array) || x->shape.size() != 1)
        compileError("np.meshgrid of inputs other than 1-D arrays is not "
                     "supported yet");
      shape[position[k]] = x->shape[0];
    }
    ValueRef grids = PyValue::tuple({});
    grids->kind = Kind::List;
    for (size_t k = 0; k < n; ++k) {
      // x[None, ..., :, ..., None] read at the full shape.
      std::vector<ValueRef> index;
      for (size_t d = 0; d < n; ++d) {
        if (d == position[k]) {
          index.push_back(std::make_shared<PyValue>());
          index.back()->kind = Kind::Slice;
          index.back()->items = {PyValue::none(), PyValue::none(),
                                 PyValue::none()};
        } else {
          index.push_back(PyValue::none());
        }
      }
      ValueRef view =
          em.subscript(args.positional[k], PyValue::tuple(std::move(index)));
      ValueRef grid = em.broadcastTo(view, shape, /*layout=*/{});
      grids->items.push_back(
          PyValue::array(grid->value, grid->dtype, grid->shape));
    }
    return grids;
  }
  if (name == "numpy.cumsum" || name == "numpy.cumprod" ||
      name == "ndarray.cumsum" || name == "ndarray.cumprod" ||
      name.starts_with("numpy.ufunc_accumulate.")) {
    // Running sums and products (flattened without an axis), and
    // ufunc.accumulate (axis 0 by default).
    bool method = name.starts_with("ndarray.");
    bool ufunc = name.starts_with("numpy.ufunc_accumulate.");
    std::string shown =
        ufunc ? (shortName + ".accumulate").str() : shortName.str();
    size_t first = method ? 0 : 1;
    args.check(shown, first + 2,
               method ? ArrayRef<StringRef>{"axis", "dtype"}
                      : ArrayRef<StringRef>{"a", "array", "axis", "dtype"});
    ValueRef a = method ? self : args.get(0, ufunc ? "array" : "a");
    if (!a)
      compileError(shown + "() missing required argument 'a'");
    if (!a->is(Kind::Array) && !a->is(Kind::Scalar))
      a = asArray(a);
    std::optional<int64_t> axis;
    ValueRef axisArg = args.get(first, "axis");
    if (ufunc && !axisArg)
      axis = 0;
    else if (axisArg && !axisArg->is(Kind::None))
      axis = constant(first, "axis", 0);
    return em.accumulate(shortName, a, axis,
                         parseDType(args.get(first + 1, "dtype")));
  }
  if (name == "numpy.ufunc_at.add" || name == "numpy.ufunc_at.subtract") {
    // np.add.at(a, indices, b): unbuffered, every repeated index adds.
    bool subtract = name.ends_with("subtract");
    args.check(subtract ? "subtract.at" : "add.at", 3, {});
    ValueRef a = required(0, "a"), indices = required(1, "indices");
    ValueRef bArg = args.get(2, "b");
    if (!a->is(Kind::Array) || !bArg)
      compileError(shortName + ".at needs an array, indices and values");
    if (!indices->is(Kind::Array))
      indices = asArray(indices);
    if (subtract)
      bArg = em.unaryOp("-", bArg);
    em.writeArray(a, em.scatter(a, indices, bArg, /*accumulate=*/true));
    return PyValue::none();
  }
  if (name == "numpy.take" || name == "ndarray.take") {
    // Without an axis, of the flattened array.
    bool method = name == "ndarray.take";
    if (method)
      args.check(shortName, 2, {"indices", "axis"});
    else
      args.check(shortName, 3, {"a", "indices", "axis"});
    ValueRef a = method ? self : array(required(0, "a"));
    ValueRef indices = required(method ? 0 : 1, "indices");
    ValueRef axis = args.get(method ? 1 : 2, "axis");
    if (axis && !axis->is(Kind::None)) {
      std::optional<int64_t> d = Emitter::getConstInt(axis);
      if (!d)
        compileError("axis of np.take must be an integer known when "
                     "compiling");
      // Rows: along the first axis.
      if (normalizeAxis(*d, a->shape.size()) != 0)
        compileError("np.take along an axis other than the first is not "
                     "supported yet");
    } else if (a->shape.size() != 1) {
      a = reshape(a, em.intConst(-1));
    }
    if (!indices->is(Kind::Array))
      return em.subscript(a, indices);
    return em.take(a, indices);
  }
  if (name == "numpy.triu" || name == "numpy.tril") {
    // Elements above (below) the k-th diagonal of the last two dimensions
    // kept, the others zero of the array's dtype.
    args.check(shortName, 2, {"m", "k"});
    ValueRef a = array(required(0, "m"));
    int64_t k = constant(1, "k", 0);
    size_t rank = a->shape.size();
    if (rank < 2)
      compileError("np." + shortName +
                   " of arrays of fewer than 2 "
                   "dimensions is not supported yet");
    dist::LayoutAttr layout = em.effectiveLayout(a);
    ValueRef i = em.indexArray(a->shape, rank - 2, DType::Int64, layout);
    ValueRef j = em.indexArray(a->shape, rank - 1, DType::Int64, layout);
    ValueRef offset = em.binaryOp("-", j, i);
    ValueRef keep =
        em.binaryOp(name == "numpy.triu" ? ">=" : "<=", offset, em.intConst(k));
    return em.where(keep, a, em.castScalar(em.intConst(0), a->dtype, false));
  }
  if (name == "numpy.diagonal" || name == "ndarray.diagonal" ||
      name == "numpy.trace" || name == "ndarray.trace" ||
      name == "numpy.diag") {
    bool method = name.starts_with("ndarray.");
    bool diag = name == "numpy.diag";
    size_t at = method ? 0 : 1;
    if (diag)
      args.check(shortName, 2, {"v", "k"});
    else if (method)
      args.check(shortName, 3, {"offset", "axis1", "axis2"});
    else
      args.check(shortName, 4, {"a", "offset", "axis1", "axis2"});
    ValueRef a = method ? self : array(required(0, diag ? "v" : "a"));
    if (diag && a->shape.size() != 1 && a->shape.size() != 2)
      compileError("Input must be 1- or 2-d.");
    if (diag && a->shape.size() == 1) {
      // A square matrix of n + |k| rows, zero but for the n x n block
      // whose diagonal is the k-th diagonal of the whole: v there.
      int64_t k = constant(1, "k", 0);
      Value n = a->shape[0];
      Value size =
          em.fold(arith::AddIOp::create(b, em.loc, n, em.index(std::abs(k))));
      ValueRef result =
          em.full({size, size}, em.castScalar(em.intConst(0), a->dtype, false),
                  a->dtype);
      dist::LayoutAttr layout = em.effectiveLayout(result);
      ValueRef i = em.indexArray({n, n}, 0, DType::Int64, layout);
      ValueRef j = em.indexArray({n, n}, 1, DType::Int64, layout);
      ValueRef block =
          em.where(em.binaryOp("==", i, j), em.expandDims(a, {1}, 2),
                   em.castScalar(em.intConst(0), a->dtype, false));
      auto from = [&](int64_t start) {
        Value end =
            em.fold(arith::AddIOp::create(b, em.loc, em.index(start), n));
        return Emitter::slice(em.intConst(start), em.intValue(end));
      };
      em.setItem(result,
                 PyValue::tuple({from(std::max<int64_t>(-k, 0)),
                                 from(std::max<int64_t>(k, 0))}),
                 block);
      return result;
    }
    // axis1/axis2 of a 2-D array: the diagonal of it or of its transpose.
    if (!diag && a->shape.size() == 2) {
      int64_t axis1 = normalizeAxis(constant(at + 1, "axis1", 0), 2);
      int64_t axis2 = normalizeAxis(constant(at + 2, "axis2", 1), 2);
      if (axis1 == axis2)
        compileError("axis1 and axis2 cannot be the same");
      if (axis1 == 1)
        a = em.transpose(a, {1, 0});
    }
    ValueRef diagonal = em.diagonal(a, constant(at, diag ? "k" : "offset", 0));
    if (shortName == "trace")
      return em.reduce("sum", diagonal, 0);
    return diagonal;
  }
  if (name == "numpy.nonzero" || name == "numpy.flatnonzero" ||
      name == "numpy.argwhere" ||
      (name == "numpy.where" && args.positional.size() == 1 &&
       args.keywords.empty())) {
    // The indices of the non-zero elements, in C order: for each
    // dimension, its index grid read through the mask (dist.compress).
    bool where = name == "numpy.where";
    args.check(shortName, 1, {where ? "condition" : "a"});
    ValueRef a = array(required(0, where ? "condition" : "a"));
    size_t rank = a->shape.size();
    if (rank == 0)
      compileError("np." + shortName +
                   " of a 0-d array is not supported (NumPy deprecates it)");
    ValueRef mask =
        a->dtype == DType::Bool ? a : em.binaryOp("!=", a, em.intConst(0));
    dist::LayoutAttr layout =
        cast<dist::ArrayType>(mask->value.getType()).getLayout();
    std::vector<ValueRef> grids;
    for (size_t d = 0; d < rank; ++d) {
      ValueRef along = em.arange(em.intConst(0), em.intValue(a->shape[d]),
                                 em.intConst(1), DType::Int64);
      std::vector<int64_t> others;
      for (size_t e = 0; e < rank; ++e)
        if (e != d)
          others.push_back(e);
      grids.push_back(
          em.broadcastTo(em.expandDims(along, others, rank), a->shape, layout));
    }
    if (name == "numpy.flatnonzero") {
      // The C-order position: sum of index * stride.
      ValueRef flat = grids.back();
      ValueRef stride = em.intConst(1);
      for (size_t d = rank - 1; d-- > 0;) {
        stride = em.binaryOp("*", stride, em.intValue(a->shape[d + 1]));
        flat = em.binaryOp("+", flat, em.binaryOp("*", grids[d], stride));
      }
      return em.compress(flat, mask, 0);
    }
    std::vector<ValueRef> indices;
    for (const ValueRef &grid : grids)
      indices.push_back(em.compress(grid, mask, 0));
    if (name != "numpy.argwhere")
      return PyValue::tuple(indices);
    // argwhere: one row per non-zero element.
    for (ValueRef &column : indices)
      column = em.expandDims(column, {1}, 2);
    CallArgs stacked;
    stacked.positional = {PyValue::tuple(indices)};
    stacked.keywords = {{"axis", em.intConst(1)}};
    return callArrangeFunction("numpy.concatenate", stacked, nullptr);
  }
  if (name == "numpy.append") {
    // A concatenation: along `axis`, or of both flattened without one.
    args.check(shortName, 3, {"arr", "values", "axis"});
    ValueRef arr = asArray(required(0, "arr"));
    ValueRef values = asArray(required(1, "values"));
    ValueRef axis = args.get(2, "axis");
    CallArgs joined;
    if (!axis || axis->is(Kind::None)) {
      for (ValueRef *part : {&arr, &values})
        if ((*part)->shape.size() != 1)
          *part = reshape(*part, em.intConst(-1));
    } else {
      joined.keywords = {{"axis", axis}};
    }
    joined.positional = {PyValue::tuple({arr, values})};
    return callArrangeFunction("numpy.concatenate", joined, nullptr);
  }
  if (name == "numpy.concatenate" || name == "numpy.stack" ||
      name == "numpy.hstack" || name == "numpy.vstack") {
    bool sequenceKey = name == "numpy.concatenate" || name == "numpy.stack";
    if (sequenceKey)
      args.check(shortName, 2, {"arrays", "axis"});
    else
      args.check(shortName, 1, {"tup"});
    ValueRef seq = required(0, sequenceKey ? "arrays" : "tup");
    if (!seq->is(Kind::Tuple) && !seq->is(Kind::List))
      compileError("np." + shortName + " expects a tuple or list of arrays");
    std::vector<ValueRef> parts;
    for (const ValueRef &item : seq->items)
      parts.push_back(asArray(item));
    if (parts.empty())
      compileError("need at least one array to concatenate");
    int64_t rank = parts.front()->shape.size();
    int64_t axis = 0;
    if (name == "numpy.concatenate" || name == "numpy.stack")
      axis = constant(1, "axis", 0);
    if (name == "numpy.stack") {
      // Each part gets a new dimension of extent 1 at `axis`.
      axis = normalizeAxis(axis, rank + 1);
      std::vector<Value> first = parts.front()->shape;
      for (ValueRef &p : parts) {
        bool same = static_cast<int64_t>(p->shape.size()) == rank;
        for (int64_t d = 0; same && d < rank; ++d) {
          std::optional<int64_t> x = getConstantIntValue(p->shape[d]),
                                 y = getConstantIntValue(first[d]);
          same = !x || !y || *x == *y;
          if (same && (!x || !y) && p->shape[d] != first[d])
            em.emitAssert(arith::CmpIOp::create(b, em.loc,
                                                arith::CmpIPredicate::eq,
                                                p->shape[d], first[d]),
                          "ValueError: all input arrays must have the same "
                          "shape",
                          {});
        }
        if (!same)
          compileError("all input arrays must have the same shape");
        p = em.expandDims(p, {axis}, rank + 1);
      }
      rank += 1;
    } else if (name == "numpy.hstack") {
      axis = rank == 1 ? 0 : 1;
    } else if (name == "numpy.vstack") {
      // Each 1-D part is one row (np.atleast_2d).
      for (ValueRef &p : parts)
        if (p->shape.size() == 1)
          p = em.expandDims(p, {0}, 2);
      rank = parts.front()->shape.size();
    }
    if (rank == 0)
      compileError("zero-dimensional arrays cannot be concatenated");
    axis = normalizeAxis(axis, rank);
    // The joined shape: the parts' extents along `axis` add up, the others
    // must agree (checked by the writes below, with NumPy's message).
    std::vector<Value> shape = parts.front()->shape;
    DType type = parts.front()->dtype;
    Value total = em.index(0);
    for (auto [index, p] : llvm::enumerate(parts)) {
      if (static_cast<int64_t>(p->shape.size()) != rank)
        compileError("all the input arrays must have same number of "
                     "dimensions, but the array at index 0 has " +
                     Twine(rank) + " dimension(s) and the array at index " +
                     Twine(index) + " has " + Twine(p->shape.size()) +
                     " dimension(s)");
      for (int64_t d = 0; d < rank; ++d) {
        Value mine = p->shape[d], first = shape[d];
        if (d == axis || mine == first)
          continue;
        auto message = [&](std::string x, std::string y) {
          return "all the input array dimensions except for the "
                 "concatenation axis must match exactly, but along "
                 "dimension " +
                 std::to_string(d) + ", the array at index 0 has size " + x +
                 " and the array at index " + std::to_string(index) +
                 " has size " + y;
        };
        std::optional<int64_t> a = getConstantIntValue(first),
                               c = getConstantIntValue(mine);
        if (a && c) {
          if (*a != *c)
            compileError(message(std::to_string(*a), std::to_string(*c)));
          continue;
        }
        em.emitAssert(arith::CmpIOp::create(b, em.loc, arith::CmpIPredicate::eq,
                                            first, mine),
                      "ValueError: " + message("{}", "{}"), {first, mine});
      }
      total = em.fold(arith::AddIOp::create(b, em.loc, total, p->shape[axis]));
      type = promoteTypes(type, p->dtype);
    }
    shape[axis] = total;
    ValueRef result =
        em.full(shape, em.castScalar(em.intConst(0), type, false), type);
    Value offset = em.index(0);
    for (const ValueRef &p : parts) {
      Value end =
          em.fold(arith::AddIOp::create(b, em.loc, offset, p->shape[axis]));
      em.setItem(
          result,
          Emitter::along(rank, axis,
                         Emitter::slice(em.intValue(offset), em.intValue(end))),
          p);
      offset = end;
    }
    return result;
  }
  return nullptr;
}
