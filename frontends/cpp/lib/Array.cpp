//===- Array.cpp - dac::Array: NumPy's operations as graph nodes ----------===//
//
// Every operation adds a node (described, and so checked, by the builder
// library at once) and nothing runs; reading a value evaluates the graph
// behind it. Integers and floats that are data (indices, fill values,
// operands) are run-time arguments of the compiled code, so a loop over
// them compiles once; extents, axes, slice bounds and creation bounds are
// part of the program.
//
//===----------------------------------------------------------------------===//

#include "Graph.h"

#include "dac/Runtime/Comm.h"
#include "dac/Runtime/RuntimeABI.h"

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace dac;
using namespace dac::detail;
using Op = Node::Op;

// --- The object model --------------------------------------------------------

Node::~Node() {
  std::vector<NodePtr> pending = std::move(operands);
  while (!pending.empty()) {
    NodePtr n = std::move(pending.back());
    pending.pop_back();
    if (n && n.use_count() == 1) {
      for (NodePtr &operand : n->operands)
        pending.push_back(std::move(operand));
      n->operands.clear();
    }
  }
}

NodePtr detail::makeNode(Node node) {
  auto n = std::make_shared<Node>(std::move(node));
  describe(*n);
  return n;
}

namespace {
/// Every object made, to find the values names hold (expired ones are
/// dropped when the list has doubled).
std::vector<std::weak_ptr<Object>> &objects() {
  static std::vector<std::weak_ptr<Object>> list;
  return list;
}
size_t objectsAfterCleanup = 64;

std::shared_ptr<Object> newObject() {
  auto object = std::make_shared<Object>();
  std::vector<std::weak_ptr<Object>> &list = objects();
  if (list.size() >= 2 * objectsAfterCleanup) {
    list.erase(std::remove_if(
                   list.begin(), list.end(),
                   [](const std::weak_ptr<Object> &o) { return o.expired(); }),
               list.end());
    objectsAfterCleanup = std::max<size_t>(64, list.size());
  }
  list.push_back(object);
  return object;
}
} // namespace

std::shared_ptr<Object> detail::wrap(NodePtr node) {
  std::shared_ptr<Object> object = newObject();
  object->node = std::move(node);
  return object;
}

std::vector<const Node *> detail::heldNodes() {
  std::vector<const Node *> held;
  for (const std::weak_ptr<Object> &weak : objects())
    if (std::shared_ptr<Object> object = weak.lock())
      if (object->node)
        held.push_back(object->node.get());
  return held;
}

NodePtr detail::scalarNode(DType type, bool isPython, double f, int64_t i,
                           bool constant) {
  auto n = std::make_shared<Node>();
  n->op = Op::Scalar;
  n->dtype = type;
  n->isPython = isPython;
  n->f = f;
  n->i = i;
  n->constant = constant;
  return n;
}

