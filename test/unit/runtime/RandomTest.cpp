//===- RandomTest.cpp - SeedSequence, PCG64 and random-stream handles -----===//
//
// Bit-exact against NumPy 1.24 (RandomExpectations.inc), and jump-ahead
// against plain sequential generation.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Random.h"
#include "dac/Runtime/Layout.h"
#include "dac/Runtime/RuntimeABI.h"

#include <gtest/gtest.h>
#include <mpi.h>

#include <cstring>
#include <vector>

using namespace dac::rt;

namespace {

struct SeedCase {
  uint64_t Seed;
  std::array<uint32_t, 4> Pool;
  std::array<uint64_t, 4> Words;
  uint64_t StateHi, StateLo, IncHi, IncLo;
};

struct DrawCase {
  uint64_t Seed;
  uint64_t Position;
  uint64_t Raw;
  double Random;
};

const SeedCase SeedCases[] = {
#define SEED_CASE(Seed, P0, P1, P2, P3, W0, W1, W2, W3, StateHi, StateLo,      \
                  IncHi, IncLo)                                                \
  {Seed, {P0, P1, P2, P3}, {W0, W1, W2, W3}, StateHi, StateLo, IncHi, IncLo},
#define DRAW_CASE(Seed, Position, Raw, Random)
#define MT_CASE(Seed, Position, Word)
#include "RandomExpectations.inc"
#undef SEED_CASE
#undef DRAW_CASE
#undef MT_CASE
};

const DrawCase DrawCases[] = {
#define SEED_CASE(...)
#define DRAW_CASE(Seed, Position, Raw, Random) {Seed, Position, Raw, Random},
#define MT_CASE(Seed, Position, Word)
#include "RandomExpectations.inc"
#undef SEED_CASE
#undef DRAW_CASE
#undef MT_CASE
};

struct MtCase {
  uint32_t Seed;
  int64_t Position;
  uint32_t Word;
};

const MtCase MtCases[] = {
#define SEED_CASE(...)
#define DRAW_CASE(...)
#define MT_CASE(Seed, Position, Word) {Seed, Position, Word},
#include "RandomExpectations.inc"
#undef SEED_CASE
#undef DRAW_CASE
#undef MT_CASE
};

uint64_t bitsOf(double value) {
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  return bits;
}

/// Generator state as written by dac_rt_rng_state_at.
Pcg64 fromWords(const uint64_t words[4]) {
  return Pcg64::fromRawState(makeUInt128(words[0], words[1]),
                             makeUInt128(words[2], words[3]));
}

TEST(SeedSequence, MatchesNumPy) {
  for (const SeedCase &c : SeedCases) {
    SCOPED_TRACE(c.Seed);
    SeedSequence seq(c.Seed);
    EXPECT_EQ(seq.pool(), c.Pool);
    std::vector<uint64_t> words = seq.generateState64(4);
    EXPECT_EQ(words, std::vector<uint64_t>(c.Words.begin(), c.Words.end()));
  }
}

TEST(SeedSequence, State64PairsState32Words) {
  SeedSequence seq(2024);
  std::vector<uint32_t> halves = seq.generateState32(6);
  std::vector<uint64_t> words = seq.generateState64(3);
  for (size_t i = 0; i < words.size(); ++i)
    EXPECT_EQ(words[i], halves[2 * i] | uint64_t(halves[2 * i + 1]) << 32);
}

TEST(SeedSequence, IntegerEntropyIsLittleEndianWords) {
  EXPECT_EQ(SeedSequence(0).pool(),
            SeedSequence(std::vector<uint32_t>{0}).pool());
  EXPECT_EQ(SeedSequence((uint64_t(1) << 32) + 5).pool(),
            SeedSequence(std::vector<uint32_t>{5, 1}).pool());
}

TEST(Pcg64, SeedingMatchesNumPy) {
  for (const SeedCase &c : SeedCases) {
    SCOPED_TRACE(c.Seed);
    Pcg64 generator = Pcg64::fromSeed(c.Seed);
    EXPECT_EQ(uint64_t(generator.state() >> 64), c.StateHi);
    EXPECT_EQ(uint64_t(generator.state()), c.StateLo);
    EXPECT_EQ(uint64_t(generator.increment() >> 64), c.IncHi);
    EXPECT_EQ(uint64_t(generator.increment()), c.IncLo);
  }
}

TEST(Pcg64, DrawsMatchNumPy) {
  for (const DrawCase &c : DrawCases) {
    SCOPED_TRACE(testing::Message()
                 << "seed " << c.Seed << " draw " << c.Position);
    Pcg64 raw = Pcg64::fromSeed(c.Seed);
    raw.advance(c.Position);
    EXPECT_EQ(raw.nextU64(), c.Raw);
    Pcg64 real = Pcg64::fromSeed(c.Seed);
    real.advance(c.Position);
    EXPECT_EQ(bitsOf(real.nextDouble()), bitsOf(c.Random));
  }
}

