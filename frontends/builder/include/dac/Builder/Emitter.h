//===- Emitter.h - NumPy semantics as dist IR -------------------*- C++ -*-===//
//
// Builds the dist IR for Python and NumPy operations: scalar arithmetic with
// Python's rules, ufuncs with NumPy's type promotion over arrays (as
// dist.map), reductions, array creation and random draws. Errors are thrown
// as `CompileError` and turned into diagnostics by the caller, which knows
// the source range.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_BUILDER_EMITTER_H
#define DAC_BUILDER_EMITTER_H

#include "dac/Builder/Values.h"

#include "dac/Dialect/Dist/IR/DistOps.h"
#include "mlir/IR/BuiltinOps.h"

#include <functional>
#include <stdexcept>

namespace dac {
namespace builder {

/// A user error found while lowering; the caller attaches the location.
struct CompileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] void compileError(const llvm::Twine &message);

/// Computes one result element from operand elements (all converted to the
/// computation type).
using ElementFn = std::function<mlir::Value(mlir::OpBuilder &, mlir::Location,
                                            llvm::ArrayRef<mlir::Value>)>;

/// The error for a Python int whose exact value leaves int64.
inline constexpr const char *kIntOverflow =
    "OverflowError: the exact result does not fit in 64 bits (dac's Python "
    "ints are int64)";

class Emitter {
public:
  Emitter(mlir::OpBuilder &b, mlir::ModuleOp module)
      : b(b), module(module), loc(b.getUnknownLoc()) {}

  mlir::OpBuilder &b;
  mlir::ModuleOp module;
  /// The location given to every op created; the visitor sets it to the
  /// expression being lowered.
  mlir::Location loc;
  /// > 0 while lowering both sides of a conditional expression on a
  /// run-time value (both are computed, one is selected): state that lives
  /// across statements (random streams, arrays updated in place) cannot
  /// change there.
  unsigned runtimeBranchDepth = 0;
  void checkNotInRuntimeBranch(llvm::StringRef what);
  /// > 0 inside compiled loops and branches on run-time values: values
  /// known when compiling (lists) cannot change there.
  unsigned dynamicControlDepth = 0;

  // Constants.
  ValueRef intConst(int64_t v);
  /// An `index` value as a Python int.
  ValueRef intValue(mlir::Value index);
  /// The slice `start:stop:step` (null parts omitted, as `::` omits them).
  static ValueRef slice(ValueRef start, ValueRef stop, ValueRef step = {});
  /// The subscript of a rank-`rank` array that takes `item` (a slice or an
  /// integer) along `axis` and whole dimensions elsewhere.
  static ValueRef along(size_t rank, size_t axis, ValueRef item);
  ValueRef floatConst(double v);
  ValueRef boolConst(bool v);
  mlir::Value index(int64_t v);
  /// The value of a compile-time constant scalar, if it is one.
  static std::optional<int64_t> getConstInt(const ValueRef &v);
  static std::optional<double> getConstFloat(const ValueRef &v);

  /// Folds `v` to a constant when everything it is computed from is
  /// constant (recursively), so that compile-time facts such as shapes,
  /// exponents and `if` conditions are visible while lowering.
  mlir::Value fold(mlir::Value v);

private:
  mlir::Value fold(mlir::Value v, unsigned depth);

public:
  // Conversions.
  mlir::Value convert(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v,
                      DType from, DType to);
  ValueRef castScalar(const ValueRef &v, DType to, bool isPython);
  ValueRef castArray(const ValueRef &array, DType to);
  /// An in-place result (`a += x`) cast back to the array's dtype under
  /// NumPy's 'same_kind' rule (a float result into an int array is an
  /// error).
  ValueRef castInPlace(const ValueRef &result, DType to);
  /// Truth value of a scalar (Python's bool()).
  mlir::Value truth(const ValueRef &scalar);
  /// An i64 from a Python int-like scalar (for sizes and seeds).
  mlir::Value toI64(const ValueRef &scalar, llvm::StringRef what);

