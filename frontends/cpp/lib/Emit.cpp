//===- Emit.cpp - Graphs of the C++ API as dist IR ------------------------===//
//
// Every node kind maps to the builder library's call for it, the one the
// script frontend makes for the same NumPy operation: both frontends build
// the same IR with the same semantics and the same errors.
//
//===----------------------------------------------------------------------===//

#include "Emit.h"

#include "dac/Builder/Emitter.h"
#include "dac/Compiler/InitAll.h"
#include "dac/Compiler/LayoutSpec.h"
#include "dac/Dialect/Dist/IR/DistOps.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <cstdio>
#include <map>
#include <mutex>

using namespace mlir;
using namespace dac;
using namespace dac::detail;
using builder::CompileError;
using builder::Emitter;
using builder::PyValue;
using builder::ValueRef;
using dac::detail::getContext;
using Kind = PyValue::Kind;

MLIRContext &dac::detail::getContext() {
  static MLIRContext *context = [] {
    DialectRegistry registry;
    registerAllDialects(registry);
    auto *ctx = new MLIRContext(registry, MLIRContext::Threading::DISABLED);
    ctx->loadAllAvailableDialects();
    return ctx;
  }();
  return *context;
}

namespace {

builder::DType toBuilder(DType t) { return static_cast<builder::DType>(t); }

} // namespace

// The dtypes are the builder library's, in the same order.
static_assert(static_cast<int>(DType::Float64) ==
              static_cast<int>(builder::DType::Float64));

const char *dac::dtype_name(DType type) {
  return builder::getDTypeName(toBuilder(type));
}

namespace {

/// The type a computed number crosses the call as (widened: every
/// argument and result is one 8-byte word).
Type wideType(OpBuilder &b, DType t) {
  return t == DType::Float32 || t == DType::Float64 ? Type(b.getF64Type())
                                                    : Type(b.getI64Type());
}
DType wideDType(DType t) {
  return t == DType::Float32 || t == DType::Float64 ? DType::Float64
                                                    : DType::Int64;
}

/// Builds nodes with the Emitter; values of nodes already built are kept.
class GraphBuilder {
public:
  explicit GraphBuilder(ModuleOp module)
      : b(module.getContext()), em(b, module) {}

  OpBuilder b;
  Emitter em;
  std::map<const Node *, ValueRef> values;

  ValueRef get(const NodePtr &node) const { return values.at(node.get()); }

  /// The argument `arg` as the value of `node` (an array computed before,
  /// a placeholder of its type, or a number).
  ValueRef argument(const Node &node, Value arg) {
    if (node.isArray)
      return PyValue::array(arg, toBuilder(node.dtype), extents(node.shape));
    Value v = em.convert(b, em.loc, arg, toBuilder(wideDType(node.dtype)),
                         toBuilder(node.dtype));
    return PyValue::scalar(v, toBuilder(node.dtype), node.isPython);
  }

  /// The argument type of a node that is an argument.
  Type argumentType(const Node &node) {
    if (!node.isArray)
      return wideType(b, node.dtype);
    if (node.buffer)
      return parseType(node.buffer->type, b.getContext());
    return em.arrayType(extents(node.shape), toBuilder(node.dtype));
  }

  ValueRef constant(const Node &node) {
    if (node.isPython) {
      switch (node.dtype) {
      case DType::Bool:
        return em.boolConst(node.i != 0);
      case DType::Int32:
      case DType::Int64:
        return em.intConst(node.i);
      default:
        return em.floatConst(node.f);
      }
    }
    Type t = builder::getMLIRType(b, toBuilder(node.dtype));
    Value v = isa<FloatType>(t)
                  ? Value(arith::ConstantOp::create(b, em.loc,
                                                    b.getFloatAttr(t, node.f)))
                  : Value(arith::ConstantIntOp::create(b, em.loc, t, node.i));
    return PyValue::scalar(v, toBuilder(node.dtype), false);
  }

  std::vector<Value> extents(const std::vector<int64_t> &shape) {
    std::vector<Value> result;
    for (int64_t d : shape) {
      if (d < 0)
        builder::compileError("negative dimensions are not allowed");
      result.push_back(em.index(d));
    }
    return result;
  }

