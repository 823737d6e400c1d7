//===- dac.h - Distributed NumPy-style arrays from C++ ----------*- C++ -*-===//
//
// The C++ API of dac: lazy `dac::Array` expressions with NumPy's names and
// semantics, built into the same dist IR as scripts (by the same builder
// library) and compiled just in time through the same pipeline. Nothing
// runs until a value is needed (`eval()`, `item<T>()`, printing, reading
// data); then everything that value depends on is fused and compiled once,
// cached by the structure of the graph (not by data values, not by the
// number of ranks), and run on every rank of the session.
//
// This header includes no MLIR or LLVM header.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_DAC_H
#define DAC_DAC_H

#include "dac/Runtime/DistArrayProtocol.h"

#include <mpi.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace dac {

/// NumPy's dtypes that dac arrays hold.
enum class DType { Bool, Int32, Int64, Float32, Float64 };

/// NumPy's name of a dtype ("float64", ...).
const char *dtype_name(DType type);

/// What a failed operation throws: NumPy's message (a shape mismatch, an
/// index out of range, an unsupported operation), on every rank alike.
/// Errors found while computing (by the compiled code) start with the
/// file:line of the call that asked for the value.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

namespace detail {
struct Object;
struct Generator;
} // namespace detail

/// Where the C++ code asked for a value (the default argument of the
/// calls that compute): errors found while computing name it.
struct Where {
  const char *file = "";
  int line = 0;
  static Where here(const char *file = __builtin_FILE(),
                    int line = __builtin_LINE()) {
    return {file, line};
  }
};

/// `None` in a slice: `dac::slice(1, dac::none)` is NumPy's `1:`.
inline constexpr std::nullopt_t none = std::nullopt;

/// NumPy's `start:stop:step`; omitted parts are `none`.
struct Slice {
  std::optional<int64_t> start, stop, step;
};
/// `slice(stop)`, `slice(start, stop)`, `slice(start, stop, step)` as
/// Python's slice().
inline Slice slice(std::optional<int64_t> stop) { return {none, stop, none}; }
inline Slice slice(std::optional<int64_t> start, std::optional<int64_t> stop,
                   std::optional<int64_t> step = none) {
  return {start, stop, step};
}
/// `:`, the whole dimension.
inline const Slice all{};
/// `np.newaxis` and `...` in an index.
struct NewAxis {};
inline constexpr NewAxis newaxis{};
struct Ellipsis {};
inline constexpr Ellipsis ellipsis{};

/// An array used as an index: an integer computed by dac (`a(b.argmax())`),
/// or an integer array (NumPy's `a[indices]`, a copy).
struct ArrayIndex {
  std::shared_ptr<detail::Object> object;
};

/// One item of an index: an integer (negative counts from the end), a
/// slice, `newaxis`, `ellipsis` or an array.
using Index = std::variant<int64_t, Slice, NewAxis, Ellipsis, ArrayIndex>;

/// How an array is split over the ranks, as a script's `dist=` and
/// `grid_shape=`: per dimension "b" (block), "c" (cyclic), "n" (not
/// distributed), ...; an empty `dist` lets dac choose.
struct Layout {
  std::vector<std::string> dist;
  std::vector<int64_t> grid_shape;
};

/// The rank's part of an array: its elements in C order and its extents.
template <class T> struct LocalView {
  T *data = nullptr;
  std::vector<int64_t> shape;
  int64_t size() const {
    int64_t n = 1;
    for (int64_t d : shape)
      n *= d;
    return n;
  }
  T *begin() const { return data; }
  T *end() const { return data + size(); }
};

/// A rank's chunk of an array as the Distributed Array Protocol (v0.10.0)
/// describes it: what DistArray's `__distarray__()` returns, with the
/// buffer as a pointer. PETSc, Trilinos or Global Arrays wrappers take the
/// elements from here without a copy, and hand theirs over the same way.
struct Chunk {
  /// The rank's elements in C order, `descriptor.bufferShape` of them.
  void *data = nullptr;
  DType dtype = DType::Float64;
  rt::dap::DistBuffer descriptor;
  /// The descriptor as JSON (the protocol's dictionary).
  std::string json() const { return rt::dap::toJson(descriptor); }
};

