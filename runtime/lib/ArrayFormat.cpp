//===- ArrayFormat.cpp - NumPy's print(ndarray) text ----------------------===//
//
// A transcription of numpy/core/arrayprint.py (NumPy 1.24) for the default
// print options: the element formatters (FloatingFormat, IntegerFormat,
// BoolFormat) are built from the elements that will be shown, then
// _formatArray lays the nested brackets out and wraps long rows.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/ArrayFormat.h"

#include "Dragon4.h"
#include "dac/Runtime/FloatRepr.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <utility>

using namespace dac::rt;
using namespace dac::rt::detail;

namespace {

// NumPy's default print options.
constexpr int Precision = 8;
constexpr int64_t Threshold = 1000;
constexpr int64_t EdgeItems = 3;
constexpr int64_t LineWidth = 75;

template <typename T> T load(const void *data, int64_t index) {
  T value;
  std::memcpy(&value, static_cast<const char *>(data) + index * sizeof(T),
              sizeof(T));
  return value;
}

/// Whether axis \p length is cut to its edges in a summary.
bool isCut(int64_t length, bool summarise) {
  return summarise && length > 2 * EdgeItems;
}

/// The C-order positions of the elements that are printed: all, or in a
/// summary only the first and last EdgeItems along every long axis
/// (NumPy's _leading_trailing). The element formats are chosen from these
/// alone, so hidden elements never widen a column.
std::vector<int64_t> shownPositions(const std::vector<int64_t> &shape,
                                    bool summarise) {
  std::vector<int64_t> positions = {0};
  for (int64_t length : shape) {
    std::vector<int64_t> indices;
    for (int64_t i = 0; i < length; ++i)
      if (!isCut(length, summarise) || i < EdgeItems || i >= length - EdgeItems)
        indices.push_back(i);
    std::vector<int64_t> next;
    next.reserve(positions.size() * indices.size());
    for (int64_t position : positions)
      for (int64_t i : indices)
        next.push_back(position * length + i);
    positions = std::move(next);
  }
  return positions;
}

/// NumPy's FloatingFormat in 'maxprec' mode: positional unless the
/// magnitudes call for scientific notation, every element padded to the
/// same width left and right of the point.
template <typename T> class FloatingFormat {
public:
  explicit FloatingFormat(const std::vector<T> &values);

  std::string operator()(T value) const {
    if (!std::isfinite(value)) {
      std::string text = std::isnan(value) ? "nan" : value < 0 ? "-inf" : "inf";
      size_t width = Options.PadLeft + PadRight + 1;
      return std::string(width > text.size() ? width - text.size() : 0, ' ') +
             text;
    }
    return Scientific ? formatScientific(value, Options)
                      : formatPositional(value, Options);
  }

private:
  bool Scientific = false;
  /// The options of the second, final pass over the elements.
  Dragon4Options Options;
  /// The width right of the point, which non-finite values also fill.
  int PadRight = 0;
};

/// Splits \p text at the first \p separator (which must occur).
std::pair<std::string, std::string> splitAt(const std::string &text,
                                            char separator) {
  size_t at = text.find(separator);
  return {text.substr(0, at), text.substr(at + 1)};
}

template <typename T>
FloatingFormat<T>::FloatingFormat(const std::vector<T> &values) {
  std::vector<T> finite;
  bool negativeInfinity = false;
  for (T value : values) {
    if (std::isfinite(value))
      finite.push_back(value);
    else if (std::isinf(value) && value < 0)
      negativeInfinity = true;
  }

  // Scientific notation from the nonzero finite magnitudes. NumPy compares
  // them with the bounds in double (np.float32(1e-4) is below 1e-4) but
  // divides them in the element type (a float32 ratio may round to 1000).
  T maxAbs = 0, minAbs = std::numeric_limits<T>::infinity();
  for (T value : finite) {
    if (value == 0)
      continue;
    maxAbs = std::max(maxAbs, std::fabs(value));
    minAbs = std::min(minAbs, std::fabs(value));
  }
  if (maxAbs > 0) {
    T ratio = maxAbs / minAbs;
    Scientific = maxAbs >= 1e8 || minAbs < 1e-4 || ratio > 1000;
  }

  // A first pass with at most Precision digits sizes the columns.
  int padLeft = 0;
  Options.Precision = Precision;
  Options.Trim = Dragon4Trim::Zeros;
  if (finite.empty()) {
    Options.MinDigits = -1;
  } else if (Scientific) {
    int expSize = 0, fractionDigits = 0;
    for (T value : finite) {
      auto [mantissa, exponent] =
          splitAt(formatScientific(value, Options), 'e');
      auto [whole, fraction] = splitAt(mantissa, '.');
      expSize = std::max(expSize, static_cast<int>(exponent.size()) - 1);
      fractionDigits = std::max(fractionDigits, int(fraction.size()));
      padLeft = std::max(padLeft, static_cast<int>(whole.size()));
    }
    // Every element then shows as many digits as the longest needs.
    Options.Precision = Options.MinDigits = fractionDigits;
    Options.Trim = Dragon4Trim::Keep;
    Options.ExpDigits = expSize;
    PadRight = expSize + 2 + fractionDigits;
  } else {
    for (T value : finite) {
      auto [whole, fraction] = splitAt(formatPositional(value, Options), '.');
      padLeft = std::max(padLeft, static_cast<int>(whole.size()));
      PadRight = std::max(PadRight, static_cast<int>(fraction.size()));
    }
    Options.MinDigits = 0;
    Options.PadRight = PadRight;
  }
  if (finite.size() != values.size()) {
    int offset = PadRight + 1;
    padLeft = std::max(
        {padLeft, 3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset});
  }
  Options.PadLeft = padLeft;
}

/// Formats the element at a C-order position.
using ElementFormatter = std::function<std::string(int64_t)>;

template <typename T>
ElementFormatter floatFormatter(const void *data,
                                const std::vector<int64_t> &shown) {
  std::vector<T> values;
  values.reserve(shown.size());
  for (int64_t position : shown)
    values.push_back(load<T>(data, position));
  FloatingFormat<T> format(values);
  return [data, format](int64_t position) {
    return format(load<T>(data, position));
  };
}

/// NumPy's IntegerFormat: right-aligned to the widest shown element.
template <typename T>
ElementFormatter integerFormatter(const void *data,
                                  const std::vector<int64_t> &shown) {
  size_t width = 0;
  for (int64_t position : shown)
    width = std::max(width, std::to_string(load<T>(data, position)).size());
  return [data, width](int64_t position) {
    std::string text = std::to_string(load<T>(data, position));
    return std::string(width - text.size(), ' ') + text;
  };
}

ElementFormatter makeFormatter(const void *data, ArrayElementType type,
                               const std::vector<int64_t> &shown) {
  switch (type) {
  case ArrayElementType::Float64:
    return floatFormatter<double>(data, shown);
  case ArrayElementType::Float32:
    return floatFormatter<float>(data, shown);
  case ArrayElementType::Int64:
    return integerFormatter<int64_t>(data, shown);
  case ArrayElementType::Int32:
    return integerFormatter<int32_t>(data, shown);
  case ArrayElementType::Bool:
    break;
  }
  // NumPy's BoolFormat: " True" lines up with "False".
  return [data](int64_t position) -> std::string {
    return load<uint8_t>(data, position) ? " True" : "False";
  };
}

/// NumPy's _formatArray with separator ' ' and no legacy mode.
class ArrayLayout {
public:
  ArrayLayout(const std::vector<int64_t> &shape, bool summarise,
              ElementFormatter format)
      : Shape(shape), Strides(shape.size(), 1), Summarise(summarise),
        Format(std::move(format)) {
    for (size_t axis = shape.size(); axis-- > 1;)
      Strides[axis - 1] = Strides[axis] * shape[axis];
  }

