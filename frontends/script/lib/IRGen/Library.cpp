//===- Library.cpp - Built-in functions, NumPy, math, methods -------------===//
//
// What names such as `print`, `np.zeros`, `math.sqrt` or `a.sum` do. Every
// function either builds IR through the Emitter or fails with a message
// that says what is unsupported; none silently does something else.
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"

#include "dac/Compiler/RuntimeCalls.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/StringSwitch.h"

#include <cmath>

using namespace mlir;
using namespace dac;
using namespace dac::script;

using Kind = PyValue::Kind;

/// Functions of `numpy` (and `math`) that are plain ufuncs.
bool dac::script::isUfuncName(StringRef name) {
  return Emitter::ufuncArity(name).has_value();
}

namespace {

/// math module functions and the ufunc that computes them.
std::optional<StringRef> mathToUfunc(StringRef name) {
  return llvm::StringSwitch<std::optional<StringRef>>(name)
      .Cases({"sqrt", "exp", "expm1", "log2", "log10", "log1p", "sin", "cos",
              "tan", "sinh", "cosh", "tanh", "fabs", "hypot", "fmod",
              "copysign"},
             name)
      .Case("log", StringRef("log"))
      .Case("asin", StringRef("arcsin"))
      .Case("acos", StringRef("arccos"))
      .Case("atan", StringRef("arctan"))
      .Case("atan2", StringRef("arctan2"))
      .Case("asinh", StringRef("arcsinh"))
      .Case("acosh", StringRef("arccosh"))
      .Case("atanh", StringRef("arctanh"))
      .Case("pow", StringRef("power"))
      .Cases({"isnan", "isinf", "isfinite"}, name)
      .Default(std::nullopt);
}

const char *const kReductions[] = {"sum",  "prod", "min",  "max",
                                   "amin", "amax", "mean", "var",
                                   "std",  "all",  "any",  "count_nonzero"};

} // namespace

/// order= of reshape/ravel/flatten: C order only (for now), never a
/// silently different result.
static void checkOrderC(const ValueRef &order) {
  if (!order || order->is(PyValue::Kind::None))
    return;
  if (!order->is(PyValue::Kind::String) || order->name != "C")
    compileError("order='" +
                 (order->is(PyValue::Kind::String) ? order->name : "?") +
                 "' is not supported yet; only order='C' is");
}

/// ddof= of var/std: an int known when compiling (0 if absent); anything
/// else is refused rather than read as 0.
static int64_t ddofArg(const ValueRef &ddof) {
  if (!ddof || ddof->is(PyValue::Kind::None))
    return 0;
  std::optional<int64_t> c = Emitter::getConstInt(ddof);
  if (!c)
    compileError("ddof must be an int known when compiling");
  return *c;
}

ValueRef IRGen::reshape(const ValueRef &array, const ValueRef &shapeArg) {
  if (!array->is(Kind::Array))
    compileError("reshape expects an array");
  ValueRef result =
      em.reshape(array, em.shapeFrom(shapeArg, /*forReshape=*/true));
  // NumPy shares the memory (of the slice's base, for a slice).
  ValueRef root = array->view ? array->view->base : array;
  result->reshapeOf = root;
  root->reshapes.push_back(result);
  return result;
}

std::optional<DType> IRGen::parseDType(const ValueRef &v) {
  if (!v || v->is(Kind::None))
    return std::nullopt;
  if (v->is(Kind::DTypeObj))
    return v->dtype;
  if (v->is(Kind::String) && v->items.empty())
    if (auto t = parseDTypeName(v->name))
      return t;
  if (v->is(Kind::Builtin)) {
    StringRef name = v->name;
    if (name == "builtins.float")
      return DType::Float64;
    if (name == "builtins.int")
      return DType::Int64;
    if (name == "builtins.bool")
      return DType::Bool;
  }
  compileError("unsupported dtype " + v->describe() +
               " (use float64, float32, int64, int32 or bool)");
}