/// A NumPy array (or a NumPy scalar: an array of no dimensions) distributed
/// over the ranks of the session. Copying an `Array` makes another name for
/// the same array, as `b = a` does in Python; `copy()` copies.
class Array {
public:
  /// No array yet (any use but assignment throws).
  Array() = default;
  /// A Python number (weak in NumPy's promotion: `float32 array * 2.0`
  /// stays float32).
  template <class T, std::enable_if_t<std::is_arithmetic_v<T>, int> = 0>
  Array(T value) {
    if constexpr (std::is_same_v<T, bool>)
      *this = fromBool(value);
    else if constexpr (std::is_integral_v<T>)
      *this = fromInt(static_cast<int64_t>(value));
    else
      *this = fromFloat(static_cast<double>(value));
  }

  Array(const Array &) = default;
  Array(Array &&) = default;
  /// Binds this name to another array (Python's `a = b`).
  Array &operator=(const Array &other) & = default;
  Array &operator=(Array &&other) & = default;
  /// Writes into a view: `a(dac::slice(1, -1)) = b` is NumPy's
  /// `a[1:-1] = b` (broadcast and cast as NumPy does); every view of the
  /// same base sees it.
  const Array &operator=(const Array &value) &&;

  /// NumPy's shape, number of dimensions, number of elements and dtype.
  std::vector<int64_t> shape() const;
  int64_t ndim() const;
  int64_t size() const;
  DType dtype() const;

  /// `a[index]`: a view for slices, new axes and `...`, an element (a
  /// number, a copy) for one integer per dimension. Assigning to the
  /// expression writes into the array: `a(1, dac::all) = 0.0`.
  template <class... I> Array operator()(I &&...index) const {
    return subscript({Index(std::forward<I>(index))...});
  }
  Array subscript(const std::vector<Index> &index) const;
  /// a[index] = value.
  void set(const std::vector<Index> &index, const Array &value);

  /// In place, as NumPy's `a += b` (same_kind casting): the array and
  /// every view of it change. A name bound to a number is rebound to the
  /// result; the expression `a(i, j) += x` writes the element.
  Array &operator+=(const Array &x) &;
  Array &operator-=(const Array &x) &;
  Array &operator*=(const Array &x) &;
  Array &operator/=(const Array &x) &;
  const Array &operator+=(const Array &x) &&;
  const Array &operator-=(const Array &x) &&;
  const Array &operator*=(const Array &x) &&;
  const Array &operator/=(const Array &x) &&;

  /// A new array with the same elements.
  Array copy() const;
  Array astype(DType type) const;
  /// `a.T`: a view with the dimensions reversed.
  Array T() const;
  Array transpose(const std::vector<int64_t> &axes = {}) const;
  /// The elements in C order with other extents (one may be -1). Unlike
  /// NumPy's view, a new array: writes to it do not show in this one.
  Array reshape(const std::vector<int64_t> &shape) const;
  Array flatten() const;

  /// Reductions over all elements, or along `axes` (negative count from the
  /// end), as NumPy's methods of the same names.
  Array sum(const std::vector<int64_t> &axes = {}) const;
  Array prod(const std::vector<int64_t> &axes = {}) const;
  Array mean(const std::vector<int64_t> &axes = {}) const;
  Array min(const std::vector<int64_t> &axes = {}) const;
  Array max(const std::vector<int64_t> &axes = {}) const;
  Array any(const std::vector<int64_t> &axes = {}) const;
  Array all(const std::vector<int64_t> &axes = {}) const;
  Array var(const std::vector<int64_t> &axes = {}, int64_t ddof = 0) const;
  Array std(const std::vector<int64_t> &axes = {}, int64_t ddof = 0) const;
  Array argmax() const;
  Array argmin() const;