  std::string layOut() const { return nest(0, 0, " ", LineWidth); }

private:
  /// The text of the sub-array at \p offset that spans the axes from
  /// \p axis on; continuation lines start with \p indent and no line may
  /// pass \p width.
  std::string nest(size_t axis, int64_t offset, const std::string &indent,
                   int64_t width) const {
    if (axis == Shape.size())
      return Format(offset);
    // The nested brackets take one more column each.
    std::string nextIndent = indent + ' ';
    int64_t nextWidth = width - 1;
    int64_t length = Shape[axis];
    bool cut = isCut(length, Summarise);
    int64_t leading = cut ? EdgeItems : 0;
    int64_t trailing = cut ? EdgeItems : length;
    auto item = [&](int64_t i) {
      return nest(axis + 1, offset + i * Strides[axis], nextIndent, nextWidth);
    };

    std::string text;
    if (axis + 1 == Shape.size()) {
      // A row: elements are wrapped so that the closing bracket still fits.
      int64_t elementWidth = width - 1;
      std::string line = indent;
      for (int64_t i = 0; i < leading; ++i) {
        extendLine(text, line, item(i), elementWidth, indent);
        line += ' ';
      }
      if (cut) {
        extendLine(text, line, "...", elementWidth, indent);
        line += ' ';
      }
      for (int64_t i = length - trailing; i < length - 1; ++i) {
        extendLine(text, line, item(i), elementWidth, indent);
        line += ' ';
      }
      extendLine(text, line, item(length - 1), elementWidth, indent);
      text += line;
    } else {
      // Sub-arrays are separated by one line break per remaining axis, so
      // that the blocks of a 3-d array have a blank line between them.
      std::string separator(Shape.size() - axis - 1, '\n');
      for (int64_t i = 0; i < leading; ++i)
        text += indent + item(i) + separator;
      if (cut)
        text += indent + "..." + separator;
      for (int64_t i = length - trailing; i < length - 1; ++i)
        text += indent + item(i) + separator;
      text += indent + item(length - 1);
    }
    return "[" + text.substr(indent.size()) + "]";
  }

