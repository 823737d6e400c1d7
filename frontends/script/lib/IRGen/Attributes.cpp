//===- Attributes.cpp - `x.name` on the script's values -------------------===//
//
// Attributes of modules (np.pi, np.random), arrays (a.shape, a.T, methods)
// and other values. A name Python would not find is its AttributeError at
// compile time, also when the attribute is never called: the names of the
// reference run's namespaces are in AttributeNames.def.
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"

#include <cmath>

using namespace mlir;
using namespace dac;
using namespace dac::script;

using Kind = PyValue::Kind;

/// True if Python finds `name` in `space` (a module or a type of the
/// reference run; see AttributeNames.def); unknown spaces know everything.
static bool hasAttribute(StringRef space, StringRef name) {
  static const llvm::StringSet<> Known = [] {
    llvm::StringSet<> known;
#define DAC_ATTRIBUTE(SPACE, NAME) known.insert(SPACE "." NAME);
#include "AttributeNames.def"
#undef DAC_ATTRIBUTE
    return known;
  }();
  static const llvm::StringSet<> Spaces = {
      "numpy", "numpy.random", "numpy.linalg", "math", "time",
      "dac",   "ndarray",      "Generator",    "list"};
  return !Spaces.contains(space) || Known.contains((space + "." + name).str());
}

/// `v`, drawing from `generator`: np.random and its functions keep the
/// state of the numpy module they came from (IRGen::moduleValue).
static ValueRef drawingFrom(ValueRef v,
                            std::shared_ptr<GeneratorState> generator) {
  v->generator = std::move(generator);
  return v;
}

/// Python's AttributeError for `name` on a value of kind `space`.
[[noreturn]] static void attributeError(StringRef space, StringRef name) {
  std::string what =
      llvm::StringSwitch<std::string>(space)
          .Case("ndarray", "'numpy.ndarray' object")
          .Case("Generator", "'numpy.random._generator.Generator' object")
          .Case("list", "'list' object")
          .Default(("module '" + space + "'").str());
  compileError("AttributeError: " + what + " has no attribute '" + name + "'");
}

ValueRef IRGen::getAttribute(const ValueRef &value, StringRef name) {
  StringRef space = value->is(Kind::Module)      ? StringRef(value->name)
                    : value->is(Kind::Array)     ? "ndarray"
                    : value->is(Kind::Generator) ? "Generator"
                    : value->is(Kind::List)      ? "list"
                                                 : "";
  if (!space.empty() && !hasAttribute(space, name))
    attributeError(space, name);
  switch (value->kind) {
  case Kind::Module: {
    StringRef mod = value->name;
    if (mod == "numpy" || mod == "math") {
      if (name == "pi")
        return em.floatConst(M_PI);
      if (name == "e")
        return em.floatConst(M_E);
      if (name == "inf")
        return em.floatConst(INFINITY);
      if (name == "nan")
        return em.floatConst(NAN);
      if (mod == "math" && name == "tau")
        return em.floatConst(2 * M_PI);
    }
    if (mod == "numpy") {
      if (name == "random")
        return drawingFrom(PyValue::module("numpy.random"), value->generator);
      if (name == "linalg")
        return PyValue::module("numpy.linalg");
      if (name == "newaxis")
        return PyValue::none();
      if (auto t = parseDTypeName(name);
          t && name != "int" && name != "float" && name != "bool")
        return PyValue::dtypeObject(*t);
    }
    // np.random's functions keep the state they draw from.
    return drawingFrom(PyValue::builtin((mod + "." + name).str()),
                       value->generator);
  }
  case Kind::Array: {
    if (name == "shape") {
      std::vector<ValueRef> dims;
      for (Value d : value->shape)
        dims.push_back(PyValue::scalar(
            arith::IndexCastOp::create(b, em.loc, b.getI64Type(), d),
            DType::Int64, true));
      return PyValue::tuple(dims);
    }
    if (name == "ndim")
      return em.intConst(value->shape.size());
    if (name == "size")
      return PyValue::scalar(
          arith::IndexCastOp::create(b, em.loc, b.getI64Type(),
                                     em.numElements(value->shape)),
          DType::Int64, true);
    if (name == "dtype")
      return PyValue::dtypeObject(value->dtype);
    if (name == "T") {
      // A view with the dimensions reversed (the same array for rank <= 1).
      if (value->shape.size() <= 1)
        return value;
      std::vector<int64_t> axes;
      for (size_t d = value->shape.size(); d-- > 0;)
        axes.push_back(d);
      return em.transpose(value, axes);
    }
    return PyValue::method(value, ("ndarray." + name).str());
  }
  case Kind::Scalar:
    // NumPy scalars have a dtype; Python numbers do not.
    if (name == "dtype" && !value->isPython)
      return PyValue::dtypeObject(value->dtype);
    // Python's int, float and bool have none of NumPy's methods: only
    // their own (CPython 3.11's) go on, to be lowered or refused.
    if (value->isPython) {
      bool isFloatType = value->dtype == DType::Float64;
      bool own =
          llvm::is_contained({"conjugate", "real", "imag", "as_integer_ratio"},
                             name) ||
          (isFloatType
               ? llvm::is_contained({"is_integer", "hex", "fromhex"}, name)
               : llvm::is_contained({"bit_length", "bit_count", "to_bytes",
                                     "from_bytes", "numerator", "denominator"},
                                    name));
      if (!own)
        compileError(Twine("AttributeError: '") +
                     (value->dtype == DType::Bool ? "bool"
                      : isFloatType               ? "float"
                                                  : "int") +
                     "' object has no attribute '" + name + "'");
    }
    return PyValue::method(value, ("scalar." + name).str());
  case Kind::Builtin: {
    StringRef fn = value->name;
    if (name == "outer" && fn.consume_front("numpy.") && isUfuncName(fn))
      return PyValue::builtin(("numpy.ufunc_outer." + fn).str());
    if (name == "accumulate" &&
        (fn == "numpy.add" || fn == "numpy.multiply" || fn == "numpy.minimum" ||
         fn == "numpy.maximum"))
      return PyValue::builtin(
          ("numpy.ufunc_accumulate." + fn.drop_front(6)).str());
    if (name == "at" && (fn == "numpy.add" || fn == "numpy.subtract"))
      return PyValue::builtin(("numpy.ufunc_at." + fn.drop_front(6)).str());
    break;
  }
  case Kind::Generator:
    return PyValue::method(value, ("Generator." + name).str());
  case Kind::List:
    return PyValue::method(value, ("list." + name).str());
  case Kind::DTypeObj:
    if (name == "name")
      return PyValue::string(getDTypeName(value->dtype));
    break;
  default:
    break;
  }
  compileError("'" + value->describe() + "' has no attribute '" + name + "'");
}