namespace {

/// Runs `compute`; an error it throws names the caller's file and line.
template <class F> auto located(const Where &where, F &&compute) {
  try {
    return compute();
  } catch (const Error &err) {
    throw Error(std::string(where.file) + ":" + std::to_string(where.line) +
                ": " + err.what());
  }
}

bool isFloat(DType t) { return t == DType::Float32 || t == DType::Float64; }

const std::shared_ptr<Object> &checked(const Array &a) {
  if (!a.impl())
    throw Error("this dac::Array holds no array yet");
  return a.impl();
}

NodePtr value(const Array &a) { return read(checked(a)); }

/// An index's items as graph data: integers become run-time operands.
ViewOp toViewOp(const std::vector<Index> &index,
                std::vector<NodePtr> &operands) {
  ViewOp view;
  for (const Index &item : index) {
    IndexItem i{};
    if (auto *n = std::get_if<int64_t>(&item)) {
      i.kind = IndexItem::Kind::Int;
      operands.push_back(scalarNode(DType::Int64, true, 0, *n, false));
    } else if (auto *s = std::get_if<Slice>(&item)) {
      i.kind = IndexItem::Kind::Slice;
      i.start = s->start;
      i.stop = s->stop;
      i.step = s->step;
    } else if (auto *a = std::get_if<ArrayIndex>(&item)) {
      i.kind = IndexItem::Kind::Int;
      if (!a->object)
        throw Error("this dac::Array holds no array yet");
      operands.push_back(read(a->object));
    } else if (std::holds_alternative<NewAxis>(item)) {
      i.kind = IndexItem::Kind::NewAxis;
    } else {
      i.kind = IndexItem::Kind::Ellipsis;
    }
    view.index.push_back(i);
  }
  return view;
}

Array make(Node node) { return Array(wrap(makeNode(std::move(node)))); }

Array binary(const char *op, const Array &x, const Array &y) {
  Node n{};
  n.op = Op::Binary;
  n.name = op;
  n.operands = {value(x), value(y)};
  return make(std::move(n));
}

/// A number that must be known when compiling (creation bounds): computed
/// now if it is not.
NodePtr constantOf(const Array &a) {
  NodePtr n = value(a);
  if (n->isArray)
    throw Error("expected a number, not an array");
  evaluate({n});
  return scalarNode(n->dtype, n->isPython, n->f, n->i, true);
}

Node reduction(const Array &a, const char *name,
               const std::vector<int64_t> &axes, int64_t ddof = 0) {
  Node n{};
  n.op = Op::Reduce;
  n.name = name;
  n.operands = {value(a)};
  n.ints = axes;
  n.whole = axes.empty();
  n.i = ddof;
  return n;
}

/// The element at position 0 of every dimension (for item()).
NodePtr scalarValue(const Array &a) {
  NodePtr n = value(a);
  if (n->isArray) {
    int64_t size = 1;
    for (int64_t d : n->shape)
      size *= d;
    if (size != 1)
      throw Error("can only convert an array of size 1 to a Python scalar");
    Node e{};
    e.op = Op::View;
    e.operands = {n};
    e.view =
        toViewOp(std::vector<Index>(n->shape.size(), int64_t(0)), e.operands);
    n = makeNode(std::move(e));
  }
  evaluate({n});
  return n;
}

size_t elementBytes(DType t) {
  switch (t) {
  case DType::Bool:
    return 1;
  case DType::Int32:
  case DType::Float32:
    return 4;
  default:
    return 8;
  }
}

} // namespace

NodePtr detail::read(const std::shared_ptr<Object> &object) {
  if (!object->parent || object->snapshot)
    return object->node;
  NodePtr from = read(object->parent);
  if (object->cached && object->cachedFrom == from)
    return object->cached;
  Node n{};
  n.op = Op::View;
  n.operands = {from};
  n.operands.insert(n.operands.end(), object->indexOperands.begin(),
                    object->indexOperands.end());
  n.view = object->view;
  object->cached = makeNode(std::move(n));
  object->cachedFrom = from;
  return object->cached;
}

void detail::write(const std::shared_ptr<Object> &object, const ViewOp *index,
                   const std::vector<NodePtr> &indexOperands,
                   const NodePtr &value, bool expression) {
  if (expression && object->snapshot && !index)
    return write(object->parent, &object->view, object->indexOperands, value);
  // The views from the base to `object`, outermost last.
  std::vector<const Object *> views;
  std::shared_ptr<Object> base = object;
  while (base->parent && !base->snapshot) {
    views.insert(views.begin(), base.get());
    base = base->parent;
  }
  if (!base->node->isArray)
    throw Error("a number cannot be written into; bind a new value instead");
  Node n{};
  n.op = Op::Write;
  n.operands = {base->node, value};
  for (const Object *view : views) {
    n.chain.push_back(view->view);
    n.operands.insert(n.operands.end(), view->indexOperands.begin(),
                      view->indexOperands.end());
  }
  if (index) {
    n.view = *index;
    n.operands.insert(n.operands.end(), indexOperands.begin(),
                      indexOperands.end());
  } else {
    n.view.index = {IndexItem{IndexItem::Kind::Ellipsis, {}, {}, {}}};
  }
  // An index dac computes is checked only when the write runs: run it now,
  // so that a failed write fails here and leaves the array as it was.
  bool computedIndex = false;
  for (size_t i = 2; i < n.operands.size(); ++i)
    computedIndex |= !n.operands[i]->computed();
  NodePtr written = makeNode(std::move(n));
  if (computedIndex)
    evaluate({written});
  base->node = written;
}

// --- dac::Array
// ---------------------------------------------------------------