  // Element-wise application (the engine behind every ufunc).
  /// The dtype NumPy 1.24 computes in for these operands (value-based
  /// casting of scalars next to arrays).
  DType commonType(llvm::ArrayRef<ValueRef> operands);
  /// The dtype a scalar next to arrays of dtype `arrays` (of its kind or a
  /// higher one) counts with: `arrays`, or a wider one its value needs (a
  /// value known only when running must fit: every rank stops otherwise).
  DType valueType(const ValueRef &scalar, DType arrays);
  /// Applies `fn` to operands converted to `computeType`, producing
  /// `resultType`: directly for scalars, as a dist.map for arrays.
  ValueRef elementwise(llvm::ArrayRef<ValueRef> operands, DType computeType,
                       DType resultType, const ElementFn &fn);
  /// Applies a named ufunc (np.add, np.sqrt, np.hypot, ...); returns null if
  /// `name` is not a ufunc.
  ValueRef applyUfunc(llvm::StringRef name, llvm::ArrayRef<ValueRef> args);
  /// How many inputs the ufunc `name` takes; none if it is not one.
  static std::optional<unsigned> ufuncArity(llvm::StringRef name);
  /// A Python binary operator (`+`, `//`, `<`, ...), with Python's rules on
  /// scalars and NumPy's on arrays.
  ValueRef binaryOp(llvm::StringRef op, const ValueRef &lhs,
                    const ValueRef &rhs);
  ValueRef unaryOp(llvm::StringRef op, const ValueRef &operand);
  /// np.where(cond, x, y).
  ValueRef where(const ValueRef &cond, const ValueRef &x, const ValueRef &y);

  // Reductions over the whole array, or along `axes` (normalised, sorted;
  // all of them is the whole array).
  ValueRef reduce(llvm::StringRef name, const ValueRef &array, int64_t ddof,
                  std::optional<llvm::ArrayRef<int64_t>> axes = std::nullopt);
  ValueRef reduceAll(llvm::StringRef name, const ValueRef &array, int64_t ddof);
  /// np.cumsum / np.cumprod (`name` "cumsum", "cumprod") or the ufunc
  /// `name`'s accumulate (add, multiply, minimum, maximum) along `axis`
  /// (none: the flattened array), in `dtype` when given (Scans.cpp).
  ValueRef accumulate(llvm::StringRef name, const ValueRef &array,
                      std::optional<int64_t> axis, std::optional<DType> dtype);
  /// `axis` of an array of `rank` dimensions, negative ones counting from
  /// the end (NumPy's AxisError when out of range).
  static int64_t normalizeAxis(int64_t axis, int64_t rank);
  /// Reduction axes: normalised and sorted (repeated ones are an error).
  static std::vector<int64_t> normalizeAxes(llvm::ArrayRef<int64_t> axes,
                                            int64_t rank);
  /// np.argmax / np.argmin over the whole array: the first C-order position
  /// of the maximum (minimum), NaN counting as the extreme, as NumPy.
  ValueRef argExtreme(const ValueRef &array, bool max,
                      std::optional<int64_t> axis = std::nullopt);