  /// The index a view or a write takes, reading its integers from
  /// `operands` from `next` on.
  ValueRef index(const std::vector<IndexItem> &items, const Node &node,
                 size_t &next) {
    std::vector<ValueRef> result;
    auto part = [&](const std::optional<int64_t> &v) {
      return v ? em.intConst(*v) : ValueRef();
    };
    for (const IndexItem &item : items) {
      switch (item.kind) {
      case IndexItem::Kind::Int:
        result.push_back(get(node.operands.at(next++)));
        break;
      case IndexItem::Kind::Slice:
        result.push_back(
            Emitter::slice(part(item.start), part(item.stop), part(item.step)));
        break;
      case IndexItem::Kind::NewAxis:
        result.push_back(PyValue::none());
        break;
      case IndexItem::Kind::Ellipsis: {
        auto e = std::make_shared<PyValue>();
        e->kind = Kind::Ellipsis;
        result.push_back(e);
        break;
      }
      }
    }
    return PyValue::tuple(std::move(result));
  }

  ValueRef applyView(const ValueRef &array, const ViewOp &view,
                     const Node &node, size_t &next) {
    if (view.transpose)
      return em.transpose(array, view.axes);
    return em.subscript(array, index(view.index, node, next));
  }

  dist::LayoutAttr layout(const Layout &layout,
                          const std::vector<int64_t> &shape) {
    if (layout.dist.empty() && layout.grid_shape.empty())
      return {};
    ValueRef dist, grid;
    if (!layout.dist.empty()) {
      std::vector<ValueRef> codes;
      for (const std::string &code : layout.dist)
        codes.push_back(PyValue::string(code));
      dist = PyValue::tuple(std::move(codes));
    }
    if (!layout.grid_shape.empty()) {
      std::vector<ValueRef> extents;
      for (int64_t e : layout.grid_shape)
        extents.push_back(em.intConst(e));
      grid = PyValue::tuple(std::move(extents));
    }
    return em.parseLayout(dist, grid, extents(shape));
  }

