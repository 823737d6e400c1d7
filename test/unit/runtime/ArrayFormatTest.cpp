//===- ArrayFormatTest.cpp - NumPy's print(ndarray) text ------------------===//
//
// Every array of ArrayFormatExpectations.inc must print exactly as NumPy
// 1.24 printed it: element widths, notation, wrapping and summaries.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/ArrayFormat.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <sstream>

using namespace dac::rt;

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double Nan = std::numeric_limits<double>::quiet_NaN();

struct ArrayCase {
  ArrayElementType Type;
  std::vector<int64_t> Shape;
  /// The elements of Float64 and Float32 arrays (the latter exactly
  /// representable as float).
  std::vector<double> Floats;
  /// The elements of integer and Bool arrays.
  std::vector<int64_t> Ints;
  const char *Expected;
};

const ArrayCase Cases[] = {
#include "ArrayFormatExpectations.inc"
};

/// The elements of \p c in memory as formatNumpyArray reads them.
std::vector<unsigned char> elementBytes(const ArrayCase &c) {
  std::vector<unsigned char> bytes;
  auto append = [&bytes](auto value) {
    size_t at = bytes.size();
    bytes.resize(at + sizeof(value));
    std::memcpy(bytes.data() + at, &value, sizeof(value));
  };
  for (double value : c.Floats) {
    if (c.Type == ArrayElementType::Float64)
      append(value);
    else
      append(static_cast<float>(value));
  }
  for (int64_t value : c.Ints) {
    if (c.Type == ArrayElementType::Int64)
      append(value);
    else if (c.Type == ArrayElementType::Int32)
      append(static_cast<int32_t>(value));
    else
      append(static_cast<uint8_t>(value != 0));
  }
  return bytes;
}

std::string describe(const ArrayCase &c) {
  static const char *const TypeNames[] = {"float64", "float32", "int64",
                                          "int32", "bool"};
  std::ostringstream text;
  text << TypeNames[static_cast<int>(c.Type)] << " shape (";
  for (int64_t n : c.Shape)
    text << n << ",";
  text << ")";
  return text.str();
}

TEST(ArrayFormat, MatchesNumPy) {
  ASSERT_GT(std::size(Cases), 300u);
  for (const ArrayCase &c : Cases) {
    std::vector<unsigned char> bytes = elementBytes(c);
    EXPECT_EQ(formatNumpyArray(bytes.data(), c.Shape, c.Type), c.Expected)
        << describe(c);
  }
}

TEST(ArrayFormat, ElementCountsMatchShapes) {
  for (const ArrayCase &c : Cases) {
    size_t count = 1;
    for (int64_t n : c.Shape)
      count *= static_cast<size_t>(n);
    EXPECT_EQ(c.Floats.size() + c.Ints.size(), count) << describe(c);
  }
}

TEST(ArrayFormat, Examples) {
  double halves[] = {1.0, 2.5, -0.0};
  EXPECT_EQ(formatNumpyArray(halves, {3}, ArrayElementType::Float64),
            "[ 1.   2.5 -0. ]");
  // 1/512 ties at the eighth decimal and rounds to the even digit.
  double tie = 0.001953125;
  EXPECT_EQ(formatNumpyArray(&tie, {1}, ArrayElementType::Float64),
            "[0.00195312]");
  double scalar = 2.5;
  EXPECT_EQ(formatNumpyArray(&scalar, {}, ArrayElementType::Float64), "2.5");
  // float32 digits past the shortest ones are the value's own.
  float wide = 99999992.0f;
  EXPECT_EQ(formatNumpyArray(&wide, {1}, ArrayElementType::Float32),
            "[99999992.]");
  int32_t ints[] = {-5, 100, 3, 0};
  EXPECT_EQ(formatNumpyArray(ints, {2, 2}, ArrayElementType::Int32),
            "[[ -5 100]\n [  3   0]]");
  uint8_t flags[] = {1, 0};
  EXPECT_EQ(formatNumpyArray(flags, {2}, ArrayElementType::Bool),
            "[ True False]");
  EXPECT_EQ(formatNumpyArray(nullptr, {2, 0}, ArrayElementType::Int64), "[]");
}

} // namespace