  /// NumPy's _extendLine: appends \p word to \p line, first moving \p line
  /// to \p text when the word would pass \p width and wrapping helps.
  static void extendLine(std::string &text, std::string &line,
                         const std::string &word, int64_t width,
                         const std::string &indent) {
    bool wrap = static_cast<int64_t>(line.size() + word.size()) > width &&
                line.size() > indent.size();
    if (wrap) {
      line.erase(line.find_last_not_of(' ') + 1);
      text += line + "\n";
      line = indent;
    }
    line += word;
  }

  std::vector<int64_t> Shape;
  std::vector<int64_t> Strides;
  bool Summarise;
  ElementFormatter Format;
};

/// str() of a 0-d array: the str() of its scalar, without array padding.
std::string formatScalar(const void *data, ArrayElementType type) {
  switch (type) {
  case ArrayElementType::Float64:
    return formatPythonFloat(load<double>(data, 0));
  case ArrayElementType::Float32:
    return formatNumpyFloat32(load<float>(data, 0));
  case ArrayElementType::Int64:
    return std::to_string(load<int64_t>(data, 0));
  case ArrayElementType::Int32:
    return std::to_string(load<int32_t>(data, 0));
  case ArrayElementType::Bool:
    break;
  }
  return load<uint8_t>(data, 0) ? "True" : "False";
}

} // namespace

std::string dac::rt::formatNumpyArray(const void *data,
                                      const std::vector<int64_t> &shape,
                                      ArrayElementType type) {
  if (shape.empty())
    return formatScalar(data, type);
  int64_t size = 1;
  for (int64_t length : shape)
    size *= length;
  if (size == 0)
    return "[]";
  bool summarise = size > Threshold;
  ElementFormatter format =
      makeFormatter(data, type, shownPositions(shape, summarise));
  return ArrayLayout(shape, summarise, std::move(format)).layOut();
}
