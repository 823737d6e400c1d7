//===- Print.cpp - print() of compiled scripts ----------------------------===//
//
// Every rank formats the same pieces (so generated code need not branch on
// the rank), but only rank 0 writes them. The stdio buffer is flushed after
// every line: an abort started by another rank must not lose printed lines.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "dac/Runtime/FloatRepr.h"
#include "dac/Runtime/RuntimeABI.h"

#include <cstdio>
#include <string>

using namespace dac::rt;

namespace {
std::string &lineBuffer() {
  static std::string Buffer;
  return Buffer;
}
} // namespace

void detail::flushPrintBuffer() {
  std::string &buffer = lineBuffer();
  if (detail::worldRank() == 0 && !buffer.empty()) {
    std::fwrite(buffer.data(), 1, buffer.size(), stdout);
    std::fflush(stdout);
  }
  buffer.clear();
}

void detail::appendToPrintLine(const std::string &text) {
  lineBuffer() += text;
}

extern "C" void dac_rt_print_str(void *text, int64_t length) {
  detail::guard("dac_rt_print_str", [&] {
    if (length < 0 || (!text && length > 0))
      fatal("dac_rt_print_str: invalid string (length " +
            std::to_string(length) + ")");
    if (length > 0)
      lineBuffer().append(static_cast<const char *>(text),
                          static_cast<size_t>(length));
  });
}

extern "C" void dac_rt_print_f64(double value) {
  detail::guard("dac_rt_print_f64",
                [&] { lineBuffer() += formatPythonFloat(value); });
}

extern "C" void dac_rt_print_f32(float value) {
  detail::guard("dac_rt_print_f32",
                [&] { lineBuffer() += formatNumpyFloat32(value); });
}

extern "C" void dac_rt_print_i64(int64_t value) {
  detail::guard("dac_rt_print_i64",
                [&] { lineBuffer() += std::to_string(value); });
}

extern "C" void dac_rt_print_bool(int32_t value) {
  detail::guard("dac_rt_print_bool",
                [&] { lineBuffer() += value ? "True" : "False"; });
}

extern "C" void dac_rt_print_flush(void) {
  detail::guard("dac_rt_print_flush", [] { detail::flushPrintBuffer(); });
}
