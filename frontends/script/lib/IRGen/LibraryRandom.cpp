//===- LibraryRandom.cpp - The methods of a default_rng() Generator -------===//
//
// random and uniform take one 64-bit draw per element (dist.random);
// integers, standard_normal, normal and random(dtype=float32) go through
// the runtime's sampler (dist.sample). Signatures, defaults and the types
// of single draws are NumPy's. Split from Library.cpp's name dispatch.
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"

using namespace mlir;
using namespace dac;
using namespace dac::script;
using Kind = PyValue::Kind;

ValueRef IRGen::callGeneratorMethod(StringRef name, const CallArgs &args,
                                    const ValueRef &self) {
  if (!name.consume_front("Generator."))
    return nullptr;
  GeneratorState &gen = *self->generator;
  auto arg = [&](size_t i, StringRef key) { return args.get(i, key); };
  // size=None draws one value; the result is then a scalar.
  auto sizeOf = [&](ValueRef size) -> std::pair<std::vector<Value>, bool> {
    if (!size || size->is(Kind::None))
      return {{}, true};
    return {em.shapeFrom(size), false};
  };
  auto layoutArg = [&](ArrayRef<Value> shape) {
    return em.parseLayout(args.get(SIZE_MAX, "dist"),
                          args.get(SIZE_MAX, "grid_shape"), shape);
  };
  // dtype=, when given: one of `allowed`, else NumPy's TypeError.
  auto dtypeOf = [&](size_t i, DType fallback, ArrayRef<DType> allowed,
                     StringRef what) {
    ValueRef given = arg(i, "dtype");
    if (!given)
      return fallback;
    std::optional<DType> t = parseDType(given);
    if (!t)
      compileError("dtype of Generator." + name + " must be a NumPy dtype");
    if (!llvm::is_contained(allowed, *t))
      compileError("Generator." + name + " with dtype " + getDTypeName(*t) +
                   " is not supported yet (" + what + ")");
    return *t;
  };

  if (name == "random") {
    args.check("random", 2, {"size", "dtype", "dist", "grid_shape"});
    auto [shape, scalar] = sizeOf(arg(0, "size"));
    DType t = dtypeOf(1, DType::Float64, {DType::Float64, DType::Float32},
                      "float64 and float32 are");
    if (t == DType::Float64)
      return em.random(gen, shape, scalar, layoutArg(shape));
    // float32: the top 24 bits of 32-bit halves. A single draw is a
    // Python float holding the float32 value, as NumPy returns it.
    ValueRef u = em.sample(gen, dist::Sampling::Uniform, DType::Float32, {},
                           shape, scalar, layoutArg(shape));
    return scalar ? em.castScalar(u, DType::Float64, true) : u;
  }
  if (name == "uniform") {
    args.check("uniform", 3, {"low", "high", "size", "dist", "grid_shape"});
    ValueRef low = arg(0, "low"), high = arg(1, "high");
    auto [shape, scalar] = sizeOf(arg(2, "size"));
    return em.uniform(gen, low ? low : em.floatConst(0.0),
                      high ? high : em.floatConst(1.0), shape, scalar,
                      layoutArg(shape));
  }
  if (name == "integers") {
    args.check(
        "integers", 5,
        {"low", "high", "size", "dtype", "endpoint", "dist", "grid_shape"});
    ValueRef low = arg(0, "low");
    if (!low)
      compileError("integers() missing required argument 'low'");
    auto [shape, scalar] = sizeOf(arg(2, "size"));
    DType t = dtypeOf(3, DType::Int64, {DType::Int64, DType::Int32},
                      "int64 and int32 are");
    ValueRef endpoint = arg(4, "endpoint");
    std::optional<int64_t> closed =
        endpoint ? Emitter::getConstInt(endpoint) : std::optional<int64_t>(0);
    if (!closed)
      compileError("endpoint of Generator.integers must be True or False "
                   "known when compiling");
    return em.integers(gen, low, arg(1, "high"), *closed != 0, t, shape, scalar,
                       layoutArg(shape));
  }
  if (name == "standard_normal") {
    args.check("standard_normal", 2, {"size", "dtype", "dist", "grid_shape"});
    auto [shape, scalar] = sizeOf(arg(0, "size"));
    dtypeOf(1, DType::Float64, {DType::Float64}, "float64 is");
    ValueRef z = em.sample(gen, dist::Sampling::StandardNormal, DType::Float64,
                           {}, shape, scalar, layoutArg(shape));
    z->isPython = scalar; // a single draw is a Python float
    return z;
  }
  if (name == "normal") {
    args.check("normal", 3, {"loc", "scale", "size", "dist", "grid_shape"});
    ValueRef loc = arg(0, "loc"), scale = arg(1, "scale");
    auto [shape, scalar] = sizeOf(arg(2, "size"));
    return em.normal(gen, loc ? loc : em.floatConst(0.0),
                     scale ? scale : em.floatConst(1.0), shape, scalar,
                     layoutArg(shape));
  }
  compileError("Generator." + name +
               " is not supported yet (random, uniform, integers, "
               "standard_normal and normal are)");
}