TEST(Mt19937, LegacySeedingAndWordsMatchNumPy) {
  for (const MtCase &c : MtCases) {
    SCOPED_TRACE(testing::Message()
                 << "seed " << c.Seed << " word " << c.Position);
    Mt19937 generator(c.Seed);
    for (int64_t i = 0; i < c.Position; ++i)
      generator.nextU32();
    EXPECT_EQ(generator.nextU32(), c.Word);
  }
}

TEST(Pcg64, AdvanceEqualsSequentialSteps) {
  Pcg64 sequential = Pcg64::fromSeed(42);
  const uint64_t checkpoints[] = {0, 1, 2, 3, 7, 64, 1000, 65537, 1000007};
  uint64_t position = 0;
  for (uint64_t checkpoint : checkpoints) {
    for (; position < checkpoint; ++position)
      sequential.nextU64();
    Pcg64 jumped = Pcg64::fromSeed(42);
    jumped.advance(checkpoint);
    EXPECT_EQ(jumped.state(), sequential.state()) << "at " << checkpoint;
  }
}

TEST(Pcg64, AdvanceComposes) {
  Pcg64 once = Pcg64::fromSeed(7);
  once.advance(makeUInt128(3, 123456789));
  Pcg64 twice = Pcg64::fromSeed(7);
  twice.advance(makeUInt128(1, 123456000));
  twice.advance(makeUInt128(2, 789));
  EXPECT_EQ(once.state(), twice.state());
}

TEST(RngAbi, StateAtThenStepYieldsThatDraw) {
  for (const DrawCase &c : DrawCases) {
    if (c.Seed > uint64_t(INT64_MAX) || c.Position > uint64_t(INT64_MAX))
      continue;
    SCOPED_TRACE(testing::Message()
                 << "seed " << c.Seed << " draw " << c.Position);
    void *handle = dac_rt_rng_create(int64_t(c.Seed));
    uint64_t words[4];
    dac_rt_rng_state_at(handle, int64_t(c.Position), words);
    Pcg64 generator = fromWords(words);
    EXPECT_EQ(bitsOf(generator.nextDouble()), bitsOf(c.Random));
  }
}

TEST(RngAbi, StateAtZeroIsTheSeededState) {
  void *handle = dac_rt_rng_create(12345);
  uint64_t words[4];
  dac_rt_rng_state_at(handle, 0, words);
  Pcg64 seeded = Pcg64::fromSeed(12345);
  EXPECT_EQ(fromWords(words).state(), seeded.state());
  EXPECT_EQ(fromWords(words).increment(), seeded.increment());
}

TEST(RngAbi, HandlesAreIndependent) {
  void *first = dac_rt_rng_create(1);
  void *second = dac_rt_rng_create(1);
  EXPECT_NE(first, second);
  uint64_t a[4], b[4];
  dac_rt_rng_state_at(first, 5, a);
  dac_rt_rng_state_at(first, 9, a); // state_at never moves the handle
  dac_rt_rng_state_at(second, 9, b);
  EXPECT_EQ(std::vector<uint64_t>(a, a + 4), std::vector<uint64_t>(b, b + 4));
}

// Tests the intended use: every rank generates its block of one global
// stream from state_at, and together they reproduce the sequential stream.
TEST(RngAbi, BlocksOfAStreamTileTheSequentialStream) {
  const int64_t total = 1001;
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  BlockRange mine = blockRange(total, size, rank);
  void *handle = dac_rt_rng_create(2024);
  uint64_t words[4];
  dac_rt_rng_state_at(handle, mine.start, words);
  Pcg64 generator = fromWords(words);
  std::vector<double> local(mine.count);
  for (double &value : local)
    value = generator.nextDouble();

  std::vector<int> counts(size), displs(size);
  for (int r = 0; r < size; ++r) {
    BlockRange range = blockRange(total, size, r);
    counts[r] = int(range.count);
    displs[r] = int(range.start);
  }
  std::vector<double> global(total);
  MPI_Allgatherv(local.data(), int(local.size()), MPI_DOUBLE, global.data(),
                 counts.data(), displs.data(), MPI_DOUBLE, MPI_COMM_WORLD);
  Pcg64 sequential = Pcg64::fromSeed(2024);
  for (int64_t i = 0; i < total; ++i)
    ASSERT_EQ(bitsOf(global[i]), bitsOf(sequential.nextDouble())) << i;
}

} // namespace