  // Creation.
  mlir::Type arrayType(llvm::ArrayRef<mlir::Value> shape, DType type,
                       dist::LayoutAttr layout = {});
  /// The extents an argument gives (an int, or a tuple or list of ints) as
  /// index values. Negative ones are refused (when compiling if known, else
  /// on every rank), except for a reshape, whose -1 is inferred and which
  /// checks its extents itself.
  std::vector<mlir::Value> shapeFrom(const ValueRef &shapeArg,
                                     bool forReshape = false);
  ValueRef full(std::vector<mlir::Value> shape, const ValueRef &value,
                DType type, dist::LayoutAttr layout = {});
  ValueRef arange(const ValueRef &start, const ValueRef &stop,
                  const ValueRef &step, std::optional<DType> type,
                  dist::LayoutAttr layout = {});
  ValueRef linspace(const ValueRef &start, const ValueRef &stop, int64_t num,
                    bool endpoint, std::optional<DType> type,
                    dist::LayoutAttr layout = {});
  /// np.array([...]): the elements (C order) of an array of `shape`.
  ValueRef literalArray(std::vector<mlir::Value> shape,
                        llvm::ArrayRef<ValueRef> elements, DType type,
                        dist::LayoutAttr layout);
  /// The array whose element is its own index along `dim`, as `type`
  /// (what np.fromfunction passes its function).
  ValueRef indexArray(std::vector<mlir::Value> shape, unsigned dim, DType type,
                      dist::LayoutAttr layout);
  /// a[i, j, ...] of an array with one integer index per dimension (checked
  /// against the extents at run time, negative ones counting from the end).
  ValueRef element(const ValueRef &array, llvm::ArrayRef<ValueRef> indices);
  ValueRef createGenerator(const ValueRef &seed);
  /// `array` with another shape (C order) and/or layout. Arrays computed
  /// from their global position only (creation, random draws, element-wise
  /// work on those) are recomputed in the new form, which needs no data
  /// movement; others need a redistribution, which dac lacks yet.
  /// Whether `recompute` can rebuild `array` (computed from positions), in
  /// `shape` if given, else in its own.
  bool isRecomputable(
      const ValueRef &array,
      std::optional<llvm::ArrayRef<mlir::Value>> shape = std::nullopt);
  ValueRef recompute(const ValueRef &array, std::vector<mlir::Value> shape,
                     dist::LayoutAttr layout, llvm::StringRef what);
  /// `count` uniform doubles in [0, 1), advancing the generator; a 0-d
  /// shape with `scalarResult` gives a Python float.
  ValueRef random(GeneratorState &gen, std::vector<mlir::Value> shape,
                  bool scalarResult, dist::LayoutAttr layout = {});
  /// Generator.uniform(low, high, size): NumPy's low + (high - low) * u
  /// from the same draws as `random` (scalar bounds).
  ValueRef uniform(GeneratorState &gen, const ValueRef &low,
                   const ValueRef &high, std::vector<mlir::Value> shape,
                   bool scalarResult, dist::LayoutAttr layout = {});
  /// Draws of `distribution` by the runtime's sampler (dist.sample), which
  /// moves the generator to the position after them; a 0-d shape with
  /// `scalarResult` gives a NumPy scalar.
  ValueRef sample(GeneratorState &gen, dist::Sampling distribution, DType dtype,
                  mlir::ValueRange params, std::vector<mlir::Value> shape,
                  bool scalarResult, dist::LayoutAttr layout = {});
  /// Generator.integers(low, high, size, dtype, endpoint) (integer bounds;
  /// high null or None: [0, low)), with NumPy's bound checks.
  ValueRef integers(GeneratorState &gen, ValueRef low, ValueRef high,
                    bool endpoint, DType dtype, std::vector<mlir::Value> shape,
                    bool scalarResult, dist::LayoutAttr layout = {});
  /// standard_normal of a Generator (the ziggurat) or of the legacy
  /// RandomState (the polar method); one draw is a Python float.
  ValueRef standardNormal(GeneratorState &gen, std::vector<mlir::Value> shape,
                          bool scalarResult, dist::LayoutAttr layout = {});
  /// Generator.normal(loc, scale, size): loc + scale * standard_normal
  /// (scalar parameters; a 0-d result with `scalarResult` is a Python
  /// float).
  ValueRef normal(GeneratorState &gen, const ValueRef &loc,
                  const ValueRef &scale, std::vector<mlir::Value> shape,
                  bool scalarResult, dist::LayoutAttr layout = {});
  /// dac.redistribute: `array` under `layout` (the default when null).
  /// Arrays computed from their positions are recomputed in the new layout
  /// (no data moves); the runtime moves the others.
  ValueRef redistribute(const ValueRef &array, dist::LayoutAttr layout);

  // Distributions.
  /// The layout that `dist=` and `grid_shape=` describe for an array of
  /// `shape`; null when neither is given (the compiler chooses).
  dist::LayoutAttr parseLayout(const ValueRef &dist, const ValueRef &grid,
                               llvm::ArrayRef<mlir::Value> shape);
  /// An array's layout, the default one when not chosen yet.
  dist::LayoutAttr effectiveLayout(const ValueRef &array);
  /// The single element of a 0-d array, as a NumPy scalar.
  ValueRef item(const ValueRef &array);
  /// A call to a C library function (declared on first use).
  mlir::Value callLibm(mlir::OpBuilder &b, mlir::Location loc,
                       llvm::StringRef name, llvm::ArrayRef<mlir::Value> args);

  /// The operands for the dynamic extents of `shape`.
  static llvm::SmallVector<mlir::Value>
  dynamicSizes(llvm::ArrayRef<mlir::Value> shape);