Array Array::fromBool(bool v) {
  return Array(wrap(scalarNode(DType::Bool, true, 0, v, true)));
}
Array Array::fromInt(int64_t v) {
  return Array(wrap(scalarNode(DType::Int64, true, 0, v, false)));
}
Array Array::fromFloat(double v) {
  return Array(wrap(scalarNode(DType::Float64, true, v, 0, false)));
}

std::vector<int64_t> Array::shape() const { return value(*this)->shape; }
int64_t Array::ndim() const { return value(*this)->shape.size(); }
int64_t Array::size() const {
  int64_t n = 1;
  for (int64_t d : shape())
    n *= d;
  return n;
}
DType Array::dtype() const { return value(*this)->dtype; }

Array Array::subscript(const std::vector<Index> &index) const {
  const std::shared_ptr<Object> &self = checked(*this);
  std::shared_ptr<Object> view = newObject();
  view->parent = self;
  view->view = toViewOp(index, view->indexOperands);
  NodePtr n = read(view);
  // An element is a NumPy scalar and an integer array index makes a copy
  // (both remember where they came from for `a(i) = x`); anything else is
  // a view.
  bool copies = !n->isArray;
  for (const NodePtr &operand : view->indexOperands)
    copies |= operand->isArray;
  if (copies) {
    view->snapshot = true;
    view->node = n;
  }
  return Array(view);
}

void Array::set(const std::vector<Index> &index, const Array &v) {
  std::vector<NodePtr> operands;
  ViewOp view = toViewOp(index, operands);
  write(checked(*this), &view, operands, value(v));
}

const Array &Array::operator=(const Array &v) && {
  write(checked(*this), nullptr, {}, value(v), /*expression=*/true);
  return *this;
}

namespace {
/// NumPy's `a op= x`: computed, cast back with same_kind, written in place;
/// the expression `a(i, j)` itself (`expression`) writes the element.
/// Returns false for a number that a name holds: Python rebinds the name
/// (numbers are immutable), the caller does.
bool inPlace(const std::shared_ptr<Object> &self, const char *op,
             const Array &x, bool expression) {
  NodePtr current = read(self);
  if (!current->isArray && !(expression && self->snapshot))
    return false;
  Node cast{};
  cast.op = Op::CastInPlace;
  cast.dtype = current->dtype;
  cast.operands = {value(binary(op, Array(wrap(current)), x))};
  write(self, nullptr, {}, makeNode(std::move(cast)), expression);
  return true;
}
} // namespace

#define DAC_IN_PLACE(symbol, op)                                               \
  Array &Array::operator symbol(const Array &x) & {                            \
    if (!inPlace(checked(*this), op, x, false))                                \
      *this = binary(op, *this, x);                                            \
    return *this;                                                              \
  }                                                                            \
  const Array &Array::operator symbol(const Array &x) && {                     \
    if (!inPlace(checked(*this), op, x, true))                                 \
      throw Error("a number cannot be written into; bind a new value "         \
                  "instead");                                                  \
    return *this;                                                              \
  }
DAC_IN_PLACE(+=, "+")
DAC_IN_PLACE(-=, "-")
DAC_IN_PLACE(*=, "*")
DAC_IN_PLACE(/=, "/")
#undef DAC_IN_PLACE

Array Array::copy() const { return Array(wrap(value(*this))); }

Array Array::astype(DType type) const {
  Node n{};
  n.op = Op::Cast;
  n.dtype = type;
  n.operands = {value(*this)};
  return make(std::move(n));
}

Array Array::transpose(const std::vector<int64_t> &axes) const {
  const std::shared_ptr<Object> &self = checked(*this);
  std::shared_ptr<Object> view = newObject();
  view->parent = self;
  view->view.transpose = true;
  view->view.axes = axes;
  if (axes.empty())
    for (int64_t d = ndim() - 1; d >= 0; --d)
      view->view.axes.push_back(d);
  read(view);
  return Array(view);
}
Array Array::T() const { return transpose(); }

Array Array::reshape(const std::vector<int64_t> &shape) const {
  Node n{};
  n.op = Op::Reshape;
  n.ints = shape;
  n.operands = {value(*this)};
  return make(std::move(n));
}

Array Array::flatten() const { return reshape({-1}); }

