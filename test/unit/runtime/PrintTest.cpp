//===- PrintTest.cpp - print() through the runtime ------------------------===//
//
// Captures this process's stdout around the print calls: rank 0 must write
// the line exactly as Python would, every other rank nothing.
//
//===----------------------------------------------------------------------===//

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

/// What \p body writes to file descriptor 1.
template <typename Body> std::string captureStdout(Body body) {
  std::fflush(stdout);
  std::FILE *capture = std::tmpfile();
  int saved = dup(STDOUT_FILENO);
  dup2(fileno(capture), STDOUT_FILENO);
  body();
  std::fflush(stdout);
  dup2(saved, STDOUT_FILENO);
  close(saved);
  std::string text;
  std::rewind(capture);
  char chunk[256];
  size_t got;
  while ((got = std::fread(chunk, 1, sizeof(chunk), capture)) > 0)
    text.append(chunk, got);
  std::fclose(capture);
  return text;
}

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
