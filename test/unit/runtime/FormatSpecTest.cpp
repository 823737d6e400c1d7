//===- FormatSpecTest.cpp - f-string format specs against Python ----------===//

#include "dac/Runtime/FormatSpec.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace dac::rt;

namespace {

struct FloatCase {
  double value;
  const char *spec;
  const char *expected;
};

struct IntCase {
  long long value;
  const char *spec;
  const char *expected;
};

#define FLOAT_CASE(V, S, E) {V, S, E},
#define INT_CASE(V, S, E)
const FloatCase kFloatCases[] = {
#include "FormatSpecExpectations.inc"
};
#undef FLOAT_CASE
#undef INT_CASE

#define FLOAT_CASE(V, S, E)
#define INT_CASE(V, S, E) {V, S, E},
const IntCase kIntCases[] = {
#include "FormatSpecExpectations.inc"
};
#undef FLOAT_CASE
#undef INT_CASE

TEST(FormatSpecTest, FloatsMatchPython) {
  for (const FloatCase &c : kFloatCases)
    EXPECT_EQ(formatFloat(c.value, c.spec), c.expected)
        << "format(" << c.value << ", '" << c.spec << "')";
}

TEST(FormatSpecTest, IntsMatchPython) {
  for (const IntCase &c : kIntCases)
    EXPECT_EQ(formatInt(c.value, c.spec), c.expected)
        << "format(" << c.value << ", '" << c.spec << "')";
}

TEST(FormatSpecTest, RejectsWhatPythonRejects) {
  EXPECT_THROW(formatFloat(1.0, "q"), std::invalid_argument);
  EXPECT_THROW(formatInt(1, ".2d"), std::invalid_argument);
  EXPECT_THROW(formatFloat(1.0, "."), std::invalid_argument);
}

} // namespace
