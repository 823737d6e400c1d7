//===- Values.cpp - What script names evaluate to at compile time ---------===//

#include "dac/Builder/Values.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringSwitch.h"

using namespace dac::builder;

const char *dac::builder::getDTypeName(DType type) {
  switch (type) {
  case DType::Bool:
    return "bool";
  case DType::Int32:
    return "int32";
  case DType::Int64:
    return "int64";
  case DType::Float32:
    return "float32";
  case DType::Float64:
    return "float64";
  }
  return "?";
}

std::optional<DType> dac::builder::parseDTypeName(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<DType>>(name)
      .Cases({"bool", "bool_", "?", "b1"}, DType::Bool)
      .Cases({"int32", "i4", "intc"}, DType::Int32)
      .Cases({"int64", "i8", "int", "int_", "intp", "l"}, DType::Int64)
      .Cases({"float32", "f4", "single"}, DType::Float32)
      .Cases({"float64", "f8", "float", "double", "float_", "d"},
             DType::Float64)
      .Default(std::nullopt);
}

mlir::Type dac::builder::getMLIRType(mlir::Builder &b, DType type) {
  switch (type) {
  case DType::Bool:
    return b.getI1Type();
  case DType::Int32:
    return b.getI32Type();
  case DType::Int64:
    return b.getI64Type();
  case DType::Float32:
    return b.getF32Type();
  case DType::Float64:
    return b.getF64Type();
  }
  return {};
}

bool dac::builder::isFloat(DType type) {
  return type == DType::Float32 || type == DType::Float64;
}

bool dac::builder::isInteger(DType type) {
  return type == DType::Int32 || type == DType::Int64;
}

DType dac::builder::promoteTypes(DType a, DType b) {
  if (a == b)
    return a;
  if (a == DType::Bool)
    return b;
  if (b == DType::Bool)
    return a;
  if (isFloat(a) && isFloat(b))
    return DType::Float64;
  if (isInteger(a) && isInteger(b))
    return DType::Int64;
  // One integer, one float: float32 cannot hold every int32/int64.
  return DType::Float64;
}

ValueRef PyValue::none() { return std::make_shared<PyValue>(); }

ValueRef PyValue::scalar(mlir::Value v, DType type, bool isPython) {
  auto p = std::make_shared<PyValue>();
  p->kind = Kind::Scalar;
  p->value = v;
  p->dtype = type;
  p->isPython = isPython;
  return p;
}

ValueRef PyValue::array(mlir::Value v, DType type,
                        std::vector<mlir::Value> shape) {
  auto p = std::make_shared<PyValue>();
  p->kind = Kind::Array;
  p->value = v;
  p->dtype = type;
  p->isPython = false;
  p->shape = std::move(shape);
  return p;
}

ValueRef PyValue::string(std::string text) {
  auto p = std::make_shared<PyValue>();
  p->kind = Kind::String;
  p->name = std::move(text);
  return p;
}

ValueRef PyValue::tuple(std::vector<ValueRef> items) {
  auto p = std::make_shared<PyValue>();
  p->kind = Kind::Tuple;
  p->items = std::move(items);
  return p;
}

ValueRef PyValue::module(std::string name) {
  auto p = std::make_shared<PyValue>();
  p->kind = Kind::Module;
  p->name = std::move(name);
  return p;
}

ValueRef PyValue::builtin(std::string name) {
  auto p = std::make_shared<PyValue>();
  p->kind = Kind::Builtin;
  p->name = std::move(name);
  return p;
}

ValueRef PyValue::method(ValueRef receiver, std::string name) {
  auto p = std::make_shared<PyValue>();
  p->kind = Kind::Method;
  p->name = std::move(name);
  p->items.push_back(std::move(receiver));
  return p;
}

ValueRef PyValue::dtypeObject(DType type) {
  auto p = std::make_shared<PyValue>();
  p->kind = Kind::DTypeObj;
  p->dtype = type;
  return p;
}

ValueRef PyValue::range(ValueRef start, ValueRef stop, ValueRef step) {
  auto p = std::make_shared<PyValue>();
  p->kind = Kind::Range;
  p->items = {std::move(start), std::move(stop), std::move(step)};
  return p;
}

ValueRef PyValue::withValue(mlir::Value v) const {
  auto p = std::make_shared<PyValue>(*this);
  p->value = v;
  return p;
}

std::string PyValue::describe() const {
  switch (kind) {
  case Kind::None:
    return "None";
  case Kind::Scalar:
    if (isPython)
      return dtype == DType::Bool    ? "bool"
             : dtype == DType::Int64 ? "int"
                                     : "float";
    return std::string("numpy.") + getDTypeName(dtype);
  case Kind::Array:
    return std::string("array of ") + getDTypeName(dtype);
  case Kind::String:
    return "str";
  case Kind::Tuple:
    return "tuple";
  case Kind::List:
    return "list";
  case Kind::Dict:
    return "dict";
  case Kind::Module:
    return "module '" + name + "'";
  case Kind::Function:
    return "function";
  case Kind::Builtin:
    return "function '" + name + "'";
  case Kind::Method:
    return "method '" + name + "'";
  case Kind::DTypeObj:
    return std::string("type numpy.") + getDTypeName(dtype);
  case Kind::Generator:
    return "numpy.random.Generator";
  case Kind::Query:
    return name == "grid" ? "tuple (a process grid)" : "list of local shapes";
  case Kind::Range:
    return "range";
  case Kind::Unbound:
    return "unbound name";
  case Kind::Slice:
    return "slice";
  case Kind::Ellipsis:
    return "ellipsis";
  }
  return "value";
}
