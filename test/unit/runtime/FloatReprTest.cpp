//===- FloatReprTest.cpp - Python's and NumPy's float text ----------------===//
//
// Every value of FloatReprExpectations.inc must print exactly as Python 3
// and NumPy 1.24 printed it.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/FloatRepr.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace dac::rt;

namespace {

struct F64Case {
  uint64_t Bits;
  const char *Text;
};

struct F32Case {
  uint32_t Bits;
  const char *Text;
};

const F64Case F64Cases[] = {
#define F64_CASE(Bits, Text) {Bits, Text},
#define F32_CASE(Bits, Text)
#include "FloatReprExpectations.inc"
#undef F64_CASE
#undef F32_CASE
};

const F32Case F32Cases[] = {
#define F64_CASE(Bits, Text)
#define F32_CASE(Bits, Text) {Bits, Text},
#include "FloatReprExpectations.inc"
#undef F64_CASE
#undef F32_CASE
};

template <typename Float, typename Bits> Float fromBits(Bits bits) {
  static_assert(sizeof(Float) == sizeof(Bits));
  Float value;
  std::memcpy(&value, &bits, sizeof(value));
  return value;
}

TEST(FloatRepr, PythonFloatMatchesPython) {
  for (const F64Case &c : F64Cases)
    EXPECT_EQ(formatPythonFloat(fromBits<double>(c.Bits)), c.Text)
        << "bits 0x" << std::hex << c.Bits;
}

TEST(FloatRepr, NumpyFloat32MatchesNumPy) {
  for (const F32Case &c : F32Cases)
    EXPECT_EQ(formatNumpyFloat32(fromBits<float>(c.Bits)), c.Text)
        << "bits 0x" << std::hex << c.Bits;
}

TEST(FloatRepr, NotationBoundaries) {
  EXPECT_EQ(formatPythonFloat(1e-4), "0.0001");
  EXPECT_EQ(formatPythonFloat(1e-5), "1e-05");
  EXPECT_EQ(formatPythonFloat(1e16), "1e+16");
  EXPECT_EQ(formatPythonFloat(1234567890123456.0), "1234567890123456.0");
  EXPECT_EQ(formatPythonFloat(1e100), "1e+100");
  EXPECT_EQ(formatPythonFloat(-0.0), "-0.0");
  // np.float32(0.0001) is just below 1e-4, so NumPy switches notation.
  EXPECT_EQ(formatNumpyFloat32(1e-4f), "1e-04");
  EXPECT_EQ(formatNumpyFloat32(123456789.0f), "123456790.0");
  EXPECT_EQ(formatNumpyFloat32(0.1f), "0.1");
}

} // namespace