Array Array::sum(const std::vector<int64_t> &axes) const {
  return make(reduction(*this, "sum", axes));
}
Array Array::prod(const std::vector<int64_t> &axes) const {
  return make(reduction(*this, "prod", axes));
}
Array Array::mean(const std::vector<int64_t> &axes) const {
  return make(reduction(*this, "mean", axes));
}
Array Array::min(const std::vector<int64_t> &axes) const {
  return make(reduction(*this, "min", axes));
}
Array Array::max(const std::vector<int64_t> &axes) const {
  return make(reduction(*this, "max", axes));
}
Array Array::any(const std::vector<int64_t> &axes) const {
  return make(reduction(*this, "any", axes));
}
Array Array::all(const std::vector<int64_t> &axes) const {
  return make(reduction(*this, "all", axes));
}
Array Array::var(const std::vector<int64_t> &axes, int64_t ddof) const {
  return make(reduction(*this, "var", axes, ddof));
}
Array Array::std(const std::vector<int64_t> &axes, int64_t ddof) const {
  return make(reduction(*this, "std", axes, ddof));
}
Array Array::argmax() const {
  Node n{};
  n.op = Op::ArgExtreme;
  n.name = "argmax";
  n.operands = {value(*this)};
  return make(std::move(n));
}
Array Array::argmin() const {
  Node n{};
  n.op = Op::ArgExtreme;
  n.name = "argmin";
  n.operands = {value(*this)};
  return make(std::move(n));
}

const Array &Array::eval(Where where) const {
  located(where, [&] { evaluate({value(*this)}); });
  return *this;
}

bool Array::itemBool(Where where) const {
  NodePtr n = located(where, [&] { return scalarValue(*this); });
  return isFloat(n->dtype) ? n->f != 0 : n->i != 0;
}

int64_t Array::itemInt(Where where) const {
  NodePtr n = located(where, [&] { return scalarValue(*this); });
  if (!isFloat(n->dtype))
    return n->i;
  double f = n->f;
  if (std::trunc(f) != f || !(f >= -0x1p63 && f < 0x1p63))
    throw Error("item(): " + std::to_string(f) +
                " is not an integer an int64 can hold exactly");
  return static_cast<int64_t>(f);
}

double Array::itemFloat(Where where) const {
  NodePtr n = located(where, [&] { return scalarValue(*this); });
  if (isFloat(n->dtype))
    return n->f;
  double f = static_cast<double>(n->i);
  if (f >= 0x1p63 || static_cast<int64_t>(f) != n->i)
    throw Error("item(): " + std::to_string(n->i) +
                " has no exact double; read it as an integer");
  return f;
}

std::vector<char> Array::gather(bool everywhere, DType &type,
                                Where where) const {
  NodePtr n = value(*this);
  type = n->dtype;
  size_t bytes = elementBytes(type);
  if (!n->isArray) {
    NodePtr v = located(where, [&] { return scalarValue(*this); });
    std::vector<char> one(bytes);
    if (type == DType::Bool)
      one[0] = v->i != 0;
    else if (type == DType::Int32) {
      int32_t x = static_cast<int32_t>(v->i);
      std::memcpy(one.data(), &x, 4);
    } else if (type == DType::Int64)
      std::memcpy(one.data(), &v->i, 8);
    else if (type == DType::Float32) {
      float x = static_cast<float>(v->f);
      std::memcpy(one.data(), &x, 4);
    } else
      std::memcpy(one.data(), &v->f, 8);
    return one;
  }
  // Every rank gets the whole array (the runtime's redistribution), and
  // reads it in C order.
  Node whole{};
  whole.op = Op::Redistribute;
  whole.operands = {n};
  whole.layout.dist.assign(n->shape.size(), "n");
  NodePtr all = makeNode(std::move(whole));
  located(where, [&] { evaluate({all}); });
  int rank = 0;
  MPI_Comm_rank(rt::communicator(), &rank);
  if (!everywhere && rank != 0)
    return {};
  const Buffer &b = *all->buffer;
  std::vector<int64_t> position(b.sizes.size(), 0);
  int64_t count = 1;
  for (int64_t d : b.sizes)
    count *= d;
  std::vector<char> result(count * bytes);
  for (int64_t k = 0; k < count; ++k) {
    int64_t offset = b.offset;
    for (size_t d = 0; d < position.size(); ++d)
      offset += position[d] * b.strides[d];
    std::memcpy(&result[k * bytes],
                static_cast<const char *>(b.aligned) + offset * bytes, bytes);
    for (size_t d = position.size(); d-- > 0;)
      if (++position[d] < b.sizes[d])
        break;
      else
        position[d] = 0;
  }
  return result;
}

