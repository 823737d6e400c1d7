//===- LibraryRandom.cpp - The methods of a default_rng() Generator -------===//
//
// random and uniform take one 64-bit draw per element (dist.random);
// integers, standard_normal, normal and random(dtype=float32) go through
// the runtime's sampler (dist.sample). So do the legacy np.random
// functions (the global RandomState on MT19937: seed, rand, randn, randint,
// random_sample, ...), whose state is the one `legacyRandom` every numpy
// module value refers to. Signatures, defaults and the types of single
// draws are NumPy's. Split from Library.cpp's name dispatch.
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace dac;
using namespace dac::script;
using Kind = PyValue::Kind;

ValueRef IRGen::callGeneratorMethod(StringRef name, const CallArgs &args,
                                    const ValueRef &self) {
  bool legacy = name.consume_front("numpy.random.");
  if ((legacy && name == "default_rng") ||
      (!legacy && !name.consume_front("Generator.")))
    return nullptr;
  GeneratorState &gen =
      self && self->generator ? *self->generator : *legacyRandom;
  std::string fn = ((legacy ? "np.random." : "Generator.") + name).str();
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
  // dtype=, when given: one of `allowed` (int: NumPy's default integer).
  auto dtypeOf = [&](size_t i, DType fallback, ArrayRef<DType> allowed,
                     StringRef what) {
    ValueRef given = arg(i, "dtype");
    if (!given || (given->is(Kind::Builtin) && given->name == "int"))
      return fallback;
    std::optional<DType> t = parseDType(given);
    if (!t)
      compileError("dtype of " + fn + " must be a NumPy dtype");
    if (!llvm::is_contained(allowed, *t))
      compileError(fn + " with dtype " + getDTypeName(*t) +
                   " is not supported yet (" + what + ")");
    return *t;
  };
  // rand(d0, d1, ...) and randn(...): the extents as positional arguments.
  auto dimsOf = [&]() -> std::pair<std::vector<Value>, bool> {
    for (const auto &keyword : args.keywords)
      if (keyword.first != "dist" && keyword.first != "grid_shape")
        compileError(fn + "() got an unexpected keyword argument '" +
                     keyword.first + "'");
    if (args.positional.empty())
      return {{}, true};
    return {em.shapeFrom(PyValue::tuple(args.positional)), false};
  };

  // Both kinds of stream.
  if (name == "uniform") {
    args.check("uniform", 3, {"low", "high", "size", "dist", "grid_shape"});
    ValueRef low = arg(0, "low"), high = arg(1, "high");
    auto [shape, scalar] = sizeOf(arg(2, "size"));
    return em.uniform(gen, low ? low : em.floatConst(0.0),
                      high ? high : em.floatConst(1.0), shape, scalar,
                      layoutArg(shape));
  }
  if (name == "normal") {
    args.check("normal", 3, {"loc", "scale", "size", "dist", "grid_shape"});
    ValueRef loc = arg(0, "loc"), scale = arg(1, "scale");
    auto [shape, scalar] = sizeOf(arg(2, "size"));
    return em.normal(gen, loc ? loc : em.floatConst(0.0),
                     scale ? scale : em.floatConst(1.0), shape, scalar,
                     layoutArg(shape));
  }
  if (name == "standard_normal") {
    args.check(name, 2, {"size", "dtype", "dist", "grid_shape"});
    auto [shape, scalar] = sizeOf(arg(0, "size"));
    if (!legacy)
      dtypeOf(1, DType::Float64, {DType::Float64}, "float64 is");
    else if (arg(1, "dtype"))
      compileError("np.random.standard_normal() got an unexpected keyword "
                   "argument 'dtype'");
    return em.standardNormal(gen, shape, scalar, layoutArg(shape));
  }

  if (!legacy) {
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
      return em.integers(gen, low, arg(1, "high"), *closed != 0, t, shape,
                         scalar, layoutArg(shape));
    }
    compileError(fn + " is not supported yet (random, uniform, integers, "
                      "standard_normal and normal are)");
  }

  // The legacy RandomState's functions.
  if (name == "seed") {
    args.check("seed", 1, {"seed"});
    ValueRef seed = arg(0, "seed");
    if (!seed || seed->is(Kind::None))
      compileError("np.random.seed() needs an integer seed: without one the "
                   "stream differs from run to run and from NumPy's");
    if (!seed->is(Kind::Scalar) || !isInteger(seed->dtype))
      compileError("np.random.seed() with a seed other than an integer is "
                   "not supported yet");
    Value s = em.toI64(seed, "seed");
    auto i64 = [&](int64_t v) -> Value {
      return arith::ConstantIntOp::create(b, em.loc, b.getI64Type(), v);
    };
    em.require(arith::CmpIOp::create(b, em.loc, arith::CmpIPredicate::ule, s,
                                     i64(UINT32_MAX)),
               "ValueError: Seed must be between 0 and 2**32 - 1");
    // RandomState.seed restarts the stream and drops the kept normal.
    gen.offset() = i64(0);
    gen.pending() = i64(-1);
    gen.seed() = s;
    return PyValue::none();
  }
  if (name == "rand") {
    auto [shape, scalar] = dimsOf();
    return em.random(gen, shape, scalar, layoutArg(shape));
  }
  if (name == "randn") {
    auto [shape, scalar] = dimsOf();
    return em.standardNormal(gen, shape, scalar, layoutArg(shape));
  }
  if (name == "random_sample" || name == "random" || name == "ranf" ||
      name == "sample") {
    args.check(name, 1, {"size", "dist", "grid_shape"});
    auto [shape, scalar] = sizeOf(arg(0, "size"));
    return em.random(gen, shape, scalar, layoutArg(shape));
  }
  if (name == "randint") {
    args.check("randint", 4,
               {"low", "high", "size", "dtype", "dist", "grid_shape"});
    ValueRef low = arg(0, "low");
    if (!low)
      compileError("randint() missing required argument 'low'");
    auto [shape, scalar] = sizeOf(arg(2, "size"));
    DType t = dtypeOf(3, DType::Int64, {DType::Int64}, "int64 is");
    return em.integers(gen, low, arg(1, "high"), /*endpoint=*/false, t, shape,
                       scalar, layoutArg(shape));
  }
  compileError(fn + " is not supported yet (seed, rand, randn, randint, "
                    "random_sample, random, standard_normal, normal and "
                    "uniform are)");
}
