//===- PrintTest.cpp - print() through the runtime ------------------------===//
//
// Captures this process's stdout around the print calls: rank 0 must write
// the line exactly as Python would, every other rank nothing.
//
//===----------------------------------------------------------------------===//

#include "MpiTestUtils.h"
#include "dac/Runtime/RuntimeABI.h"

#include <gtest/gtest.h>
#include <mpi.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>

namespace {

using dac::test::captureStdout;

bool isRoot() {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank == 0;
}

void printStr(const char *text) {
  dac_rt_print_str(const_cast<char *>(text), int64_t(std::strlen(text)));
}

TEST(Print, OnlyRankZeroWritesTheLine) {
  std::string out = captureStdout([] {
    printStr("x = ");
    dac_rt_print_f64(1.5);
    printStr(" ");
    dac_rt_print_bool(1);
    printStr(" ");
    dac_rt_print_bool(0);
    printStr(" ");
    dac_rt_print_i64(-42);
    printStr(" ");
    dac_rt_print_f32(0.1f);
    printStr(" ");
    dac_rt_print_f64(1e20);
    printStr(" ");
    dac_rt_print_f64(std::numeric_limits<double>::quiet_NaN());
    printStr("\n");
    dac_rt_print_flush();
  });
  EXPECT_EQ(out, isRoot() ? "x = 1.5 True False -42 0.1 1e+20 nan\n" : "");
}

TEST(Print, FlushEmptiesTheBuffer) {
  std::string out = captureStdout([] {
    printStr("first\n");
    dac_rt_print_flush();
    dac_rt_print_flush();
    printStr("second\n");
    dac_rt_print_flush();
  });
  EXPECT_EQ(out, isRoot() ? "first\nsecond\n" : "");
}

TEST(Print, PiecesAreWrittenOnlyOnFlush) {
  std::string out = captureStdout([] { printStr("pending"); });
  EXPECT_EQ(out, "");
  out = captureStdout([] { dac_rt_print_flush(); });
  EXPECT_EQ(out, isRoot() ? "pending" : "");
}

TEST(Print, StringsAreLengthDelimited) {
  std::string out = captureStdout([] {
    dac_rt_print_str(const_cast<char *>("hello world"), 5);
    dac_rt_print_str(nullptr, 0);
    dac_rt_print_i64(std::numeric_limits<int64_t>::min());
    dac_rt_print_flush();
  });
  EXPECT_EQ(out, isRoot() ? "hello-9223372036854775808" : "");
}

} // namespace