  ValueRef emit(const Node &node);
};

ValueRef GraphBuilder::emit(const Node &node) {
  auto operand = [&](size_t i) { return get(node.operands.at(i)); };
  auto dtype = [&]() -> std::optional<builder::DType> {
    if (!node.typed)
      return std::nullopt;
    return toBuilder(node.dtype);
  };
  using Op = Node::Op;
  switch (node.op) {
  case Op::Input: // always an argument (collectProgram)
    break;
  case Op::Scalar: // a constant; run-time numbers are arguments
    return constant(node);
  case Op::Binary:
    return em.binaryOp(node.name, operand(0), operand(1));
  case Op::Unary:
    return em.unaryOp(node.name, operand(0));
  case Op::Ufunc: {
    std::vector<ValueRef> args;
    for (size_t i = 0; i < node.operands.size(); ++i)
      args.push_back(operand(i));
    if (ValueRef r = em.applyUfunc(node.name, args))
      return r;
    builder::compileError("'" + node.name + "' is not a ufunc dac knows");
  }
  case Op::Where:
    return em.where(operand(0), operand(1), operand(2));
  case Op::Reduce: {
    ValueRef array = operand(0);
    if (node.whole)
      return em.reduce(node.name, array, node.i);
    int64_t rank = array->is(Kind::Array) ? array->shape.size() : 0;
    std::vector<int64_t> axes = Emitter::normalizeAxes(node.ints, rank);
    return em.reduce(node.name, array, node.i, llvm::ArrayRef(axes));
  }
  case Op::ArgExtreme:
    return em.argExtreme(operand(0), node.name == "argmax");
  case Op::Cast: {
    ValueRef v = operand(0);
    return v->is(Kind::Array) ? em.castArray(v, toBuilder(node.dtype))
                              : em.castScalar(v, toBuilder(node.dtype), false);
  }
  case Op::CastInPlace:
    return em.castInPlace(operand(0), toBuilder(node.dtype));
  case Op::View: {
    size_t next = 1;
    return applyView(operand(0), node.view, node, next);
  }
  case Op::Write: {
    // The base as a fresh object, the views from it to the one written,
    // then NumPy's assignment into that view: the base's new value.
    ValueRef base = operand(0);
    base = PyValue::array(base->value, base->dtype, base->shape);
    size_t next = 2;
    ValueRef target = base;
    for (const ViewOp &view : node.chain)
      target = applyView(target, view, node, next);
    em.setItem(target, index(node.view.index, node, next), operand(1));
    return PyValue::array(base->value, base->dtype, base->shape);
  }
  case Op::Matmul:
    return em.matmul(operand(0), operand(1), node.name == "dot");
  case Op::Outer:
    return em.outer(operand(0), operand(1));
  case Op::Full:
    return em.full(extents(node.ints), operand(0), toBuilder(node.dtype),
                   layout(node.layout, node.ints));
  case Op::Arange: {
    // The length depends on the bounds, which are constants: the layout
    // is parsed for the result's extents.
    ValueRef r = em.arange(operand(0), operand(1), operand(2), dtype());
    if (node.layout.dist.empty() && node.layout.grid_shape.empty())
      return r;
    std::vector<int64_t> shape;
    for (Value d : r->shape)
      shape.push_back(getConstantIntValue(em.fold(d)).value_or(0));
    return em.redistribute(r, layout(node.layout, shape));
  }
  case Op::Linspace:
    return em.linspace(operand(0), operand(1), node.ints.at(0),
                       node.ints.at(1) != 0, dtype(),
                       layout(node.layout, {node.ints.at(0)}));
  case Op::Random: {
    builder::GeneratorState state = *em.createGenerator(operand(0))->generator;
    state.offset() = em.toI64(operand(1), "offset");
    dist::LayoutAttr l = layout(node.layout, node.ints);
    if (node.name == "uniform")
      return em.uniform(state, operand(2), operand(3), extents(node.ints),
                        node.whole, l);
    return em.random(state, extents(node.ints), node.whole, l);
  }
  case Op::Reshape:
    return em.reshape(operand(0), node.ints);
  case Op::Redistribute: {
    ValueRef array = operand(0);
    if (!array->is(Kind::Array))
      builder::compileError("dac::redistribute() expects an array");
    return em.redistribute(array,
                           layout(node.layout, node.operands.at(0)->shape));
  }
  }
  builder::compileError("unknown operation");
}

/// Numbers that are arguments cross as 8-byte words; the results too.
Value widen(GraphBuilder &g, const ValueRef &v) {
  DType t = static_cast<DType>(v->dtype);
  return g.em.convert(g.b, g.em.loc, v->value, v->dtype,
                      toBuilder(wideDType(t)));
}

bool isArgument(const Node &node) {
  return node.op == Node::Op::Input ||
         (node.op == Node::Op::Scalar && !node.constant);
}

} // namespace

OwningOpRef<ModuleOp> dac::detail::buildProgram(const Program &program) {
  MLIRContext &ctx = getContext();
  OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(&ctx));
  GraphBuilder g(*module);
  OpBuilder &b = g.b;
  b.setInsertionPointToEnd(module->getBody());
  SmallVector<Type> argTypes;
  for (const NodePtr &arg : program.arguments)
    argTypes.push_back(g.argumentType(*arg));
  auto func = func::FuncOp::create(b, g.em.loc, kEvalFunction,
                                   b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  b.setInsertionPointToStart(entry);
  try {
    for (auto [node, arg] : llvm::zip(program.arguments, entry->getArguments()))
      g.values[node.get()] = g.argument(*node, arg);
    for (const NodePtr &node : program.order)
      g.values[node.get()] = g.emit(*node);
    SmallVector<Value> results;
    for (const NodePtr &node : program.results) {
      ValueRef v = g.get(node);
      // A print formats numbers by their own type (float32 as NumPy does).
      bool wide = !program.print && !v->is(Kind::Array);
      results.push_back(wide ? widen(g, v) : v->value);
    }
    if (program.print) {
      dist::PrintOp::create(b, g.em.loc, *program.print, results);
      results.clear();
    }
    func::ReturnOp::create(b, g.em.loc, results);
    func.setFunctionType(b.getFunctionType(argTypes, ValueRange(results)));
  } catch (const CompileError &err) {
    throw Error(err.what());
  }
  return module;
}