void *Array::localData(DType type, Where where) const {
  const std::shared_ptr<Object> &self = checked(*this);
  if (self->parent && !self->snapshot)
    throw Error("local_view() of a view: take it of the base array (or of "
                "a copy)");
  located(where, [&] { evaluate({self->node}); });
  NodePtr &n = self->node;
  if (!n->isArray)
    throw Error("local_view() of a number");
  if (n->dtype != type)
    throw Error(std::string("local_view<T>() of a ") + dtype_name(n->dtype) +
                " array needs T of that dtype, not " + dtype_name(type));
  // Writes through the view change this array alone: a value other names
  // share is copied first.
  if (n.use_count() > 1 || n->buffer.use_count() > 1) {
    const Buffer &from = *n->buffer;
    auto copy = std::make_shared<Buffer>(from);
    int64_t count = 1;
    for (int64_t d : from.sizes)
      count *= d;
    size_t bytes = std::max<int64_t>(count, 1) * elementBytes(type);
    copy->allocated = _mlir_memref_to_llvm_alloc(bytes);
    copy->aligned = copy->allocated;
    copy->offset = 0;
    std::memcpy(copy->aligned,
                static_cast<char *>(from.aligned) +
                    from.offset * elementBytes(type),
                count * elementBytes(type));
    auto node = std::make_shared<Node>(*n);
    node->buffer = copy;
    n = node;
  }
  const Buffer &b = *n->buffer;
  return static_cast<char *>(b.aligned) + b.offset * elementBytes(type);
}

std::vector<int64_t> Array::localShape() const {
  const std::shared_ptr<Object> &self = checked(*this);
  evaluate({self->node});
  return self->node->buffer ? self->node->buffer->sizes
                            : std::vector<int64_t>{};
}

// --- Operators and functions -------------------------------------------------

#define DAC_OPERATOR(symbol, op)                                               \
  Array dac::operator symbol(const Array &x, const Array &y) {                 \
    return binary(op, x, y);                                                   \
  }
DAC_OPERATOR(+, "+")
DAC_OPERATOR(-, "-")
DAC_OPERATOR(*, "*")
DAC_OPERATOR(/, "/")
DAC_OPERATOR(%, "%")
DAC_OPERATOR(<, "<")
DAC_OPERATOR(<=, "<=")
DAC_OPERATOR(>, ">")
DAC_OPERATOR(>=, ">=")
DAC_OPERATOR(==, "==")
DAC_OPERATOR(!=, "!=")
DAC_OPERATOR(&, "&")
DAC_OPERATOR(|, "|")
DAC_OPERATOR(^, "^")
DAC_OPERATOR(<<, "<<")
DAC_OPERATOR(>>, ">>")
#undef DAC_OPERATOR

Array dac::floor_divide(const Array &x, const Array &y) {
  return binary("//", x, y);
}
Array dac::power(const Array &x, const Array &y) { return binary("**", x, y); }

namespace {
Array unary(const char *op, const Array &x) {
  Node n{};
  n.op = Op::Unary;
  n.name = op;
  n.operands = {value(x)};
  return make(std::move(n));
}
} // namespace

Array dac::operator-(const Array &x) { return unary("-", x); }
Array dac::operator+(const Array &x) { return unary("+", x); }
Array dac::operator~(const Array &x) { return unary("~", x); }

Array dac::ufunc(const std::string &name, const std::vector<Array> &args) {
  Node n{};
  n.op = Op::Ufunc;
  n.name = name;
  for (const Array &a : args)
    n.operands.push_back(value(a));
  return make(std::move(n));
}

Array dac::where(const Array &cond, const Array &x, const Array &y) {
  Node n{};
  n.op = Op::Where;
  n.operands = {value(cond), value(x), value(y)};
  return make(std::move(n));
}

namespace {
Array product(Op op, const char *name, const Array &x, const Array &y) {
  Node n{};
  n.op = op;
  n.name = name;
  n.operands = {value(x), value(y)};
  return make(std::move(n));
}
} // namespace

