//===- Graph.h - The lazy graph behind dac::Array ---------------*- C++ -*-===//
//
// Private to the C++ API. Values are immutable nodes of a graph (an
// operation on other nodes, or data that exists: a rank's chunk of an
// array computed before, a number); Python's mutable objects are `Object`s
// that name a node and are rebound to a new node when written in place.
// A view names its parent object and how it looks at it, so writing
// through it rebinds the base and every other view sees the write.
//
// Everything here is plain C++: the MLIR side (Emit.cpp, Jit.cpp) turns a
// graph into dist IR with the builder library when it needs to.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_CPP_LIB_GRAPH_H
#define DAC_CPP_LIB_GRAPH_H

#include "dac/dac.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dac::detail {

struct Node;
using NodePtr = std::shared_ptr<Node>;

/// A rank's chunk of a computed array, as the compiled code returned it
/// (a memref descriptor); freed with the runtime's allocator.
struct Buffer {
  void *allocated = nullptr, *aligned = nullptr;
  int64_t offset = 0;
  std::vector<int64_t> sizes, strides;
  /// The array's dist type with its layout, as compiled code takes it.
  std::string type;
  /// False for memory another library handed over (import_chunk).
  bool owned = true;
  ~Buffer();
};

/// One item of an index, as it enters the graph (integers are operands).
struct IndexItem {
  enum class Kind { Int, Slice, NewAxis, Ellipsis } kind;
  std::optional<int64_t> start, stop, step;
};

/// How a view looks at its parent: an index, or a permutation of the
/// dimensions (`.T`).
struct ViewOp {
  bool transpose = false;
  std::vector<IndexItem> index;
  std::vector<int64_t> axes;
};

struct Node {
  enum class Op {
    Input,        // buffer: an array computed before
    Scalar,       // a number: a run-time argument, or part of the graph
                  // when `constant` (extents, exponents, creation bounds)
    Binary,       // name: a Python operator ("+", "//", ...)
    Unary,        // name: "-", "+", "~"
    Ufunc,        // name: NumPy's
    Where,        // cond, x, y
    Reduce,       // name, ints: axes (all when `whole`), ddof
    ArgExtreme,   // name: "argmax"/"argmin"
    Cast,         // dtype
    CastInPlace,  // dtype (same_kind, for `a += b`)
    View,         // view
    Write,        // operands: base, value, integer indices; chain: the views
                  // from the base to the written one; view: the index
                  // written (whole when empty and not `indexed`)
    Matmul,       // name: "matmul"/"dot"
    Outer,        //
    Full,         // ints: shape; dtype; layout; operands: the value
    Arange,       // operands: start, stop, step; dtype (if `typed`); layout
    Linspace,     // operands: start, stop; ints: num, endpoint; dtype
    Random,       // operands: seed, offset (+ low, high for "uniform");
                  // ints: shape; layout; name: "random"/"uniform"
    Redistribute, // layout
    Reshape       // ints: the extents asked for (one may be -1)
  };
  Op op;
  std::string name;
  std::vector<NodePtr> operands;
  std::vector<int64_t> ints;
  bool whole = false, typed = false, indexed = false, constant = false;
  DType dtype = DType::Float64;
  Layout layout;
  ViewOp view;
  std::vector<ViewOp> chain;

  // What the node computes (found when it is created).
  bool isArray = false;
  /// A Python number (weak in NumPy's promotion).
  bool isPython = false;
  std::vector<int64_t> shape;

  /// How many evaluations computed this node without keeping it: a value
  /// a name holds is kept the second time (kept at once, a value used
  /// once, such as random draws summed at once, would be stored for
  /// nothing; never kept, it would be computed again at every use).
  int evaluations = 0;

  // The value, once computed (then `operands` are dropped).
  std::shared_ptr<Buffer> buffer;
  double f = 0;
  int64_t i = 0;

  bool computed() const { return op == Op::Input || op == Op::Scalar; }

  Node() = default;
  Node(const Node &) = default;
  Node(Node &&) = default;
  Node &operator=(Node &&) = default;
  /// Frees deep graphs (a loop that never evaluates) without recursion.
  ~Node();
};

/// A Python object: an array or a number a name is bound to.
struct Object {
  NodePtr node;
  /// Views: the object viewed and how.
  std::shared_ptr<Object> parent;
  ViewOp view;
  /// The integers of the view's index (run-time numbers).
  std::vector<NodePtr> indexOperands;
  /// A copy that NumPy's indexing makes (an element `a(i, j)`, or
  /// `a(indices)` with an integer array): `node`, read when it was taken,
  /// and the base of writes through its views; `parent` and `view` say
  /// where assigning to the expression `a(i, j)` itself writes.
  bool snapshot = false;
  /// The view's value for the parent's value `from` (rebuilt when the
  /// parent changes).
  NodePtr cached, cachedFrom;
};

struct Generator {
  int64_t seed = 0;
  /// The next draw's position in the stream.
  int64_t offset = 0;
};

/// The node an object's value is now.
NodePtr read(const std::shared_ptr<Object> &object);
/// Writes `value` (cast and broadcast as NumPy) into `object[index]`
/// (the whole object when `index` is null), rebinding its base.
/// `expression`: the write is to the expression that made `object` (a
/// snapshot writes into where it came from, as `a(i) = x`).
void write(const std::shared_ptr<Object> &object, const ViewOp *index,
           const std::vector<NodePtr> &indexOperands, const NodePtr &value,
           bool expression = false);
/// Whether a Session is active (evaluations need one).
bool sessionActive();

/// The nodes that live objects hold now (their values).
std::vector<const Node *> heldNodes();

/// A new node of `op`, checked and described by the builder library (its
/// dtype, shape): NumPy's errors are thrown here, as dac::Error.
NodePtr makeNode(Node node);
std::shared_ptr<Object> wrap(NodePtr node);
NodePtr scalarNode(DType type, bool isPython, double f, int64_t i,
                   bool constant);

/// Fills in what `node` computes (dtype, shape, ...) by building it on
/// placeholders of its operands: the builder library's checks run here.
void describe(Node &node);

/// Computes `nodes` (and every node they need); afterwards each is
/// `computed()`.
void evaluate(const std::vector<NodePtr> &nodes);
/// Prints `format` on rank 0 with `{array}` replaced by `arrays` (NumPy's
/// text, formatted by the runtime); the values must be computed already.
void printArrays(const std::string &format, const std::vector<NodePtr> &arrays);

/// The dist type of an array of `shape` held whole by every rank.
std::string replicatedType(const std::vector<int64_t> &shape, DType type);
/// The runtime's layout of an array of dist type `type`, and the dist type
/// of an array of `type` under a runtime layout.
rt::Layout layoutOfType(const std::string &type, int64_t ranks);
std::string typeOfLayout(const rt::Layout &layout, DType type);

/// The JIT's options (set by the Session) and counters.
JitOptions &jitOptions();
JitStats jitStats();

} // namespace dac::detail

#endif // DAC_CPP_LIB_GRAPH_H
