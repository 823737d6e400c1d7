//===- CommTest.cpp - Start-up, world communicator, reductions, clock -----===//
//
// Run at 1 to 4 ranks; every expectation is computed from the rank count.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/RuntimeABI.h"

#include <gtest/gtest.h>
#include <mpi.h>

#include <cmath>
#include <limits>
#include <vector>

namespace {

int worldRank() {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank;
}

int worldSize() {
  int size = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return size;
}

const double NaN = std::numeric_limits<double>::quiet_NaN();
const double Inf = std::numeric_limits<double>::infinity();

// Tests that init/finalize leave alone an MPI the host initialised.
TEST(Init, LeavesHostOwnedMpiRunning) {
  dac_rt_init(DAC_RT_ABI_VERSION, 0, nullptr);
  dac_rt_finalize();
  int finalised = 1;
  MPI_Finalized(&finalised);
  EXPECT_FALSE(finalised);
  // The runtime still works afterwards.
  EXPECT_EQ(dac_rt_allreduce_i64(1, DAC_RT_REDUCE_Sum), worldSize());
}

TEST(Comm, RankAndSize) {
  EXPECT_EQ(dac_rt_comm_rank(), worldRank());
  EXPECT_EQ(dac_rt_comm_size(), worldSize());
}

TEST(Allreduce, F64) {
  int rank = worldRank(), size = worldSize();
  double value = rank + 1.5;
  double sum = 0, prod = 1;
  for (int r = 0; r < size; ++r) {
    sum += r + 1.5;
    prod *= r + 1.5;
  }
  EXPECT_EQ(dac_rt_allreduce_f64(value, DAC_RT_REDUCE_Sum), sum);
  EXPECT_EQ(dac_rt_allreduce_f64(value, DAC_RT_REDUCE_Prod), prod);
  EXPECT_EQ(dac_rt_allreduce_f64(value, DAC_RT_REDUCE_Min), 1.5);
  EXPECT_EQ(dac_rt_allreduce_f64(value, DAC_RT_REDUCE_Max), size + 0.5);
  EXPECT_EQ(dac_rt_allreduce_f64(rank == 0 ? -Inf : 1.0, DAC_RT_REDUCE_Min),
            -Inf);
}

TEST(Allreduce, F32) {
  int rank = worldRank(), size = worldSize();
  float value = rank + 0.25f;
  float sum = 0, prod = 1;
  for (int r = 0; r < size; ++r) {
    sum += r + 0.25f;
    prod *= r + 0.25f;
  }
  EXPECT_FLOAT_EQ(dac_rt_allreduce_f32(value, DAC_RT_REDUCE_Sum), sum);
  EXPECT_FLOAT_EQ(dac_rt_allreduce_f32(value, DAC_RT_REDUCE_Prod), prod);
  EXPECT_EQ(dac_rt_allreduce_f32(value, DAC_RT_REDUCE_Min), 0.25f);
  EXPECT_EQ(dac_rt_allreduce_f32(value, DAC_RT_REDUCE_Max), size - 0.75f);
}

TEST(Allreduce, I64) {
  int rank = worldRank(), size = worldSize();
  const int64_t big = int64_t(1) << 40;
  int64_t sum = 0, prod = 1;
  for (int r = 0; r < size; ++r) {
    sum += big * (r + 1);
    prod *= -(r + 2);
  }
  EXPECT_EQ(dac_rt_allreduce_i64(big * (rank + 1), DAC_RT_REDUCE_Sum), sum);
  EXPECT_EQ(dac_rt_allreduce_i64(-(rank + 2), DAC_RT_REDUCE_Prod), prod);
  EXPECT_EQ(dac_rt_allreduce_i64(-big * rank, DAC_RT_REDUCE_Min),
            -big * (size - 1));
  EXPECT_EQ(dac_rt_allreduce_i64(-big * rank, DAC_RT_REDUCE_Max), 0);
}

// Tests np.all / np.any semantics: results are 0 or 1, NaN is true.
TEST(Allreduce, LogicalOps) {
  int rank = worldRank(), size = worldSize();
  bool lastOnly = rank == size - 1;
  EXPECT_EQ(dac_rt_allreduce_i64(lastOnly ? 7 : 0, DAC_RT_REDUCE_Or), 1);
  EXPECT_EQ(dac_rt_allreduce_i64(lastOnly ? 7 : 0, DAC_RT_REDUCE_And),
            size == 1 ? 1 : 0);
  EXPECT_EQ(dac_rt_allreduce_i64(-3, DAC_RT_REDUCE_And), 1);
  EXPECT_EQ(dac_rt_allreduce_i64(0, DAC_RT_REDUCE_Or), 0);
  EXPECT_EQ(dac_rt_allreduce_f64(NaN, DAC_RT_REDUCE_And), 1.0);
  EXPECT_EQ(dac_rt_allreduce_f64(lastOnly ? 0.5 : 0.0, DAC_RT_REDUCE_Or), 1.0);
  EXPECT_EQ(dac_rt_allreduce_f64(lastOnly ? 0.0 : 2.0, DAC_RT_REDUCE_And), 0.0);
  EXPECT_EQ(dac_rt_allreduce_f32(lastOnly ? 0.5f : 0.0f, DAC_RT_REDUCE_Or),
            1.0f);
  EXPECT_EQ(dac_rt_allreduce_f32(0.0f, DAC_RT_REDUCE_And), 0.0f);
}

// Tests that a NaN on any one rank makes min and max NaN, as np.min does.
TEST(Allreduce, NaNPropagatesThroughMinMax) {
  int rank = worldRank(), size = worldSize();
  for (int nanRank = 0; nanRank < size; ++nanRank) {
    SCOPED_TRACE(nanRank);
    double value = rank == nanRank ? NaN : double(rank);
    EXPECT_TRUE(std::isnan(dac_rt_allreduce_f64(value, DAC_RT_REDUCE_Min)));
    EXPECT_TRUE(std::isnan(dac_rt_allreduce_f64(value, DAC_RT_REDUCE_Max)));
    float single = rank == nanRank ? NAN : float(rank);
    EXPECT_TRUE(std::isnan(dac_rt_allreduce_f32(single, DAC_RT_REDUCE_Min)));
    EXPECT_TRUE(std::isnan(dac_rt_allreduce_f32(single, DAC_RT_REDUCE_Max)));
  }
  EXPECT_EQ(dac_rt_allreduce_f64(-double(rank), DAC_RT_REDUCE_Min),
            -double(size - 1));
}

// Tests that every rank reads the same clock and that it advances.
TEST(Time, SameOnEveryRankAndMonotonic) {
  double first = dac_rt_time_now();
  std::vector<double> all(worldSize());
  MPI_Allgather(&first, 1, MPI_DOUBLE, all.data(), 1, MPI_DOUBLE,
                MPI_COMM_WORLD);
  for (double t : all)
    EXPECT_EQ(t, first);
  EXPECT_GE(dac_rt_time_now(), first);
}

} // namespace
