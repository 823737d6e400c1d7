//===- Values.h - Python and NumPy values as dist IR is built ---*- C++ -*-===//
//
// The frontends (scripts, the C++ API) build dist IR through the Emitter:
// every Python value is a `PyValue` that is either known when building
// (strings, tuples, modules, functions) or stands for SSA values in the IR
// being built (scalars, arrays, random generators).
//
//===----------------------------------------------------------------------===//

#ifndef DAC_BUILDER_VALUES_H
#define DAC_BUILDER_VALUES_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/Value.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace dac {
namespace script {
class FunctionDefStmt;
class LambdaExpr;
struct Scope;
} // namespace script

namespace builder {

using script::FunctionDefStmt;
using script::LambdaExpr;
using script::Scope;

/// The element types of arrays and scalars (NumPy dtypes).
enum class DType { Bool, Int32, Int64, Float32, Float64 };

/// NumPy's name of a dtype ("float64", ...).
const char *getDTypeName(DType type);
/// The dtype for a NumPy name or alias ("f8", "float", "int32", ...).
std::optional<DType> parseDTypeName(llvm::StringRef name);
mlir::Type getMLIRType(mlir::Builder &b, DType type);
bool isFloat(DType type);
bool isInteger(DType type); // excludes Bool
/// np.result_type of two array dtypes.
DType promoteTypes(DType a, DType b);

struct PyValue;
using ValueRef = std::shared_ptr<PyValue>;

/// A random generator object (np.random.default_rng(seed)). It is mutable:
/// every draw advances its position, so all names bound to it share this
/// state.
struct GeneratorState {
  mlir::Value rng; // !dist.rng (dist.legacy_rng for `legacy`)
  /// The position as NumPy's bit generator keeps it, i64 values that
  /// loops, branches and calls carry: the draws taken; the word the stream
  /// keeps between requests, or -1 (default_rng: the upper half of a draw
  /// split for 32-bit requests; legacy: the bits of the polar method's
  /// second normal); and, for legacy streams, the seed.
  std::array<mlir::Value, 3> position;
  mlir::Value &offset() { return position[0]; }
  mlir::Value &pending() { return position[1]; }
  mlir::Value &seed() { return position[2]; }
  /// np.random's global RandomState (MT19937) rather than a default_rng
  /// Generator (PCG64).
  bool legacy = false;
};

/// Where a NumPy view's elements live in its base array: per base
/// dimension, index = starts[d] + steps[d] * k[dims[d]] for view position
/// k (dims[d] = -1: the fixed index starts[d]); view dimensions no base
/// dimension names are new axes of extent 1.
struct ViewInfo {
  ValueRef base;
  std::vector<mlir::Value> starts;
  std::vector<int64_t> steps, dims;
};

struct PyValue {
  enum class Kind {
    None,
    Scalar,    // value: i1/i32/i64/f32/f64; dtype; isPython
    Array,     // value: !dist.array; dtype; shape
    String,    // text
    Tuple,     // items
    List,      // items
    Dict,      // items (keys, values alternating)
    Module,    // name: "numpy", "numpy.random", "math", "time", "dac", ...
    Function,  // function: a user `def`
    Builtin,   // name: qualified name of a library function
    Method,    // name + receiver (items[0])
    DTypeObj,  // dtype: a NumPy scalar type (np.float64) used as a value
    Generator, // generator
    Query,     // name ("localshapes", "grid") of items[0], an array: what
               // dac.localshapes / dac.grid_shape return, known at run time
    Range,     // range(start, stop, step): items, Python ints (run-time
               // values allowed); a `for` over it is a compiled loop
    Unbound,   // a name assigned only inside a compiled loop; name: why it
               // has no value after the loop
    Slice,     // start:stop:step in a subscript: items (None when omitted)
    Ellipsis,  // ... in a subscript
  };

  Kind kind = Kind::None;
  mlir::Value value;
  DType dtype = DType::Float64;
  /// Python scalars (int, float, bool) are "weak" in NumPy's promotion:
  /// float32_array * 2.0 stays float32. NumPy scalars (np.float64(2)) and
  /// reduction results are not.
  bool isPython = true;
  /// Array extents, as `index` values (constants where known).
  std::vector<mlir::Value> shape;
  std::string name;
  std::vector<ValueRef> items;
  const FunctionDefStmt *function = nullptr;
  /// For a lambda (a Function without `function`): its expression.
  const LambdaExpr *lambda = nullptr;
  /// For a function: the scope it was defined in (closures).
  std::shared_ptr<Scope> scope;
  std::shared_ptr<GeneratorState> generator;
  /// An array that is a view of another (a slice, `.T`, ...): `value`
  /// holds its elements as of the last write to the base.
  std::shared_ptr<ViewInfo> view;
  /// An array that views were taken of: those still alive, refreshed when
  /// it is written.
  std::vector<std::weak_ptr<PyValue>> views;
  /// Non-empty for an array bound after a loop or branch to a name that,
  /// in NumPy, may share its memory with another name depending on the
  /// run-time path: writing it in place is refused with this message.
  std::string aliasWarning;
  /// `a.reshape(...)` is a view of `a` in NumPy, a new array here: while
  /// both are alive, writing either in place is refused (reshapeOf: the
  /// array a reshape was taken of; reshapes: those taken of this one).
  std::weak_ptr<PyValue> reshapeOf;
  std::vector<std::weak_ptr<PyValue>> reshapes;

  static ValueRef none();
  static ValueRef scalar(mlir::Value v, DType type, bool isPython);
  static ValueRef array(mlir::Value v, DType type,
                        std::vector<mlir::Value> shape);
  static ValueRef string(std::string text);
  static ValueRef tuple(std::vector<ValueRef> items);
  static ValueRef module(std::string name);
  static ValueRef builtin(std::string name);
  static ValueRef method(ValueRef receiver, std::string name);
  static ValueRef dtypeObject(DType type);
  static ValueRef range(ValueRef start, ValueRef stop, ValueRef step);
  /// A copy of this value's description (kind, dtype, shape, ...) holding
  /// `v` instead: a number or array rebound to a new SSA value.
  ValueRef withValue(mlir::Value v) const;

  bool is(Kind k) const { return kind == k; }
  /// A short description for error messages ("array of float64", "str").
  std::string describe() const;
};

} // namespace builder
} // namespace dac

#endif // DAC_BUILDER_VALUES_H