Array dac::matmul(const Array &x, const Array &y) {
  return product(Op::Matmul, "matmul", x, y);
}
Array dac::dot(const Array &x, const Array &y) {
  return product(Op::Matmul, "dot", x, y);
}
Array dac::outer(const Array &x, const Array &y) {
  return product(Op::Outer, "outer", x, y);
}

Array dac::full(const std::vector<int64_t> &shape, const Array &fill,
                std::optional<DType> type, const Layout &layout) {
  Node n{};
  n.op = Op::Full;
  n.ints = shape;
  n.operands = {value(fill)};
  // NumPy: the fill value's own dtype unless one is given.
  n.dtype = type ? *type : n.operands[0]->dtype;
  n.layout = layout;
  return make(std::move(n));
}

Array dac::zeros(const std::vector<int64_t> &shape, DType type,
                 const Layout &layout) {
  return full(shape, 0, type, layout);
}

Array dac::ones(const std::vector<int64_t> &shape, DType type,
                const Layout &layout) {
  return full(shape, 1, type, layout);
}

Array dac::arange(const Array &stop) { return arange(0, stop, 1); }

Array dac::arange(const Array &start, const Array &stop, const Array &step,
                  std::optional<DType> type, const Layout &layout) {
  Node n{};
  n.op = Op::Arange;
  n.operands = {constantOf(start), constantOf(stop), constantOf(step)};
  n.typed = type.has_value();
  n.dtype = type.value_or(DType::Float64);
  n.layout = layout;
  return make(std::move(n));
}

Array dac::linspace(const Array &start, const Array &stop, int64_t num,
                    bool endpoint, std::optional<DType> type,
                    const Layout &layout) {
  Node n{};
  n.op = Op::Linspace;
  n.operands = {value(start), value(stop)};
  n.ints = {num, endpoint};
  n.typed = type.has_value();
  n.dtype = type.value_or(DType::Float64);
  n.layout = layout;
  return make(std::move(n));
}

Array dac::from_vector(const std::vector<double> &values,
                       const std::vector<int64_t> &shape, bool everywhere,
                       const Layout &layout) {
  if (shape.empty())
    throw Error("from_vector() needs at least one dimension");
  int64_t count = 1;
  for (int64_t d : shape) {
    if (d < 0)
      throw Error("negative dimensions are not allowed");
    count *= d;
  }
  int rank = 0;
  MPI_Comm_rank(rt::communicator(), &rank);
  // Every rank agrees on the outcome (a wrong length on one rank alone is
  // an error on all of them, not a hang).
  int64_t given = values.size();
  if (!everywhere)
    MPI_Bcast(&given, 1, MPI_INT64_T, 0, rt::communicator());
  int64_t wrong = given != count, anyWrong = 0;
  MPI_Allreduce(&wrong, &anyWrong, 1, MPI_INT64_T, MPI_MAX, rt::communicator());
  if (anyWrong)
    throw Error("from_vector(): the values do not fill the shape given on "
                "every rank (" +
                std::to_string(given) + " values here, " +
                std::to_string(count) + " needed)");
  // Every rank holds the whole array; the layout asked for is a
  // redistribution of it (each rank keeps its part).
  auto buffer = std::make_shared<Buffer>();
  buffer->allocated =
      _mlir_memref_to_llvm_alloc(std::max<int64_t>(count, 1) * sizeof(double));
  buffer->aligned = buffer->allocated;
  double *data = static_cast<double *>(buffer->aligned);
  if (everywhere || rank == 0)
    std::copy(values.begin(), values.end(), data);
  if (!everywhere)
    MPI_Bcast(data, static_cast<int>(count), MPI_DOUBLE, 0, rt::communicator());
  buffer->sizes = shape;
  buffer->strides.assign(shape.size(), 1);
  for (size_t d = shape.size() - 1; d > 0; --d)
    buffer->strides[d - 1] = buffer->strides[d] * shape[d];
  buffer->type = replicatedType(shape, DType::Float64);
  auto n = std::make_shared<Node>();
  n->op = Op::Input;
  n->isArray = true;
  n->shape = shape;
  n->buffer = buffer;
  Array whole(wrap(n));
  return redistribute(whole, layout);
}

Array dac::redistribute(const Array &array, const Layout &layout) {
  Node n{};
  n.op = Op::Redistribute;
  n.operands = {value(array)};
  n.layout = layout;
  return make(std::move(n));
}