  // Views (Views.cpp): NumPy's indexing, views and broadcasting.
  /// An integer index as `index`, negative ones counting from the end,
  /// checked against the extent: at compile time when both are known,
  /// else when running (IndexError, all ranks stop).
  mlir::Value checkedIndex(const ValueRef &index, mlir::Value extent,
                           size_t axis);
  /// a[index]: a view (slices, new axes, `...`, integers with slices), or
  /// an element (one integer per dimension).
  ValueRef subscript(const ValueRef &array, const ValueRef &index);
  /// a[index] = value, in place: the base and every view see it. With a
  /// boolean mask `index`, the elements it selects take `value` (a number)
  /// or, if `masked` is given, those of `masked` (an array of a's shape).
  void setItem(const ValueRef &array, const ValueRef &index,
               const ValueRef &value, const ValueRef &masked = nullptr);
  /// Replaces the contents of `target` (an array or a view) in place by
  /// `contents`, an array of its shape and dtype.
  void writeArray(const ValueRef &target, const ValueRef &contents);
  /// np.roll(array, shift, axis): a new array, the elements moved by
  /// `shift` along `axis` (wrapping around); a run-time shift is fine.
  ValueRef roll(const ValueRef &array, const ValueRef &shift, int64_t axis);
  /// A new array of `shape`: element k is array[(starts + k) mod extent]
  /// along the dimensions `wrap`, array[k] along the others (np.roll,
  /// np.pad(mode='wrap')). Starts are index values in [0, extent).
  ValueRef wrapped(const ValueRef &array, llvm::ArrayRef<mlir::Value> starts,
                   llvm::ArrayRef<mlir::Value> shape,
                   llvm::ArrayRef<int64_t> wrap, dist::LayoutAttr layout = {});
  /// a.reshape(dims) as a new array (C order; one constant -1 is
  /// inferred; `dims` are index values, known when compiling or not):
  /// recomputed in the new shape when computed from positions, else moved
  /// by the runtime. Sizes that disagree are NumPy's ValueError, when
  /// compiling if known, else on every rank. NumPy's view semantics are
  /// the caller's.
  ValueRef reshape(const ValueRef &array, llvm::ArrayRef<mlir::Value> dims);
  ValueRef reshape(const ValueRef &array, llvm::ArrayRef<int64_t> dims);
  /// NumPy's IndexError unless `mask`'s extents are `array`'s from
  /// dimension `at` on (when compiling if known, else on every rank).
  void checkMaskExtents(const ValueRef &array, const ValueRef &mask, size_t at);
  /// NumPy's ValueError for an integer power with a negative exponent
  /// (checked over all of an array's elements).
  void checkNonNegativeExponent(const ValueRef &exponent);
  /// a.T / np.transpose(a, axes): a view with permuted dimensions (axes
  /// checked as NumPy does; negative ones count from the end).
  ValueRef transpose(const ValueRef &array, llvm::ArrayRef<int64_t> axes);
  // Products (Products.cpp).
  /// `x @ y`, np.matmul (`dotStyle`: np.dot, np.inner of vectors, whose
  /// messages differ) of 1-D and 2-D arrays and of stacks of matrices.
  ValueRef matmul(const ValueRef &x, const ValueRef &y, bool dotStyle);
  /// Two stacks of matrices (3-D) of NumPy-broadcast lengths: a stack of
  /// one against a longer one becomes its matrix; others must agree.
  void matchStacks(ValueRef &x, ValueRef &y);
  /// np.dot/np.inner where one side is a number: the product in the
  /// operands' common type (as NumPy's dot, not value-based).
  ValueRef scaled(const ValueRef &x, const ValueRef &y);
  /// np.outer: every element of `x` (flattened) times every one of `y`.
  ValueRef outer(const ValueRef &x, const ValueRef &y);
  /// `array` (of `shape`) as a value of `type`: the same elements under
  /// another layout (moved by an identity gather) or another static or
  /// dynamic form of its extents. Loops and branches carry one type.
  mlir::Value convertArray(const ValueRef &array,
                           llvm::ArrayRef<mlir::Value> shape, mlir::Type type);
  /// a[indices] / np.take of a 1-D array with an integer array: a new
  /// array of the indices' shape and layout.
  ValueRef take(const ValueRef &array, const ValueRef &indices);
  /// Python's exact comparison `op` of an int with a float (`swapped`: the
  /// float is on the left).
  ValueRef exactCompare(llvm::StringRef op, const ValueRef &integer,
                        const ValueRef &real, bool swapped);
  /// Stops every rank as Python's math module raises when `r`, the
  /// result of math.`name` of `xs` (float64 numbers), is NaN or infinite
  /// from ordinary arguments (Ufuncs.cpp).
  void checkMathResult(llvm::StringRef name, llvm::ArrayRef<ValueRef> xs,
                       mlir::Value r);
  /// Stops every rank as Python's float ** float raises (`r` = x ** y, all
  /// float64): 0.0 to a negative power, overflow, complex results.
  void checkFloatPower(mlir::Value x, mlir::Value y, mlir::Value r);
  /// `a[mask]` with a boolean mask of a's shape: the selected elements,
  /// in C order (a 1-D array of a length known when running).
  /// `array` with `array[indices] = values` (rows, when it has several
  /// dimensions), or with `values` added there in order (np.add.at).
  ValueRef scatter(const ValueRef &array, const ValueRef &indices,
                   const ValueRef &values, bool accumulate);
  /// `array[mask]` with the mask along dimensions `at`.. of the array (a
  /// mask of the array's shape when `at` is 0 and the ranks agree).
  ValueRef compress(const ValueRef &array, const ValueRef &mask, size_t at);
  /// `array[items]` when one item is a boolean mask and the others are
  /// basic indices (null otherwise): the others applied first.
  ValueRef maskedSubscript(const ValueRef &array,
                           llvm::ArrayRef<ValueRef> items);
  /// a[mask] = values for a 1-D `values` with the mask's count of elements
  /// (checked): `array`'s new value.
  ValueRef expand(const ValueRef &array, const ValueRef &mask,
                  const ValueRef &values);
  /// np.diagonal(a, offset) of a 2-D array (a new array).
  ValueRef diagonal(const ValueRef &array, int64_t offset);
  /// `array` (a reduction's result) with the reduced `axes` back as
  /// dimensions of extent 1 (keepdims=True) in an array of `rank`.
  ValueRef expandDims(const ValueRef &array, llvm::ArrayRef<int64_t> axes,
                      size_t rank);
  /// NumPy's broadcast shape of some arrays (error with their shapes if
  /// there is none).
  std::vector<mlir::Value> broadcastShape(llvm::ArrayRef<ValueRef> arrays);
  /// What a broadcast is for: NumPy words its errors after it.
  enum class BroadcastFor {
    Operands,          // of an operation
    Assignment,        // a[...] = v
    IndexedAssignment, // a[idx] = v with an integer array
  };
  /// `array` read as an array of `shape` (broadcasting size-1 and missing
  /// leading dimensions) with `layout`; the array itself when it has both.
  ValueRef broadcastTo(const ValueRef &array, std::vector<mlir::Value> shape,
                       dist::LayoutAttr layout,
                       BroadcastFor why = BroadcastFor::Operands);

