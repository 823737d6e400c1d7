//===- MpiMain.cpp - GoogleTest main for tests run under mpiexec ----------===//
//
// Every rank runs every test. Rank 0 prints GoogleTest's usual report; the
// other ranks print only their failures, tagged with the rank. The exit
// status is the same on all ranks and fails if any rank failed, so that
// mpiexec and ctest see the verdict of the whole job.
//
//===----------------------------------------------------------------------===//

#include <gtest/gtest.h>
#include <mpi.h>

#include <cstdio>
#include <string>

namespace {

/// Owns MPI for the test binary: initialises it and finalises it on exit.
class MpiEnvironment {
public:
  MpiEnvironment(int &argc, char **&argv) {
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &Rank);
  }
  ~MpiEnvironment() { MPI_Finalize(); }
  MpiEnvironment(const MpiEnvironment &) = delete;
  MpiEnvironment &operator=(const MpiEnvironment &) = delete;

  int rank() const { return Rank; }

  /// The verdict of all ranks: non-zero when any rank's \p status is.
  int agree(int status) const {
    int worst = 0;
    MPI_Allreduce(&status, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return worst;
  }

private:
  int Rank = 0;
};

/// Reports the failed assertions of a rank other than 0 on stderr.
class RankFailurePrinter : public ::testing::EmptyTestEventListener {
public:
  explicit RankFailurePrinter(int rank) : Rank(rank) {}

  // The test's name is kept here: asking UnitTest for the current test from
  // OnTestPartResult would deadlock on GoogleTest's own lock.
  void OnTestStart(const ::testing::TestInfo &test) override {
    TestName = std::string(test.test_suite_name()) + "." + test.name();
  }

  void OnTestPartResult(const ::testing::TestPartResult &result) override {
    if (!result.failed())
      return;
    std::fprintf(stderr, "[rank %d] %s: %s:%d: Failure\n%s\n", Rank,
                 TestName.c_str(),
                 result.file_name() ? result.file_name() : "?",
                 result.line_number(), result.message());
    std::fflush(stderr);
  }

private:
  int Rank;
  std::string TestName = "(no test)";
};

} // namespace

int main(int argc, char **argv) {
  MpiEnvironment mpi(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  if (mpi.rank() != 0) {
    ::testing::TestEventListeners &listeners =
        ::testing::UnitTest::GetInstance()->listeners();
    delete listeners.Release(listeners.default_result_printer());
    listeners.Append(new RankFailurePrinter(mpi.rank()));
  }
  int status = RUN_ALL_TESTS();
  int verdict = mpi.agree(status);
  if (mpi.rank() == 0 && status == 0 && verdict != 0)
    std::printf("[  FAILED  ] on another rank: see the [rank N] lines on "
                "stderr\n");
  return verdict;
}