  /// Computes the array now (it stays distributed).
  const Array &eval(Where where = Where::here()) const;
  /// The value of a one-element array as T (NumPy's `item()`); throws
  /// dac::Error if T cannot hold it exactly.
  template <class T> T item(Where where = Where::here()) const {
    static_assert(std::is_arithmetic_v<T>, "item<T>() takes a number type");
    if constexpr (std::is_same_v<T, bool>)
      return itemBool(where);
    else if constexpr (std::is_integral_v<T>)
      return checkedInt<T>(itemInt(where));
    else
      return checkedFloat<T>(itemFloat(where));
  }
  /// All elements in C order, as T: on every rank (`everywhere`) or on
  /// rank 0 only (the others get an empty vector).
  template <class T>
  std::vector<T> to_vector(bool everywhere = false,
                           Where where = Where::here()) const {
    DType type;
    std::vector<char> bytes = gather(everywhere, type, where);
    size_t size = type == DType::Bool                              ? 1
                  : type == DType::Int32 || type == DType::Float32 ? 4
                                                                   : 8;
    std::vector<T> values;
    values.reserve(bytes.size() / size);
    for (size_t k = 0; k < bytes.size(); k += size)
      values.push_back(convert<T>(bytes.data() + k, type));
    return values;
  }
  /// The rank's own elements, in place (T must be the array's element
  /// type; writes show in the array).
  template <class T>
  LocalView<T> local_view(Where where = Where::here()) const {
    LocalView<T> view;
    view.data = static_cast<T *>(localData(elementType<T>(), where));
    view.shape = localShape();
    return view;
  }

  /// The rank's chunk with its protocol descriptor, in place (as
  /// local_view: writes show in the array; valid while it lives and is not
  /// written by dac). Layouts with ghost cells cannot be exported yet.
  Chunk export_chunk(Where where = Where::here()) const;

  /// As an index of another array.
  operator ArrayIndex() const { return {object}; }

  /// Used by the free functions below.
  explicit Array(std::shared_ptr<detail::Object> object)
      : object(std::move(object)) {}
  const std::shared_ptr<detail::Object> &impl() const { return object; }

private:
  static Array fromBool(bool v);
  static Array fromInt(int64_t v);
  static Array fromFloat(double v);
  bool itemBool(Where where) const;
  int64_t itemInt(Where where) const;
  double itemFloat(Where where) const;
  /// Every element (C order) in its own dtype's bytes, on every rank or on
  /// rank 0 (empty elsewhere).
  std::vector<char> gather(bool everywhere, DType &type, Where where) const;
  /// Element `p` of `type` as T, as C++ converts numbers (a float that T
  /// cannot hold is an error, not undefined behaviour).
  template <class T> static T convert(const char *p, DType type) {
    auto as = [&](auto v) {
      std::memcpy(&v, p, sizeof v);
      if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                    std::is_floating_point_v<decltype(v)>)
        if (!(v >= -0x1p63 && v < 0x1p63) ||
            v < static_cast<decltype(v)>(std::numeric_limits<T>::min()) ||
            v > static_cast<decltype(v)>(std::numeric_limits<T>::max()))
          throw Error("to_vector(): " + std::to_string(v) +
                      " does not fit the element type asked for");
      return static_cast<T>(v);
    };
    switch (type) {
    case DType::Bool:
      return static_cast<T>(*p != 0);
    case DType::Int32:
      return as(int32_t());
    case DType::Int64:
      return as(int64_t());
    case DType::Float32:
      return as(float());
    case DType::Float64:
      break;
    }
    return as(double());
  }
  void *localData(DType type, Where where) const;
  std::vector<int64_t> localShape() const;
  template <class T> static DType elementType() {
    if constexpr (std::is_same_v<T, bool>)
      return DType::Bool;
    else if constexpr (std::is_same_v<T, int32_t>)
      return DType::Int32;
    else if constexpr (std::is_same_v<T, int64_t>)
      return DType::Int64;
    else if constexpr (std::is_same_v<T, float>)
      return DType::Float32;
    else {
      static_assert(std::is_same_v<T, double>, "not an element type");
      return DType::Float64;
    }
  }
  template <class T> static T checkedFloat(double v) {
    if (static_cast<double>(static_cast<T>(v)) != v && v == v) {
      char text[64];
      std::snprintf(text, sizeof text, "%.17g", v);
      throw Error(std::string("item(): ") + text +
                  " has no exact value of the type asked for");
    }
    return static_cast<T>(v);
  }
  template <class T> static T checkedInt(int64_t v) {
    if (v < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
        (v > 0 && static_cast<uint64_t>(v) >
                      static_cast<uint64_t>(std::numeric_limits<T>::max())))
      throw Error("item(): " + std::to_string(v) + " does not fit");
    return static_cast<T>(v);
  }

  std::shared_ptr<detail::Object> object;
};