namespace {

std::string text(const std::vector<int64_t> &v) {
  std::string s = "[";
  for (int64_t x : v)
    s += std::to_string(x) + ",";
  return s + "]";
}

std::string text(const std::optional<int64_t> &v) {
  return v ? std::to_string(*v) : std::string("_");
}

std::string text(const ViewOp &v) {
  std::string s = v.transpose ? "T" + text(v.axes) : "I";
  for (const IndexItem &item : v.index)
    s += "(" + std::to_string(static_cast<int>(item.kind)) + " " +
         text(item.start) + " " + text(item.stop) + " " + text(item.step) + ")";
  return s;
}

/// What a node computes, as far as its users are concerned.
std::string valueText(const Node &n) {
  return std::string(dtype_name(n.dtype)) + (n.isPython ? " py" : "") +
         (n.isArray ? " array" + text(n.shape) : "") +
         (n.buffer ? " " + n.buffer->type : "");
}

/// A number's value, bit for bit.
std::string numberText(const Node &n) {
  char bits[64];
  std::snprintf(bits, sizeof bits, " %a %lld", n.f,
                static_cast<long long>(n.i));
  return bits;
}

/// A node's operation with everything that is part of the program, not
/// its operands.
std::string operationText(const Node &node) {
  std::string line = std::to_string(static_cast<int>(node.op)) + " " +
                     node.name + " " + valueText(node) + " " + text(node.ints) +
                     " " + text(node.view);
  for (const ViewOp &v : node.chain)
    line += " " + text(v);
  line += " flags " + std::to_string(node.whole) + std::to_string(node.typed) +
          std::to_string(node.indexed);
  for (const std::string &code : node.layout.dist)
    line += " d" + code;
  line += " g" + text(node.layout.grid_shape);
  if (node.op == Node::Op::Scalar)
    line += numberText(node);
  if (node.op == Node::Op::Reduce)
    line += " ddof" + std::to_string(node.i);
  return line;
}

} // namespace

namespace {
/// What describe() found, by operation and operands: building IR for every
/// call costs microseconds that a host loop pays each iteration.
struct Description {
  bool isArray, isPython;
  DType dtype;
  std::vector<int64_t> shape;
};
} // namespace

void dac::detail::describe(Node &node) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  // Numbers take part in the key only where NumPy's checks depend on them
  // (indices); elsewhere the outcome depends on their types alone.
  static std::map<std::string, Description> known;
  bool indexed = node.op == Node::Op::View || node.op == Node::Op::Write;
  std::string key = operationText(node);
  for (const NodePtr &operand : node.operands) {
    key += " | " + valueText(*operand);
    if (operand->op == Node::Op::Scalar && (indexed || operand->constant))
      key += numberText(*operand);
  }
  if (auto found = known.find(key); found != known.end()) {
    node.isArray = found->second.isArray;
    node.isPython = found->second.isPython;
    node.dtype = found->second.dtype;
    node.shape = found->second.shape;
    return;
  }
  describeWithIR(node);
  if (known.size() > 100000)
    known.clear();
  known[key] = {node.isArray, node.isPython, node.dtype, node.shape};
}

