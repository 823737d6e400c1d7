//===- CommTest.cpp - A Session on a communicator the host passes ---------===//
//
// The ranks split into two groups (even and odd world ranks); each group
// runs its own Session on its communicator: arrays are split over the
// group's ranks only, and compilation and collectives stay inside it.
//
//===----------------------------------------------------------------------===//

#include "dac/dac.h"

#include <gtest/gtest.h>

namespace {

TEST(Comm, SessionOnASubCommunicator) {
  int worldRank = 0, worldSize = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &worldRank);
  MPI_Comm_size(MPI_COMM_WORLD, &worldSize);
  MPI_Comm group;
  MPI_Comm_split(MPI_COMM_WORLD, worldRank % 2, worldRank, &group);
  int groupSize = 1;
  MPI_Comm_size(group, &groupSize);
  {
    dac::Session session(group);
    EXPECT_EQ(session.size(), groupSize);
    // The groups compute different things at once (their own graphs,
    // compiled by their own rank 0).
    int64_t n = worldRank % 2 ? 1001 : 10;
    dac::Array a = dac::arange(0.0, static_cast<double>(n), 1.0);
    EXPECT_EQ(a.sum().item<double>(), n * (n - 1) / 2.0);
    dac::Array b = dac::arange(0.0, 23.0, 1.0, std::nullopt, {{"b"}, {}});
    int64_t mine = b.local_view<double>().size(), total = 0;
    MPI_Allreduce(&mine, &total, 1, MPI_INT64_T, MPI_SUM, group);
    EXPECT_EQ(total, 23);
    // A failed check is an exception in this group only.
    dac::Array k = a.argmax() + n;
    EXPECT_THROW(a(k).item<double>(), dac::Error);
    EXPECT_EQ((a * 2).max().item<double>(), 2.0 * (n - 1));
  }
  MPI_Comm_free(&group);
}

} // namespace