// Operators: NumPy's on arrays, Python's on numbers.
Array operator+(const Array &x, const Array &y);
Array operator-(const Array &x, const Array &y);
Array operator*(const Array &x, const Array &y);
Array operator/(const Array &x, const Array &y);
Array operator%(const Array &x, const Array &y);
Array operator<(const Array &x, const Array &y);
Array operator<=(const Array &x, const Array &y);
Array operator>(const Array &x, const Array &y);
Array operator>=(const Array &x, const Array &y);
Array operator==(const Array &x, const Array &y);
Array operator!=(const Array &x, const Array &y);
Array operator&(const Array &x, const Array &y);
Array operator|(const Array &x, const Array &y);
Array operator^(const Array &x, const Array &y);
Array operator<<(const Array &x, const Array &y);
Array operator>>(const Array &x, const Array &y);
Array operator-(const Array &x);
Array operator+(const Array &x);
Array operator~(const Array &x);
/// Python's `//` and `**`, which C++ lacks as operators.
Array floor_divide(const Array &x, const Array &y);
Array power(const Array &x, const Array &y);

/// Any ufunc by NumPy's name: `dac::ufunc("hypot", {x, y})`.
Array ufunc(const std::string &name, const std::vector<Array> &args);

// NumPy's ufuncs by name (the list the script frontend supports).
#define DAC_UNARY(name)                                                        \
  inline Array name(const Array &x) { return ufunc(#name, {x}); }
#define DAC_BINARY(name)                                                       \
  inline Array name(const Array &x, const Array &y) {                          \
    return ufunc(#name, {x, y});                                               \
  }
DAC_UNARY(sqrt)
DAC_UNARY(exp)
DAC_UNARY(exp2)
DAC_UNARY(expm1)
DAC_UNARY(log)
DAC_UNARY(log2)
DAC_UNARY(log10)
DAC_UNARY(log1p)
DAC_UNARY(sin)
DAC_UNARY(cos)
DAC_UNARY(tan)
DAC_UNARY(arcsin)
DAC_UNARY(arccos)
DAC_UNARY(arctan)
DAC_UNARY(sinh)
DAC_UNARY(cosh)
DAC_UNARY(tanh)
DAC_UNARY(arcsinh)
DAC_UNARY(arccosh)
DAC_UNARY(arctanh)
DAC_UNARY(floor)
DAC_UNARY(ceil)
DAC_UNARY(trunc)
DAC_UNARY(rint)
DAC_UNARY(reciprocal)
DAC_UNARY(cbrt)
DAC_UNARY(negative)
DAC_UNARY(absolute)
DAC_UNARY(abs)
DAC_UNARY(fabs)
DAC_UNARY(square)
DAC_UNARY(sign)
DAC_UNARY(isnan)
DAC_UNARY(isinf)
DAC_UNARY(isfinite)
DAC_UNARY(logical_not)
DAC_UNARY(invert)
DAC_UNARY(bitwise_not)
DAC_UNARY(positive)
DAC_BINARY(add)
DAC_BINARY(subtract)
DAC_BINARY(multiply)
DAC_BINARY(divide)
DAC_BINARY(maximum)
DAC_BINARY(minimum)
DAC_BINARY(fmax)
DAC_BINARY(fmin)
DAC_BINARY(remainder)
DAC_BINARY(fmod)
DAC_BINARY(arctan2)
DAC_BINARY(hypot)
DAC_BINARY(logical_and)
DAC_BINARY(logical_or)
DAC_BINARY(logical_xor)
DAC_BINARY(true_divide)
DAC_BINARY(mod)
DAC_BINARY(less)
DAC_BINARY(less_equal)
DAC_BINARY(greater)
DAC_BINARY(greater_equal)
DAC_BINARY(equal)
DAC_BINARY(not_equal)
DAC_BINARY(bitwise_and)
DAC_BINARY(bitwise_or)
DAC_BINARY(bitwise_xor)
DAC_BINARY(left_shift)
DAC_BINARY(right_shift)
#undef DAC_UNARY
#undef DAC_BINARY

/// np.where(cond, x, y).
Array where(const Array &cond, const Array &x, const Array &y);
/// x @ y (np.matmul), np.dot, np.outer.
Array matmul(const Array &x, const Array &y);
Array dot(const Array &x, const Array &y);
Array outer(const Array &x, const Array &y);

// Creation, as NumPy's functions of the same names (float64 unless a dtype
// is given).
Array zeros(const std::vector<int64_t> &shape, DType type = DType::Float64,
            const Layout &layout = {});
Array ones(const std::vector<int64_t> &shape, DType type = DType::Float64,
           const Layout &layout = {});
Array full(const std::vector<int64_t> &shape, const Array &value,
           std::optional<DType> type = std::nullopt, const Layout &layout = {});
Array arange(const Array &stop);
Array arange(const Array &start, const Array &stop, const Array &step = 1,
             std::optional<DType> type = std::nullopt,
             const Layout &layout = {});
Array linspace(const Array &start, const Array &stop, int64_t num = 50,
               bool endpoint = true, std::optional<DType> type = std::nullopt,
               const Layout &layout = {});
/// From host data: `values` (C order, on every rank or on rank 0 only, as
/// `everywhere` says) as an array of `shape`.
Array from_vector(const std::vector<double> &values,
                  const std::vector<int64_t> &shape, bool everywhere = true,
                  const Layout &layout = {});
/// `array` moved to another layout (dac.redistribute).
Array redistribute(const Array &array, const Layout &layout);
/// The array whose chunks the ranks hand over (collective; the descriptors
/// are validated across ranks). Not copied: the memory must outlive the
/// array; dac reads it and writes it only through local_view or
/// export_chunk (other writes make new arrays, as everywhere).
Array import_chunk(const Chunk &chunk);

namespace random {

/// np.random.Generator(PCG64) seeded as np.random.default_rng(seed): the
/// same streams as NumPy. Copies share one stream.
class Generator {
public:
  /// A Python float in [0, 1) (`rng.random()`).
  Array random();
  /// uniform doubles in [0, 1) of `shape` (`rng.random(size)`).
  Array random(const std::vector<int64_t> &shape, const Layout &layout = {});
  Array uniform(double low, double high, const std::vector<int64_t> &shape,
                const Layout &layout = {});

  explicit Generator(std::shared_ptr<detail::Generator> state)
      : state(std::move(state)) {}

private:
  std::shared_ptr<detail::Generator> state;
};

Generator default_rng(int64_t seed);

} // namespace random

/// Options of the just-in-time compiler.
struct JitOptions {
  /// Where compiled code is kept between runs (rank 0 reads and writes
  /// it); empty: $DAC_JIT_CACHE, else in memory only.
  std::string cache_dir;
  /// LLVM optimisation level and target CPU, as `dac -O` and `--cpu`.
  unsigned opt_level = 3;
  std::string cpu = "native";
};

/// Counters of the compiler's cache (for tests and tuning).
struct JitStats {
  int64_t compilations = 0; // graphs compiled (misses)
  int64_t disk_hits = 0;    // graphs loaded from the disk cache
  int64_t memory_hits = 0;  // graphs found compiled in this process
  int64_t kernels = 0;      // fused loop nests in the last compiled graph
  double last_compile_seconds = 0;
};

/// The dac runtime on the ranks of a communicator (MPI_COMM_WORLD, or one
/// the host passes: arrays are split over its ranks, rank 0 is its rank 0):
/// initialises MPI unless the host already did (and then finalises it at
/// the end). One per process, alive while arrays are used.
class Session {
public:
  Session(int &argc, char **&argv, JitOptions options = {});
  explicit Session(MPI_Comm comm = MPI_COMM_WORLD, JitOptions options = {});
  ~Session();
  Session(const Session &) = delete;
  Session &operator=(const Session &) = delete;

  int rank() const;
  int size() const;

  /// Python's print() on rank 0: numbers as Python writes them, arrays as
  /// NumPy does, separated by spaces.
  template <class... T> void print(const T &...values) {
    std::vector<Printable> items{Printable(values)...};
    printItems(items);
  }

  JitStats stats() const;
  JitOptions options() const;
  /// Later evaluations compile with these (the cache keeps code per
  /// options).
  void set_options(JitOptions options);

  /// Text or a value for print().
  struct Printable {
    Printable(const char *text) : text(text), isText(true) {}
    Printable(const std::string &text) : text(text), isText(true) {}
    Printable(const Array &array) : array(array) {}
    template <class T, std::enable_if_t<std::is_arithmetic_v<T>, int> = 0>
    Printable(T value) : array(value) {}
    std::string text;
    Array array;
    bool isText = false;
  };

private:
  void printItems(const std::vector<Printable> &items);
  void start(int *argc, char ***argv, MPI_Comm comm, JitOptions options);
};

} // namespace dac

#endif // DAC_DAC_H
