//===- MpiTestUtils.h - Helpers of the runtime's MPI tests -----*- C++ -*-===//
//
// The world's rank and size, and capturing what a piece of code writes to
// stdout (print() only writes on rank 0).
//
//===----------------------------------------------------------------------===//

#ifndef DAC_TEST_UNIT_RUNTIME_MPITESTUTILS_H
#define DAC_TEST_UNIT_RUNTIME_MPITESTUTILS_H

#include <mpi.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace dac::test {

inline int worldRank() {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank;
}

inline int worldSize() {
  int size = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return size;
}

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

} // namespace dac::test

#endif // DAC_TEST_UNIT_RUNTIME_MPITESTUTILS_H
