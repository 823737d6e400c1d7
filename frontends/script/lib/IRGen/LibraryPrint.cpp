//===- LibraryPrint.cpp - print() and the text of values -----------------===//
//
// print() and f-strings render values as CPython and NumPy print them: the
// text known when compiling becomes a format, and the numbers known only
// at run time its fields.
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace dac;
using namespace dac::script;

using Kind = PyValue::Kind;

void IRGen::renderText(const ValueRef &v, bool nested, std::string &format,
                       std::vector<ValueRef> &items) {
  switch (v->kind) {
  case Kind::String:
    if (nested)
      format += "'";
    format += v->name;
    if (nested)
      format += "'";
    for (const ValueRef &item : v->items)
      items.push_back(item);
    return;
  case Kind::Scalar:
    format += "{}";
    items.push_back(v);
    return;
  case Kind::None:
    format += "None";
    return;
  case Kind::Tuple:
  case Kind::List: {
    bool tuple = v->is(Kind::Tuple);
    format += tuple ? "(" : "[";
    for (size_t i = 0; i < v->items.size(); ++i) {
      if (i)
        format += ", ";
      renderText(v->items[i], true, format, items);
    }
    if (tuple && v->items.size() == 1)
      format += ",";
    format += tuple ? ")" : "]";
    return;
  }
  case Kind::DTypeObj:
    format += getDTypeName(v->dtype);
    return;
  case Kind::Query:
    format += "{" + v->name + "}";
    items.push_back(v->items[0]);
    return;
  case Kind::Array:
    if (nested)
      compileError("printing arrays inside tuples or lists is not "
                   "supported yet");
    format += "{array}";
    items.push_back(v);
    return;
  default:
    compileError("cannot print " + v->describe());
  }
}

void IRGen::print(const CallArgs &args) {
  args.check("print", SIZE_MAX, {"sep", "end", "flush", "file"});
  if (args.get(SIZE_MAX, "file"))
    compileError("print(file=...) is not supported");
  auto text = [&](StringRef key, StringRef fallback) -> ValueRef {
    ValueRef v = args.get(SIZE_MAX, key);
    if (!v || v->is(Kind::None))
      return PyValue::string(fallback.str());
    if (!v->is(Kind::String))
      compileError(key + " must be None or a string, not " + v->describe());
    return v;
  };
  ValueRef sep = text("sep", " "), end = text("end", "\n");
  std::string format;
  std::vector<ValueRef> items;
  auto append = [&](const ValueRef &v, bool nested) {
    renderText(v, nested, format, items);
  };
  for (size_t i = 0; i < args.positional.size(); ++i) {
    if (i)
      append(sep, false);
    append(args.positional[i], false);
  }
  append(end, false);
  SmallVector<Value> values;
  for (const ValueRef &item : items)
    values.push_back(item->value);
  // The runtime writes whole lines; a print ending without a newline is
  // still written immediately.
  dist::PrintOp::create(b, em.loc, format, values);
}