// --- Random streams
// -----------------------------------------------------------

random::Generator random::default_rng(int64_t seed) {
  if (seed < 0)
    throw Error("SeedSequence expects non-negative integer entropy");
  auto state = std::make_shared<detail::Generator>();
  state->seed = seed;
  return Generator(state);
}

namespace {
Array draw(detail::Generator &state, const char *kind,
           const std::vector<int64_t> &shape, bool scalar, const Layout &layout,
           std::vector<NodePtr> bounds = {}) {
  Node n{};
  n.op = Op::Random;
  n.name = kind;
  n.ints = shape;
  n.whole = scalar;
  n.layout = layout;
  n.operands = {scalarNode(DType::Int64, true, 0, state.seed, false),
                scalarNode(DType::Int64, true, 0, state.offset, false)};
  n.operands.insert(n.operands.end(), bounds.begin(), bounds.end());
  Array result = make(std::move(n));
  int64_t count = 1;
  for (int64_t d : shape)
    count *= d;
  state.offset += count;
  return result;
}
} // namespace

Array random::Generator::random() {
  return draw(*state, "random", {}, true, {});
}

Array random::Generator::random(const std::vector<int64_t> &shape,
                                const Layout &layout) {
  return draw(*state, "random", shape, false, layout);
}

Array random::Generator::uniform(double low, double high,
                                 const std::vector<int64_t> &shape,
                                 const Layout &layout) {
  return draw(*state, "uniform", shape, false, layout,
              {scalarNode(DType::Float64, true, low, 0, false),
               scalarNode(DType::Float64, true, high, 0, false)});
}

// --- The Distributed Array Protocol ----------------------------------------

namespace {
bool hasGhostCells(const rt::Layout &layout) {
  for (unsigned d = 0; d < layout.rank(); ++d)
    if (layout.dim(d).haloLo || layout.dim(d).haloHi)
      return true;
  return false;
}
} // namespace

Chunk Array::export_chunk(Where where) const {
  Chunk chunk;
  chunk.dtype = dtype();
  chunk.data = localData(chunk.dtype, where);
  const Buffer &buffer = *impl()->node->buffer;
  int rank = 0, ranks = 1;
  MPI_Comm_rank(rt::communicator(), &rank);
  MPI_Comm_size(rt::communicator(), &ranks);
  rt::Layout layout = layoutOfType(buffer.type, ranks);
  if (hasGhostCells(layout))
    throw Error("export_chunk() of a layout with ghost cells (a halo) is "
                "not supported yet: dac keeps ghost cells apart from the "
                "chunk");
  chunk.descriptor = rt::dap::exportLayout(layout, rank);
  if (chunk.descriptor.bufferShape != buffer.sizes)
    throw Error("internal error: the chunk's extents differ from its "
                "layout's");
  return chunk;
}

Array dac::import_chunk(const Chunk &chunk) {
  rt::Layout layout = [&] {
    try {
      return rt::dap::importLayout(chunk.descriptor, rt::communicator());
    } catch (const rt::LayoutError &err) {
      throw Error(std::string("import_chunk(): ") + err.what());
    }
  }();
  int rank = 0;
  MPI_Comm_rank(rt::communicator(), &rank);
  if (hasGhostCells(layout))
    throw Error("import_chunk() of chunks with communication padding (ghost "
                "cells) is not supported yet");
  if (layout.localShape(rank) != chunk.descriptor.bufferShape)
    throw Error("import_chunk(): the buffer shape is not the rank's part of "
                "the layout");
  auto buffer = std::make_shared<Buffer>();
  buffer->owned = false;
  buffer->allocated = buffer->aligned = chunk.data;
  buffer->sizes = chunk.descriptor.bufferShape;
  buffer->strides.assign(buffer->sizes.size(), 1);
  for (size_t d = buffer->sizes.size(); d-- > 1;)
    buffer->strides[d - 1] = buffer->strides[d] * buffer->sizes[d];
  buffer->type = typeOfLayout(layout, chunk.dtype);
  auto n = std::make_shared<Node>();
  n->op = Op::Input;
  n->isArray = true;
  n->dtype = chunk.dtype;
  n->shape = layout.shape();
  n->buffer = buffer;
  return Array(wrap(n));
}