  /// Number of elements (index).
  mlir::Value numElements(llvm::ArrayRef<mlir::Value> shape);
  /// A shape as NumPy's messages write it: "(3,)", "(2,4)". With
  /// `values`, an extent known only when running is `{}` and its value is
  /// appended (for emitAssert); else `?`.
  static std::string
  renderShape(llvm::ArrayRef<mlir::Value> shape,
              llvm::SmallVectorImpl<mlir::Value> *values = nullptr);

  /// NumPy allocates an array of `shape` and `type` here: refuse it as
  /// NumPy would (int64 overflow at compile time when the extents are
  /// known, dist.check_size against the node's memory when large or not
  /// known).
  void checkSize(llvm::ArrayRef<mlir::Value> shape, DType type);
  /// `result` = lhs `op` rhs of Python ints (int64 here), or the program
  /// stops with an OverflowError where Python's exact result would not fit
  /// (at compile time when the operands are known): + - * // << and unary
  /// minus and abs (rhs null); a negative count of << or >> is Python's
  /// ValueError.
  ValueRef checkedInt(llvm::StringRef op, const ValueRef &lhs,
                      const ValueRef &rhs, const ValueRef &result);
  /// int(x) of a Python float: Python's ValueError for NaN, OverflowError
  /// for infinities and values int64 cannot hold.
  ValueRef checkedFloatToInt(const ValueRef &x);
  /// dist.assert with a message; stops all ranks when `cond` is false.
  void emitAssert(mlir::Value cond, llvm::StringRef message,
                  mlir::ValueRange values = {});
  /// `message` as a compile error when `cond` folds to false, else as a
  /// run-time assertion: an argument check for values known or not.
  void require(mlir::Value cond, const std::string &message);
};

} // namespace builder
} // namespace dac

#endif // DAC_BUILDER_EMITTER_H
