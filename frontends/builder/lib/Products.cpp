//===- Products.cpp - Matrix products of script arrays --------------------===//
//
// `@`, np.matmul, np.dot and np.outer with NumPy's shapes, dtypes and
// messages. Products of matrices and of stacks of them (3-D) are one
// dist.matmul (the partitioner picks the distributed algorithm); a product
// of two vectors is the sum of their element-wise product, and np.outer a
// broadcast product.
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

/// NumPy's gufunc signature of matmul, quoted in its messages.
static constexpr const char *kMatmulSignature = "(n?,k),(k,m?)->(n?,m?)";

ValueRef Emitter::matmul(const ValueRef &x, const ValueRef &y, bool dotStyle) {
  // np.dot with a number multiplies (np.matmul refuses numbers).
  if (dotStyle && (!x->is(Kind::Array) || !y->is(Kind::Array)))
    return scaled(x, y);
  for (auto [i, v] : llvm::enumerate(std::array<ValueRef, 2>{x, y}))
    if (!v->is(Kind::Array))
      compileError("matmul: Input operand " + std::to_string(i) +
                   " does not have enough dimensions (has 0, gufunc core "
                   "with signature " +
                   kMatmulSignature + " requires 1)");
  size_t rx = x->shape.size(), ry = y->shape.size();
  if (dotStyle && (rx > 2 || ry > 2))
    compileError("np.dot and np.inner of arrays with more than 2 dimensions "
                 "are not supported yet");
  if (rx > 3 || ry > 3)
    compileError("matrix products of arrays with more than 3 dimensions "
                 "are not supported yet");
  // The contracted extents: the last of x, the first of a vector y, else
  // y's second to last.
  Value kx = x->shape.back(), ky = y->shape[ry == 1 ? 0 : ry - 2];
  std::optional<int64_t> ckx = getConstantIntValue(kx),
                         cky = getConstantIntValue(ky);
  auto message = [&](SmallVectorImpl<Value> *values) {
    // The placeholders of extents known when running are filled in the
    // order they appear.
    if (dotStyle) {
      std::string first = renderShape(x->shape, values);
      std::string second = renderShape(y->shape, values);
      return "shapes " + first + " and " + second +
             " not aligned: " + (ckx ? std::to_string(*ckx) : "{}") + " (dim " +
             std::to_string(rx - 1) +
             ") != " + (cky ? std::to_string(*cky) : "{}") + " (dim 0)";
    }
    return std::string("matmul: Input operand 1 has a mismatch in its core "
                       "dimension 0, with gufunc signature ") +
           kMatmulSignature + " (size " + (cky ? std::to_string(*cky) : "{}") +
           " is different from " + (ckx ? std::to_string(*ckx) : "{}") + ")";
  };
  if (ckx && cky) {
    if (*ckx != *cky)
      compileError(message(nullptr));
  } else if (kx != ky) {
    SmallVector<Value> values;
    std::string text = message(&values);
    // The sizes the message quotes, in the order it quotes them.
    if (dotStyle) {
      if (!ckx)
        values.push_back(kx);
      if (!cky)
        values.push_back(ky);
    } else {
      if (!cky)
        values.push_back(ky);
      if (!ckx)
        values.push_back(kx);
    }
    emitAssert(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, kx, ky),
               "ValueError: " + text, values);
  }

  ValueRef xs = x, ys = y;
  matchStacks(xs, ys);
  DType type = promoteTypes(x->dtype, y->dtype);
  ValueRef a = castArray(xs, type), c = castArray(ys, type);
  rx = a->shape.size();
  ry = c->shape.size();
  if (rx == 1 && ry == 1) {
    // A scalar of the operands' type: NumPy's sum of products (wrapping
    // for integers; an or of ands for booleans).
    if (type == DType::Bool)
      return reduceAll("any", applyUfunc("logical_and", {a, c}), 0);
    return castScalar(reduceAll("sum", applyUfunc("multiply", {a, c}), 0), type,
                      false);
  }
  std::vector<Value> shape;
  if (rx == 3 || ry == 3)
    shape.push_back(rx == 3 ? a->shape.front() : c->shape.front());
  if (rx >= 2)
    shape.push_back(a->shape[rx - 2]);
  if (ry >= 2)
    shape.push_back(c->shape.back());
  checkSize(shape, type);
  auto lhsType = cast<ArrayType>(a->value.getType());
  auto rhsType = cast<ArrayType>(c->value.getType());
  Type resultType =
      arrayType(shape, type, MatmulOp::inferResultLayout(lhsType, rhsType));
  Value product = MatmulOp::create(b, loc, resultType, a->value, c->value);
  return PyValue::array(product, type, shape);
}

void Emitter::matchStacks(ValueRef &x, ValueRef &y) {
  // NumPy broadcasts the stack extents: equal, or 1 against any (the one
  // matrix then serves every other one, so the stack of one becomes that
  // matrix).
  if (x->shape.size() != 3 || y->shape.size() != 3)
    return;
  std::optional<int64_t> sx = getConstantIntValue(x->shape[0]),
                         sy = getConstantIntValue(y->shape[0]);
  if (sx == 1 && sy != 1) {
    x = subscript(x, intConst(0));
    return;
  }
  if (sy == 1 && sx != 1) {
    y = subscript(y, intConst(0));
    return;
  }
  auto message = [&](SmallVectorImpl<Value> *values) {
    auto stack = [&](const ValueRef &v) {
      std::string text = renderShape({v->shape[0]}, values);
      return text.substr(1, text.size() - 3) + ",newaxis,newaxis)";
    };
    std::string first = renderShape(x->shape, values);
    std::string firstStack = stack(x);
    std::string second = renderShape(y->shape, values);
    std::string secondStack = stack(y);
    std::string core = renderShape({x->shape[1], y->shape[2]}, values);
    return "operands could not be broadcast together with remapped shapes "
           "[original->remapped]: " +
           first + "->(" + firstStack + " " + second + "->(" + secondStack +
           "  and requested shape " + core;
  };
  if (sx && sy) {
    if (*sx != *sy)
      compileError(message(nullptr));
  } else if (x->shape[0] != y->shape[0]) {
    SmallVector<Value> values;
    std::string text = message(&values);
    emitAssert(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                     x->shape[0], y->shape[0]),
               "ValueError: " + text, values);
  }
}

ValueRef Emitter::scaled(const ValueRef &x, const ValueRef &y) {
  // np.dot with a number: no value-based casting (np.dot(float32 array,
  // 2.0) is float64), and a sum that starts from +0.0 (never -0.0).
  DType type = promoteTypes(x->dtype, y->dtype);
  auto strong = [&](const ValueRef &v) {
    return v->is(Kind::Array) ? castArray(v, type)
                              : castScalar(v, type, /*isPython=*/false);
  };
  ValueRef product = applyUfunc("multiply", {strong(x), strong(y)});
  if (isFloat(type))
    product = applyUfunc("add", {product, castScalar(floatConst(0.0), type,
                                                     /*isPython=*/false)});
  return product;
}

ValueRef Emitter::outer(const ValueRef &x, const ValueRef &y) {
  for (const ValueRef &v : {x, y})
    if (!v->is(Kind::Array) || v->shape.size() != 1)
      compileError("np.outer of anything but two 1-D arrays is not "
                   "supported yet");
  ValueRef column = expandDims(x, {1}, 2), row = expandDims(y, {0}, 2);
  return applyUfunc("multiply", {column, row});
}
