//===- SessionMain.cpp - A host program for check_session.sh --------------===//
//
// Prints what NumPy's twin in check_session.sh prints, then the JIT's
// counters (`jit <compilations> <disk hits>`), so that the script can check
// printing and the disk cache across processes.
//
//===----------------------------------------------------------------------===//

#include "dac/dac.h"

int main(int argc, char **argv) {
  dac::Session s(argc, argv);
  dac::Array a = dac::arange(6.0) * 0.5;
  dac::Array i = dac::arange(4);
  s.print("a:", a, a.sum(), true, 3, 1e-7);
  s.print(i(dac::slice(dac::none, dac::none, -1)),
          i.astype(dac::DType::Float32) / 3);
  s.print("braces {x}", a.max());
  dac::JitStats stats = s.stats();
  s.print("jit", stats.compilations, stats.disk_hits);
}
