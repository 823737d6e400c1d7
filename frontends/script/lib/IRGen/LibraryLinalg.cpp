//===- LibraryLinalg.cpp - np.linalg.norm ---------------------------------===//
//
// Vector norms of any order, of the whole array or along one axis, and the
// matrix norms of a 2-D array that need no decomposition (Frobenius, 1,
// inf and their negative forms), each as NumPy's linalg.norm writes it with
// element-wise work and reductions. Split from Library.cpp's name dispatch.
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"

#include <cmath>

using namespace mlir;
using namespace dac;
using namespace dac::script;
using Kind = PyValue::Kind;

ValueRef IRGen::linalgNorm(const CallArgs &args) {
  args.check("norm", 4, {"x", "ord", "axis", "keepdims"});
  ValueRef x = args.get(0, "x");
  if (!x)
    compileError("norm() missing required argument 'x'");
  if (!x->is(Kind::Array))
    compileError("np.linalg.norm expects an array");
  // Integers and booleans are normed as float64, as NumPy does.
  if (!isFloat(x->dtype))
    x = em.castArray(x, DType::Float64);
  int64_t rank = x->shape.size();

  // ord: None, a number (inf included) known when compiling, or 'fro'.
  ValueRef ordArg = args.get(1, "ord");
  std::optional<double> ord;
  bool fro = false;
  if (ordArg && ordArg->is(Kind::String) && ordArg->name == "fro")
    fro = true;
  else if (ordArg && !ordArg->is(Kind::None)) {
    ord = Emitter::getConstFloat(ordArg);
    if (!ord)
      compileError("ord of np.linalg.norm must be a number known when "
                   "compiling, or 'fro'");
  }
  // axis: None or one integer (pairs of axes are matrix norms of stacks).
  ValueRef axisArg = args.get(2, "axis");
  std::optional<int64_t> axis;
  if (axisArg && !axisArg->is(Kind::None)) {
    axis = Emitter::getConstInt(axisArg);
    if (!axis || axisArg->dtype == DType::Bool)
      compileError("np.linalg.norm supports axis=None or one integer axis "
                   "known when compiling");
    axis = Emitter::normalizeAxis(*axis, rank);
  }
  ValueRef keepArg = args.get(3, "keepdims");
  std::optional<int64_t> keep =
      keepArg ? Emitter::getConstInt(keepArg) : std::optional<int64_t>(0);
  if (!keep)
    compileError("keepdims must be True or False known when compiling");

  std::vector<int64_t> all;
  for (int64_t d = 0; d < rank; ++d)
    all.push_back(d);
  auto reduce = [&](StringRef kind, const ValueRef &a,
                    std::optional<int64_t> along) {
    return along ? em.reduce(kind, a, 0, ArrayRef<int64_t>{*along})
                 : em.reduce(kind, a, 0, std::nullopt);
  };
  auto finish = [&](ValueRef r) {
    if (!*keep)
      return r;
    return em.expandDims(r, axis ? std::vector<int64_t>{*axis} : all, rank);
  };
  ValueRef absx = em.applyUfunc("absolute", {x});
  auto fconst = [&](double v) { return em.floatConst(v); };

  if (!axis && rank == 2 && (fro || ord)) {
    // Matrix norms of the whole 2-D array.
    if (fro)
      return finish(em.applyUfunc(
          "sqrt",
          {reduce("sum", em.applyUfunc("multiply", {x, x}), std::nullopt)}));
    double o = *ord;
    if (o == 1 || o == -1 || std::isinf(o)) {
      // 1: the largest column sum; inf: the largest row sum.
      ValueRef sums = reduce("sum", absx, std::isinf(o) ? 1 : 0);
      return finish(reduce(o > 0 ? "max" : "min", sums, std::nullopt));
    }
    std::string shown = o == std::floor(o) && std::abs(o) < 1e15
                            ? std::to_string(static_cast<int64_t>(o))
                            : std::to_string(o);
    compileError("np.linalg.norm of a matrix with ord=" + shown +
                 " needs a singular value decomposition, which is not "
                 "supported yet");
  }
  if (fro)
    compileError("ValueError: Invalid norm order 'fro' for vectors");
  if (!axis && rank != 1 && ord)
    compileError("ValueError: Improper number of dimensions to norm.");

  // Vector norms (of everything when axis is None and ord is None).
  if (!ord || *ord == 2)
    return finish(em.applyUfunc(
        "sqrt", {reduce("sum", em.applyUfunc("multiply", {x, x}), axis)}));
  double o = *ord;
  if (std::isinf(o))
    return finish(reduce(o > 0 ? "max" : "min", absx, axis));
  if (o == 0)
    return finish(
        reduce("sum", em.castArray(em.binaryOp("!=", x, fconst(0.0)), x->dtype),
               axis));
  if (o == 1)
    return finish(reduce("sum", absx, axis));
  // sum(|x|**ord) ** (1/ord).
  ValueRef powered = em.castArray(
      em.applyUfunc("power", {absx, em.castScalar(fconst(o), x->dtype, false)}),
      x->dtype);
  ValueRef sum = reduce("sum", powered, axis);
  ValueRef inverse = em.castScalar(fconst(1.0 / o), x->dtype, false);
  return finish(em.applyUfunc("power", {sum, inverse}));
}