ValueRef IRGen::callLibrary(StringRef name, const CallArgs &args,
                            const ValueRef &self) {
  if (ValueRef moved = callShapeFunction(name, args, self))
    return moved;
  if (ValueRef arranged = callArrangeFunction(name, args, self))
    return arranged;
  if (ValueRef drawn = callGeneratorMethod(name, args, self))
    return drawn;
  auto arg = [&](size_t i, StringRef key) { return args.get(i, key); };
  auto required = [&](size_t i, StringRef key) {
    ValueRef v = args.get(i, key);
    if (!v)
      compileError(name + "() missing required argument '" + key + "'");
    return v;
  };
  auto dtypeArg = [&](size_t i) { return parseDType(args.get(i, "dtype")); };
  // keepdims=True: the reduced axes come back with extent 1.
  auto keepDims = [&](ValueRef result, const ValueRef &input,
                      const std::optional<std::vector<int64_t>> &axes,
                      const ValueRef &keep) -> ValueRef {
    if (!keep)
      return result;
    std::optional<int64_t> k = Emitter::getConstInt(keep);
    if (!k)
      compileError("keepdims must be True or False known when compiling");
    if (!*k || !input->is(Kind::Array))
      return result;
    std::vector<int64_t> all;
    for (size_t d = 0; d < input->shape.size(); ++d)
      all.push_back(d);
    return em.expandDims(result, axes ? *axes : all, input->shape.size());
  };
  // argmax/argmin: of the whole array, or along one axis.
  auto argExtreme = [&](StringRef which, const ValueRef &a,
                        const std::optional<std::vector<int64_t>> &axes,
                        const ValueRef &keep) {
    if (axes && axes->size() != 1)
      compileError("axis of " + which + " must be a single integer");
    ValueRef r = em.argExtreme(a, which == "argmax",
                               axes ? std::optional<int64_t>(axes->front())
                                    : std::nullopt);
    return keepDims(r, a, axes, keep);
  };
  auto layoutArg = [&](ArrayRef<Value> shape) {
    return em.parseLayout(args.get(SIZE_MAX, "dist"),
                          args.get(SIZE_MAX, "grid_shape"), shape);
  };
  // axis= of a reduction: none (the whole array) or the normalised,
  // sorted dimensions.
  auto axesArg =
      [&](size_t position,
          const ValueRef &array) -> std::optional<std::vector<int64_t>> {
    ValueRef axis = args.get(position, "axis");
    if (!axis || axis->is(Kind::None))
      return std::nullopt;
    int64_t rank = array->is(Kind::Array) ? array->shape.size() : 0;
    std::vector<ValueRef> items = axis->is(Kind::Tuple) || axis->is(Kind::List)
                                      ? axis->items
                                      : std::vector<ValueRef>{axis};
    std::vector<int64_t> axes;
    for (const ValueRef &item : items) {
      std::optional<int64_t> a = Emitter::getConstInt(item);
      if (!a || item->dtype == DType::Bool)
        compileError("axis must be an integer known when compiling");
      axes.push_back(*a);
    }
    return Emitter::normalizeAxes(axes, rank);
  };

  // --- Python built-ins ----------------------------------------------------
  if (name == "builtins.print") {
    print(args);
    return PyValue::none();
  }
  if (name == "builtins.len") {
    args.check("len", 1, {});
    ValueRef v = required(0, "obj");
    if (v->is(Kind::Tuple) || v->is(Kind::List))
      return em.intConst(v->items.size());
    if (v->is(Kind::Array)) {
      if (v->shape.empty())
        compileError("len() of unsized object");
      return PyValue::scalar(
          arith::IndexCastOp::create(b, em.loc, b.getI64Type(), v->shape[0]),
          DType::Int64, true);
    }
    compileError("object of type '" + v->describe() + "' has no len()");
  }
  if (name == "builtins.enumerate" || name == "builtins.zip") {
    // Over sequences known when compiling: the list of tuples they stand
    // for (a `for` over it is unrolled, as over any list).
    bool isZip = name == "builtins.zip";
    args.check(isZip ? "zip" : "enumerate", isZip ? SIZE_MAX : 2,
               isZip ? ArrayRef<StringRef>{} : ArrayRef<StringRef>{"start"});
    std::vector<ValueRef> sequences =
        isZip ? args.positional
              : std::vector<ValueRef>{required(0, "iterable")};
    for (const ValueRef &seq : sequences)
      if (!seq->is(Kind::Tuple) && !seq->is(Kind::List))
        compileError(Twine(isZip ? "zip" : "enumerate") + "() of " +
                     seq->describe() +
                     " is not supported yet (tuples, lists and range() "
                     "known when compiling are)");
    size_t n = SIZE_MAX;
    for (const ValueRef &seq : sequences)
      n = std::min(n, seq->items.size());
    if (sequences.empty())
      n = 0;
    int64_t start = 0;
    if (ValueRef first = isZip ? nullptr : args.get(1, "start")) {
      std::optional<int64_t> known = Emitter::getConstInt(first);
      if (!known)
        compileError("enumerate()'s start must be an int known when "
                     "compiling");
      start = *known;
    }
    ValueRef list = PyValue::tuple({});
    list->kind = Kind::List;
    for (size_t i = 0; i < n; ++i) {
      std::vector<ValueRef> items;
      if (!isZip)
        items.push_back(em.intConst(start + static_cast<int64_t>(i)));
      for (const ValueRef &seq : sequences)
        items.push_back(seq->items[i]);
      list->items.push_back(PyValue::tuple(items));
    }
    return list;
  }
  if (name == "builtins.divmod") {
    args.check("divmod", 2, {});
    ValueRef x = required(0, "a"), y = required(1, "b");
    return PyValue::tuple({em.binaryOp("//", x, y), em.binaryOp("%", x, y)});
  }
  if (name == "builtins.abs") {
    args.check("abs", 1, {});
    ValueRef x = required(0, "x");
    // abs(True) is the int 1.
    if (x->is(Kind::Scalar) && x->isPython && x->dtype == DType::Bool)
      x = em.castScalar(x, DType::Int64, true);
    return em.checkedInt("abs", x, nullptr, em.applyUfunc("absolute", {x}));
  }
  if (name == "builtins.sum") {
    args.check("sum", 2, {"start"});
    ValueRef items = required(0, "iterable");
    if (!items->is(Kind::Tuple) && !items->is(Kind::List))
      compileError("sum() of " + items->describe() +
                   " is not supported; use np.sum(a) for arrays");
    ValueRef total = arg(1, "start");
    total = total ? total : em.intConst(0);
    // Folded step by step: a list of known numbers sums when compiling,
    // in time linear in its length.
    for (const ValueRef &item : items->items) {
      total = em.binaryOp("+", total, item);
      if (total->is(Kind::Scalar) && total->value)
        total->value = em.fold(total->value);
    }
    return total;
  }
  if (name == "builtins.min" || name == "builtins.max") {
    // (key= and default= are not supported: refused, never ignored)
    args.check(name.drop_front(9), SIZE_MAX, {});
    std::vector<ValueRef> candidates = args.positional;
    if (candidates.size() == 1 &&
        (candidates[0]->is(Kind::Tuple) || candidates[0]->is(Kind::List)))
      candidates = candidates[0]->items;
    if (candidates.size() == 1 && candidates[0]->is(Kind::Array))
      compileError(name.drop_front(9) +
                   "() of an array is not supported; use np." +
                   name.drop_front(9) + "(a)");
    if (candidates.empty())
      compileError(name.drop_front(9) + "() arg is an empty sequence");
    // Python keeps the first of equal (or unordered) values.
    bool isMax = name == "builtins.max";
    ValueRef best = candidates[0];
    for (size_t i = 1; i < candidates.size(); ++i) {
      ValueRef v = candidates[i];
      if (!best->is(Kind::Scalar) || !v->is(Kind::Scalar))
        compileError("min()/max() of arrays is not supported; use "
                     "np.minimum/np.maximum");
      ValueRef better = em.binaryOp(isMax ? ">" : "<", v, best);
      if (auto known = getConstantIntValue(em.fold(better->value))) {
        // Python returns one of its arguments, with its own type.
        if (*known)
          best = v;
        continue;
      }
      // Python scalars and NumPy scalars of one dtype print alike, and so
      // do integers of any width (int32 and int64 candidates are compared
      // and kept in int64, which holds both exactly); floats of another
      // dtype would make the printed digits depend on the values.
      DType type = best->dtype;
      if (best->dtype != v->dtype) {
        if (!isInteger(best->dtype) || !isInteger(v->dtype))
          compileError("min()/max() of values of different types (" +
                       best->describe() + ", " + v->describe() +
                       ") is supported only when the values are known when "
                       "compiling: the result's type would depend on them");
        type = DType::Int64;
      }
      Value sel = arith::SelectOp::create(
          b, em.loc, better->value, em.castScalar(v, type, v->isPython)->value,
          em.castScalar(best, type, best->isPython)->value);
      best = PyValue::scalar(sel, type, v->isPython && best->isPython);
    }
    return best;
  }
  if (name == "builtins.int" || name == "builtins.float" ||
      name == "builtins.bool") {
    DType to = name == "builtins.int"     ? DType::Int64
               : name == "builtins.float" ? DType::Float64
                                          : DType::Bool;
    ValueRef v = arg(0, "x");
    if (!v)
      return to == DType::Float64 ? em.floatConst(0)
             : to == DType::Int64 ? em.intConst(0)
                                  : em.boolConst(false);
    if (v->is(Kind::Array))
      compileError("only 0-d arrays can be converted to Python scalars");
    ValueRef base = to == DType::Int64 ? arg(1, "base") : nullptr;
    std::optional<int64_t> baseValue =
        base ? Emitter::getConstInt(base) : std::optional<int64_t>(10);
    if (base && !v->is(Kind::String))
      compileError("TypeError: int() can't convert non-string with explicit "
                   "base");
    if (!baseValue)
      compileError("int()'s base must be an int known when compiling");
    if (v->is(Kind::String))
      return to == DType::Float64 ? em.floatConst(parseFloatText(v->name))
             : to == DType::Int64
                 ? em.intConst(parseIntText(v->name, *baseValue))
                 : em.boolConst(!v->name.empty());
    if (!v->is(Kind::Scalar))
      compileError("cannot convert " + v->describe() + " to a number");
    if (to == DType::Bool)
      return PyValue::scalar(em.truth(v), DType::Bool, true);
    if (to == DType::Int64)
      return em.checkedFloatToInt(v);
    return em.castScalar(v, to, true);
  }
  if (name == "builtins.round") {
    args.check("round", 2, {"number", "ndigits"});
    return roundBuiltin(required(0, "number"), arg(1, "ndigits"));
  }
  if (name == "builtins.pow") {
    args.check("pow", 3, {"base", "exp", "mod"});
    ValueRef mod = arg(2, "mod");
    if (mod && !mod->is(Kind::None))
      compileError("pow() with a modulus (a third argument) is not supported "
                   "yet");
    return em.binaryOp("**", required(0, "base"), required(1, "exp"));
  }
  if (name == "builtins.range") {
    // A range of Python ints whose bounds may be known only at run time:
    // a `for` over it is a compiled loop, other uses need known bounds.
    args.check("range", 3, {});
    if (args.positional.empty())
      compileError("range expected at least 1 argument, got 0");
    for (const ValueRef &v : args.positional)
      if (!v->is(Kind::Scalar) || isFloat(v->dtype))
        compileError("'" + v->describe() +
                     "' object cannot be interpreted as an integer");
    auto asInt = [&](const ValueRef &v) {
      return v->dtype == DType::Int64 ? v
                                      : em.castScalar(v, DType::Int64, true);
    };
    bool one = args.positional.size() == 1;
    ValueRef start = one ? em.intConst(0) : asInt(args.positional[0]);
    ValueRef stop = asInt(args.positional[one ? 0 : 1]);
    ValueRef step =
        args.positional.size() > 2 ? asInt(args.positional[2]) : em.intConst(1);
    if (Emitter::getConstInt(step) == 0)
      compileError("range() arg 3 must not be zero");
    return PyValue::range(start, stop, step);
  }
  if (name.starts_with("builtins."))
    compileError("'" + name.drop_front(9) + "' is not supported");

  // --- math ------------------------------------------------------------------
  if (name.consume_front("math.")) {
    if (name == "floor" || name == "ceil" || name == "trunc") {
      ValueRef x = required(0, "x");
      // An int, as Python's: NaN and infinities raise, as int() does.
      ValueRef f = em.applyUfunc(name, {x});
      return em.checkedFloatToInt(f);
    }
    if (name == "log" && arg(1, "base"))
      compileError("math.log with a base is not supported yet");
    if (auto ufunc = mathToUfunc(name)) {
      std::vector<ValueRef> xs = args.positional;
      for (ValueRef &x : xs) {
        if (!x->is(Kind::Scalar))
          compileError("math." + name + "() expects numbers");
        x = em.castScalar(x, DType::Float64, true);
      }
      ValueRef r = em.applyUfunc(*ufunc, xs);
      r->isPython = true;
      if (r->dtype == DType::Float64)
        em.checkMathResult(name, xs, r->value);
      return r;
    }
    compileError("math." + name + " is not supported");
  }

  // --- time -----------------------------------------------------------------
  if (name == "time.perf_counter" || name == "time.time" ||
      name == "time.monotonic") {
    args.check(name, 0, {});
    return PyValue::scalar(dist::TimeOp::create(b, em.loc, b.getF64Type()),
                           DType::Float64, true);
  }
  if (name.starts_with("time."))
    compileError(name + " is not supported (time.perf_counter is)");

  // --- numpy.random ------------------------------------------------------
  if (name == "numpy.random.default_rng") {
    args.check("default_rng", 1, {"seed"});
    ValueRef seed = arg(0, "seed");
    if (!seed || seed->is(Kind::None))
      compileError("default_rng() needs an integer seed: without one the "
                   "stream differs from run to run and from NumPy's");
    return em.createGenerator(seed);
  }
  if (name.starts_with("list.")) {
    // Lists are values known when compiling whose elements may be run-time
    // numbers; appending changes the list object every name shares.
    StringRef method = name.drop_front(5);
    if (em.dynamicControlDepth)
      compileError("changing a list inside a loop over range(), a 'while' "
                   "loop or an 'if' on a value known only at run time is "
                   "not supported (lists are values known when compiling)");
    if (method == "append") {
      args.check("append", 1, {});
      self->items.push_back(required(0, "object"));
      return PyValue::none();
    }
    if (method == "extend") {
      ValueRef more = required(0, "iterable");
      if (!more->is(Kind::Tuple) && !more->is(Kind::List))
        compileError("list.extend() expects a list or tuple");
      llvm::append_range(self->items, more->items);
      return PyValue::none();
    }
    compileError("list." + method + "() is not supported yet");
  }
  // --- array and scalar methods --------------------------------------------
  if (name.starts_with("ndarray.") || name.starts_with("scalar.")) {
    StringRef method = name.substr(name.find('.') + 1);
    if ((method == "argmax" || method == "argmin") && self->is(Kind::Array)) {
      args.check(method, 1, {"axis", "keepdims"});
      return argExtreme(method, self, axesArg(0, self),
                        args.get(SIZE_MAX, "keepdims"));
    }
    if (llvm::is_contained(kReductions, method)) {
      args.check(method, 1, {"axis", "ddof", "keepdims"});
      ValueRef ddof = args.get(SIZE_MAX, "ddof");
      std::optional<std::vector<int64_t>> axes = axesArg(0, self);
      return keepDims(em.reduce(method, self, ddofArg(ddof),
                                axes ? std::optional<ArrayRef<int64_t>>(*axes)
                                     : std::nullopt),
                      self, axes, args.get(SIZE_MAX, "keepdims"));
    }
    if (method == "astype") {
      std::optional<DType> t = parseDType(required(0, "dtype"));
      if (!t)
        compileError("astype() needs a dtype");
      return self->is(Kind::Array) ? em.castArray(self, *t)
                                   : em.castScalar(self, *t, false);
    }
    if (method == "reshape" || method == "flatten" || method == "ravel") {
      if (!self->is(Kind::Array))
        compileError("'" + method + "' of a scalar is not supported");
      for (const auto &[key, value] : args.keywords)
        if (key != "order")
          compileError(method + "() got an unexpected keyword argument '" +
                       key + "'");
      checkOrderC(args.get(method == "reshape" ? SIZE_MAX : 0, "order"));
      ValueRef shapeArg;
      if (method != "reshape")
        shapeArg = em.intConst(-1);
      else if (args.positional.size() == 1)
        shapeArg = args.positional[0];
      else if (!args.positional.empty())
        shapeArg = PyValue::tuple(args.positional);
      else
        shapeArg = required(0, "shape");
      return reshape(self, shapeArg);
    }
    if (method == "round") {
      args.check("round", 1, {"decimals"});
      return roundArray(self, args.get(0, "decimals"));
    }
    if (method == "fill" && self->is(Kind::Array)) {
      // a.fill(v) is a[...] = v with v a number (cast unsafely, as NumPy).
      args.check("fill", 1, {"value"});
      ValueRef v = required(0, "value");
      if (!v->is(Kind::Scalar))
        compileError("fill() takes a number");
      auto all = std::make_shared<PyValue>();
      all->kind = Kind::Ellipsis;
      em.setItem(self, all, v);
      return PyValue::none();
    }
    if (method == "conj" || method == "conjugate") {
      args.check(method, 0, {});
      return em.applyUfunc(method, {self});
    }
    if (method == "copy")
      return self->is(Kind::Array)
                 ? PyValue::array(self->value, self->dtype, self->shape)
                 : self;
    if (method == "item") {
      if (self->is(Kind::Scalar))
        return PyValue::scalar(self->value, self->dtype, true);
      if (!self->shape.empty())
        compileError("item() of an array with more than one dimension is "
                     "not supported yet");
      ValueRef v = em.item(self);
      v->isPython = true;
      return v;
    }
    compileError("method '" + method + "' is not supported yet");
  }

  // --- dac ------------------------------------------------------------------
  if (name.consume_front("dac.")) {
    if (name == "localshapes" || name == "grid_shape") {
      args.check(name, 1, {"a"});
      ValueRef a = required(0, "a");
      if (!a->is(Kind::Array))
        compileError("dac." + name + "() expects an array, not " +
                     a->describe());
      auto q = std::make_shared<PyValue>();
      q->kind = Kind::Query;
      q->name = name == "grid_shape" ? "grid" : "localshapes";
      q->items.push_back(a);
      return q;
    }
    if (name == "redistribute") {
      args.check(name, 1, {"a", "dist", "grid_shape"});
      ValueRef a = required(0, "a");
      if (!a->is(Kind::Array))
        compileError("dac.redistribute() expects an array");
      return em.redistribute(a, layoutArg(a->shape));
    }
    compileError("dac." + name + " is not supported yet");
  }

  // --- numpy -----------------------------------------------------------------
  if (!name.consume_front("numpy."))
    compileError("'" + name + "' is not supported");
  if (name.consume_front("linalg.")) {
    if (name == "norm")
      return linalgNorm(args);
    compileError("np.linalg." + name + " is not supported yet");
  }
  if (std::optional<unsigned> arity = Emitter::ufuncArity(name)) {
    // out= (or one more positional argument): the result is written into
    // that array (NumPy's same_kind cast) and the call returns it.
    args.check(name, *arity + 1, {"out"});
    std::vector<ValueRef> inputs = args.positional;
    ValueRef out = args.get(*arity, "out");
    if (inputs.size() > *arity)
      inputs.resize(*arity);
    if (out && out->is(Kind::Tuple) && out->items.size() == 1)
      out = out->items[0];
    ValueRef r = em.applyUfunc(name, inputs);
    if (out && !out->is(Kind::None)) {
      if (!out->is(Kind::Array))
        compileError("return arrays must be of ArrayType");
      ValueRef all = std::make_shared<PyValue>();
      all->kind = Kind::Ellipsis;
      em.setItem(out, all, em.castInPlace(r, out->dtype));
      return out;
    }
    // NumPy returns NumPy scalars even for Python inputs.
    if (r->is(Kind::Scalar))
      r->isPython = false;
    return r;
  }
  if (name == "argmax" || name == "argmin") {
    args.check(name, 2, {"a", "axis", "keepdims"});
    ValueRef a = required(0, "a");
    if (!a->is(Kind::Array))
      compileError("np." + name + " expects an array");
    return argExtreme(name, a, axesArg(1, a), args.get(SIZE_MAX, "keepdims"));
  }
  if (name == "nansum" || name == "nanprod" || name == "nanmax" ||
      name == "nanmin" || name == "nanmean") {
    // NaNs count as the combiner's identity; a max/min/mean of NaNs
    // only is NaN (NumPy also warns).
    args.check(name, 2, {"a", "axis", "keepdims"});
    ValueRef a = required(0, "a");
    if (!a->is(Kind::Array))
      compileError("np." + name + " expects an array");
    std::optional<std::vector<int64_t>> axes = axesArg(1, a);
    std::optional<ArrayRef<int64_t>> along =
        axes ? std::optional<ArrayRef<int64_t>>(*axes) : std::nullopt;
    StringRef plain = name.drop_front(3);
    ValueRef result;
    if (!isFloat(a->dtype)) {
      result = em.reduce(plain, a, 0, along);
    } else {
      ValueRef isNan = em.applyUfunc("isnan", {a});
      double identity = plain == "sum" || plain == "mean" ? 0.0
                        : plain == "prod"                 ? 1.0
                        : plain == "max"                  ? -INFINITY
                                                          : INFINITY;
      ValueRef filled = em.where(isNan, em.floatConst(identity), a);
      filled = em.castArray(filled, a->dtype);
      ValueRef numbers = em.reduce(
          "count_nonzero", em.applyUfunc("logical_not", {isNan}), 0, along);
      result = em.reduce(plain == "mean" ? "sum" : plain, filled, 0, along);
      if (plain == "mean")
        result = em.binaryOp("/", result, numbers);
      if (plain == "max" || plain == "min")
        result = em.where(em.binaryOp("==", numbers, em.intConst(0)),
                          em.floatConst(NAN), result);
      if (plain == "max" || plain == "min" || plain == "mean")
        result = result->is(Kind::Array)
                     ? em.castArray(result, a->dtype)
                     : em.castScalar(result, a->dtype, false);
    }
    return keepDims(result, a, axes, args.get(SIZE_MAX, "keepdims"));
  }
  if (llvm::is_contained(kReductions, name)) {
    args.check(name, 2, {"a", "axis", "ddof", "keepdims"});
    ValueRef ddof = args.get(SIZE_MAX, "ddof");
    ValueRef a = required(0, "a");
    std::optional<std::vector<int64_t>> axes = axesArg(1, a);
    return keepDims(em.reduce(name, a, ddofArg(ddof),
                              axes ? std::optional<ArrayRef<int64_t>>(*axes)
                                   : std::nullopt),
                    a, axes, args.get(SIZE_MAX, "keepdims"));
  }
  if (auto t = parseDTypeName(name);
      t && name != "int" && name != "float" && name != "bool") {
    // np.float64(x) and friends.
    ValueRef x = arg(0, "x");
    if (!x)
      x = em.intConst(0);
    if (x->is(Kind::Array))
      return em.castArray(x, *t);
    if (!x->is(Kind::Scalar))
      compileError("np." + name + "() expects a number");
    return em.castScalar(x, *t, false);
  }
  if (name == "round" || name == "around") {
    args.check(name, 2, {"a", "decimals"});
    return roundArray(required(0, "a"), args.get(1, "decimals"));
  }
  if (name.consume_front("ufunc_outer.")) {
    // ufunc.outer(a, b): a's dimensions, then b's.
    args.check(name.str() + ".outer", 2, {});
    ValueRef a = required(0, "A"), bArg = required(1, "B");
    if (a->is(Kind::Array) && bArg->is(Kind::Array)) {
      std::vector<ValueRef> index{std::make_shared<PyValue>()};
      index[0]->kind = Kind::Ellipsis;
      for (size_t d = 0; d < bArg->shape.size(); ++d)
        index.push_back(PyValue::none());
      a = em.subscript(a, PyValue::tuple(std::move(index)));
    }
    return em.applyUfunc(name, {a, bArg});
  }
  // np.ndarray(shape, dtype) makes an array as np.empty does.
  if (name == "ndarray") {
    args.check("ndarray", 2, {"shape", "dtype"});
    std::vector<Value> shape = em.shapeFrom(required(0, "shape"));
    return em.full(shape, em.intConst(0), dtypeArg(1).value_or(DType::Float64),
                   layoutArg(shape));
  }
  if (name == "zeros" || name == "ones" || name == "empty" || name == "full") {
    bool isFull = name == "full";
    args.check(name, isFull ? 3 : 2,
               {"shape", "fill_value", "dtype", "order", "dist", "grid_shape"});
    std::vector<Value> shape = em.shapeFrom(required(0, "shape"));
    ValueRef fill = isFull           ? required(1, "fill_value")
                    : name == "ones" ? em.intConst(1)
                                     : em.intConst(0);
    std::optional<DType> t = dtypeArg(isFull ? 2 : 1);
    DType type = t ? *t : isFull ? em.commonType({fill}) : DType::Float64;
    if (isFull && !t && fill->isPython && fill->dtype == DType::Int64)
      type = DType::Int64;
    return em.full(shape, fill, type, layoutArg(shape));
  }
  if (name == "zeros_like" || name == "ones_like" || name == "empty_like" ||
      name == "full_like") {
    bool isFull = name == "full_like";
    args.check(name, isFull ? 3 : 2,
               {"a", "fill_value", "dtype", "shape", "dist", "grid_shape"});
    ValueRef a = required(0, "a");
    if (!a->is(Kind::Array))
      compileError("np." + name + "() expects an array");
    ValueRef fill = isFull                ? required(1, "fill_value")
                    : name == "ones_like" ? em.intConst(1)
                                          : em.intConst(0);
    std::optional<DType> t = dtypeArg(isFull ? 2 : 1);
    ValueRef shapeArg = args.get(SIZE_MAX, "shape");
    bool reshaped = shapeArg && !shapeArg->is(Kind::None);
    std::vector<Value> shape = reshaped ? em.shapeFrom(shapeArg) : a->shape;
    // *_like keeps the prototype's distribution unless dist= is given (or
    // shape= gives another rank).
    dist::LayoutAttr layout = layoutArg(shape);
    if (!layout && shape.size() == a->shape.size())
      layout = cast<dist::ArrayType>(a->value.getType()).getLayout();
    return em.full(shape, fill, t.value_or(a->dtype), layout);
  }
  if (name == "arange") {
    args.check("arange", 4,
               {"start", "stop", "step", "dtype", "dist", "grid_shape"});
    ValueRef first = required(0, "start");
    ValueRef second = arg(1, "stop");
    ValueRef step = arg(2, "step");
    ValueRef start = second ? first : em.intConst(0);
    ValueRef stop = second ? second : first;
    ValueRef r =
        em.arange(start, stop, step ? step : em.intConst(1), dtypeArg(3));
    dist::LayoutAttr layout = layoutArg(r->shape);
    if (!layout)
      return r;
    // Recreate with the layout now that the extent is known.
    r->value.getDefiningOp()->erase();
    return em.arange(start, stop, step ? step : em.intConst(1), dtypeArg(3),
                     layout);
  }
  if (name == "linspace") {
    args.check(
        "linspace", 3,
        {"start", "stop", "num", "endpoint", "dtype", "dist", "grid_shape"});
    ValueRef numArg = arg(2, "num");
    std::optional<int64_t> num =
        numArg ? Emitter::getConstInt(numArg) : std::optional<int64_t>(50);
    if (!num)
      compileError("linspace(num=...) must be known when compiling");
    ValueRef endpoint = args.get(SIZE_MAX, "endpoint");
    std::optional<int64_t> ep =
        endpoint ? Emitter::getConstInt(endpoint) : std::optional<int64_t>(1);
    if (!ep || (endpoint && !endpoint->is(Kind::Scalar)))
      compileError("linspace(endpoint=...) must be a bool known when "
                   "compiling");
    std::vector<Value> shape = {em.index(*num)};
    return em.linspace(required(0, "start"), required(1, "stop"), *num,
                       *ep != 0, dtypeArg(SIZE_MAX), layoutArg(shape));
  }
  if (name == "where") {
    if (args.positional.size() != 3)
      compileError(
          "ValueError: either both or neither of x and y should be given");
    return em.where(args.positional[0], args.positional[1], args.positional[2]);
  }
  if (name == "clip") {
    args.check(name, 3, {"a", "a_min", "a_max"});
    ValueRef a = required(0, "a");
    ValueRef lo = required(1, "a_min"), hi = required(2, "a_max");
    ValueRef r = a;
    if (!lo->is(Kind::None))
      r = em.applyUfunc("maximum", {r, lo});
    if (!hi->is(Kind::None))
      r = em.applyUfunc("minimum", {r, hi});
    return r;
  }
  if (name == "dot" || name == "vdot" || name == "inner" || name == "matmul") {
    // No out= (nor dtype= of matmul) yet: never a silently ignored one.
    if (name == "inner" || name == "vdot")
      args.check(name, 2, {});
    else
      args.check(name, 2, {"a", "b"});
    ValueRef x = required(0, "a"), y = required(1, "b");
    bool arrays = x->is(Kind::Array) && y->is(Kind::Array);
    if (name == "matmul" || !arrays) // np.dot of a number multiplies
      return em.matmul(x, y, /*dotStyle=*/name != "matmul");
    if (name == "vdot" && (x->shape.size() != 1 || y->shape.size() != 1))
      compileError("np.vdot of arrays with 2 or more dimensions is not "
                   "supported yet");
    // inner(x, y) contracts the last dimensions of both: x @ y.T.
    if (name == "inner" && y->shape.size() == 2)
      return em.matmul(x, em.transpose(y, {1, 0}), /*dotStyle=*/true);
    return em.matmul(x, y, /*dotStyle=*/true);
  }
  if (name == "outer") {
    args.check(name, 2, {"a", "b"});
    return em.outer(required(0, "a"), required(1, "b"));
  }
  if (name == "allclose" || name == "isclose") {
    args.check(name, 5, {"a", "b", "rtol", "atol", "equal_nan"});
    ValueRef x = required(0, "a"), y = required(1, "b");
    ValueRef equalNan = arg(4, "equal_nan");
    std::optional<int64_t> nanEqual =
        equalNan ? Emitter::getConstInt(equalNan) : std::optional<int64_t>(0);
    if (!nanEqual)
      compileError("equal_nan must be a bool known when compiling");
    ValueRef rtol = arg(2, "rtol"), atol = arg(3, "atol");
    rtol = rtol ? rtol : em.floatConst(1e-5);
    atol = atol ? atol : em.floatConst(1e-8);
    // |x - y| <= atol + rtol * |y|, NaN never close.
    ValueRef diff = em.applyUfunc("absolute", {em.binaryOp("-", x, y)});
    ValueRef bound = em.binaryOp(
        "+", atol, em.binaryOp("*", rtol, em.applyUfunc("absolute", {y})));
    ValueRef close = em.binaryOp("<=", diff, bound);
    // Equal infinities are close; so are two NaNs with equal_nan.
    close = em.applyUfunc("logical_or", {close, em.binaryOp("==", x, y)});
    if (*nanEqual)
      close = em.applyUfunc(
          "logical_or",
          {close, em.applyUfunc("logical_and", {em.applyUfunc("isnan", {x}),
                                                em.applyUfunc("isnan", {y})})});
    if (name == "isclose")
      return close;
    ValueRef all = close->is(Kind::Array) ? em.reduce("all", close, 0) : close;
    all->isPython = true;
    return all;
  }
  if (name == "array" || name == "asarray") {
    args.check(name, 2, {"object", "dtype", "dist", "grid_shape"});
    ValueRef object = required(0, "object");
    if (object->is(Kind::Array)) {
      std::optional<DType> t = dtypeArg(1);
      return t ? em.castArray(object, *t)
               : PyValue::array(object->value, object->dtype, object->shape);
    }
    // A (nested) list of numbers: its shape, and the elements in C order.
    std::vector<int64_t> dims;
    std::vector<ValueRef> flat;
    std::function<void(const ValueRef &, size_t)> walk = [&](const ValueRef &v,
                                                             size_t depth) {
      bool isSeq = v->is(Kind::List) || v->is(Kind::Tuple);
      if (depth == dims.size() && isSeq && flat.empty())
        dims.push_back(v->items.size());
      if (depth < dims.size()) {
        if (!isSeq || static_cast<int64_t>(v->items.size()) != dims[depth])
          compileError("np.array() needs a regular nesting of lists of "
                       "numbers");
        for (const ValueRef &item : v->items)
          walk(item, depth + 1);
        return;
      }
      if (isSeq)
        compileError("np.array() needs a regular nesting of lists of "
                     "numbers");
      if (!v->is(Kind::Scalar))
        compileError("np.array() of " + v->describe() +
                     " is not supported (lists of numbers are)");
      flat.push_back(v);
    };
    walk(object, 0);
    std::optional<DType> t = dtypeArg(1);
    DType type = t ? *t : em.commonType(flat);
    if (!t && flat.empty())
      type = DType::Float64;
    std::vector<Value> shape;
    for (int64_t d : dims)
      shape.push_back(em.index(d));
    dist::LayoutAttr layout = layoutArg(shape);
    if (dims.empty())
      return em.full(shape, flat[0], type, layout);
    return em.literalArray(shape, flat, type, layout);
  }
  if (name == "fromfunction") {
    args.check(name, 2, {"function", "shape", "dtype", "dist", "grid_shape"});
    ValueRef fn = required(0, "function");
    std::vector<Value> shape = em.shapeFrom(required(1, "shape"));
    DType type = dtypeArg(SIZE_MAX).value_or(DType::Float64);
    dist::LayoutAttr layout = layoutArg(shape);
    // NumPy calls the function once, with one index array per dimension.
    CallArgs indices;
    for (unsigned d = 0; d < shape.size(); ++d)
      indices.positional.push_back(em.indexArray(shape, d, type, layout));
    return callFunction(fn, indices);
  }
  if (name == "eye" || name == "identity") {
    bool isEye = name == "eye";
    args.check(name, isEye ? 4 : 2,
               {"N", "n", "M", "k", "dtype", "dist", "grid_shape"});
    ValueRef n = required(0, isEye ? "N" : "n");
    ValueRef m = isEye ? arg(1, "M") : nullptr;
    ValueRef k = isEye ? arg(2, "k") : nullptr;
    std::vector<Value> shape =
        em.shapeFrom(PyValue::tuple({n, m && !m->is(Kind::None) ? m : n}));
    DType type = dtypeArg(isEye ? 3 : 1).value_or(DType::Float64);
    dist::LayoutAttr layout = layoutArg(shape);
    ValueRef rows = em.indexArray(shape, 0, DType::Int64, layout);
    ValueRef cols = em.indexArray(shape, 1, DType::Int64, layout);
    ValueRef diagonal =
        em.binaryOp("==", em.binaryOp("-", cols, rows), k ? k : em.intConst(0));
    return em.castArray(diagonal, type);
  }
  if (name == "reshape" || name == "ravel") {
    bool full = name == "reshape";
    args.check(name, full ? 3 : 2,
               full ? ArrayRef<StringRef>{"a", "newshape", "order"}
                    : ArrayRef<StringRef>{"a", "order"});
    checkOrderC(args.get(full ? 2 : 1, "order"));
    return reshape(required(0, "a"),
                   full ? required(1, "newshape") : em.intConst(-1));
  }
  if (name == "copy") {
    ValueRef a = required(0, "a");
    return a->is(Kind::Array) ? PyValue::array(a->value, a->dtype, a->shape)
                              : a;
  }
  if (name == "copyto") {
    // dst[...] = src: broadcasting and NumPy's same_kind casting rule.
    args.check(name, 2, {"dst", "src"});
    ValueRef dst = required(0, "dst");
    if (!dst->is(Kind::Array))
      compileError("np.copyto's destination must be an array");
    ValueRef src = required(1, "src");
    if (!src->is(Kind::Array) && !src->is(Kind::Scalar))
      compileError("np.copyto's source must be an array or a number");
    bool narrows = (isFloat(src->dtype) && !isFloat(dst->dtype)) ||
                   (src->dtype != DType::Bool && dst->dtype == DType::Bool);
    if (narrows)
      compileError(std::string("Cannot cast ") +
                   (src->is(Kind::Array) ? "array data" : "scalar") +
                   " from dtype('" + getDTypeName(src->dtype) +
                   "') to dtype('" + getDTypeName(dst->dtype) +
                   "') according to the rule 'same_kind'");
    auto all = std::make_shared<PyValue>();
    all->kind = Kind::Ellipsis;
    em.setItem(dst, all, src);
    return PyValue::none();
  }
  compileError("np." + name + " is not supported yet");
}