void dac::detail::describeWithIR(Node &node) {
  // Built on placeholders in a scratch function that is dropped again.
  MLIRContext &ctx = getContext();
  static ModuleOp scratch = ModuleOp::create(UnknownLoc::get(&ctx));
  GraphBuilder g(scratch);
  OpBuilder &b = g.b;
  b.setInsertionPointToEnd(scratch.getBody());
  SmallVector<Type> argTypes;
  std::vector<const Node *> placeholders;
  // Numbers already known are constants here (the compiled program takes
  // them as arguments): NumPy's errors that depend on them, such as an
  // index out of range, are raised now, where the C++ code asks.
  for (const NodePtr &operand : node.operands)
    if (operand->op != Node::Op::Scalar) {
      argTypes.push_back(g.argumentType(*operand));
      placeholders.push_back(operand.get());
    }
  auto func = func::FuncOp::create(b, g.em.loc, "describe",
                                   b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  b.setInsertionPointToStart(entry);
  llvm::scope_exit erase([&] { func.erase(); });
  try {
    for (auto [operand, arg] : llvm::zip(placeholders, entry->getArguments()))
      g.values[operand] = g.argument(*operand, arg);
    for (const NodePtr &operand : node.operands)
      if (!g.values.count(operand.get()))
        g.values[operand.get()] = g.constant(*operand);
    ValueRef v = g.emit(node);
    if (!v->is(Kind::Array) && !v->is(Kind::Scalar))
      throw Error("the result is not an array or a number");
    node.isArray = v->is(Kind::Array);
    node.dtype = static_cast<DType>(v->dtype);
    node.isPython = v->isPython;
    node.shape.clear();
    for (Value d : v->shape) {
      std::optional<int64_t> c = getConstantIntValue(g.em.fold(d));
      if (!c)
        throw Error("the C++ API needs extents known before running; this "
                    "result's extents are known only when running");
      node.shape.push_back(*c);
    }
  } catch (const CompileError &err) {
    throw Error(err.what());
  }
}

std::string Program::key() const {
  std::map<const Node *, size_t> ids;
  std::string key = print ? "print " + *print + "\n" : "eval\n";
  for (const NodePtr &arg : arguments) {
    ids[arg.get()] = ids.size();
    key += "arg " + valueText(*arg) + "\n";
  }
  for (const NodePtr &node : order) {
    ids[node.get()] = ids.size();
    key += operationText(*node) + " (";
    for (const NodePtr &operand : node->operands)
      key += std::to_string(ids.at(operand.get())) + " ";
    key += ")\n";
  }
  key += "results";
  for (const NodePtr &r : results)
    key += " " + std::to_string(ids.at(r.get()));
  return key;
}

Program dac::detail::collectProgram(const std::vector<NodePtr> &targets) {
  Program program;
  std::map<const Node *, bool> visited;
  // Post-order: operands first. Iterative, graphs can be deep (a loop that
  // rebinds a name a million times before reading it).
  std::vector<std::pair<NodePtr, size_t>> stack;
  auto visit = [&](const NodePtr &root) {
    if (visited.count(root.get()))
      return;
    visited[root.get()] = true;
    stack.push_back({root, 0});
    while (!stack.empty()) {
      auto &[node, next] = stack.back();
      if (isArgument(*node)) {
        program.arguments.push_back(node);
        stack.pop_back();
        continue;
      }
      if (next < node->operands.size()) {
        NodePtr operand = node->operands[next++];
        if (!visited.count(operand.get())) {
          visited[operand.get()] = true;
          stack.push_back({operand, 0});
        }
        continue;
      }
      program.order.push_back(node);
      stack.pop_back();
    }
  };
  for (const NodePtr &target : targets) {
    visit(target);
    if (!isArgument(*target) &&
        llvm::find(program.results, target) == program.results.end())
      program.results.push_back(target);
  }
  // Values that names hold and that an evaluation computed before are
  // kept this time (Node::evaluations).
  std::vector<const Node *> held = heldNodes();
  llvm::SmallPtrSet<const Node *, 16> heldSet(held.begin(), held.end());
  for (const NodePtr &node : program.order) {
    if (node->evaluations++ > 0 && node->isArray &&
        heldSet.contains(node.get()) &&
        llvm::find(program.results, node) == program.results.end())
      program.results.push_back(node);
  }
  return program;
}

std::string dac::detail::replicatedType(const std::vector<int64_t> &shape,
                                        DType type) {
  MLIRContext &ctx = getContext();
  SmallVector<dist::DimAttr> dims(shape.size(), dist::DimAttr::getNone(&ctx));
  auto layout = dist::LayoutAttr::get(&ctx, dims, {});
  OpBuilder b(&ctx);
  Type t = dist::ArrayType::get(shape, builder::getMLIRType(b, toBuilder(type)),
                                layout);
  std::string text;
  llvm::raw_string_ostream os(text);
  t.print(os);
  return text;
}

rt::Layout dac::detail::layoutOfType(const std::string &type, int64_t ranks) {
  auto array = cast<dist::ArrayType>(parseType(type, &getContext()));
  return rt::makeLayout(
      toLayoutSpec(array.getLayout()),
      std::vector<int64_t>(array.getShape().begin(), array.getShape().end()),
      ranks);
}

std::string dac::detail::typeOfLayout(const rt::Layout &layout, DType type) {
  MLIRContext &ctx = getContext();
  rt::LayoutSpec spec;
  for (unsigned d = 0; d < layout.rank(); ++d)
    spec.dims.push_back(layout.dim(d));
  spec.grid = layout.grid();
  OpBuilder b(&ctx);
  Type t = dist::ArrayType::get(layout.shape(),
                                builder::getMLIRType(b, toBuilder(type)),
                                fromLayoutSpec(&ctx, spec));
  std::string text;
  llvm::raw_string_ostream os(text);
  t.print(os);
  return text;
}
