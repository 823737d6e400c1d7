//===- Random.cpp - NumPy's SeedSequence, PCG64 and MT19937 ---------------===//
//
// Transcribed from numpy/random/bit_generator.pyx (SeedSequence),
// numpy/random/src/pcg64 (PCG64) and numpy/random/src/mt19937 (the legacy
// Mersenne Twister); constants and order of operations must stay exactly
// NumPy's, or streams stop matching the reference run.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Random.h"

using namespace dac::rt;

namespace {

constexpr uint32_t InitA = 0x43b0d7e5;
constexpr uint32_t MultA = 0x931e8875;
constexpr uint32_t InitB = 0x8b51f9dd;
constexpr uint32_t MultB = 0x58f38ded;
constexpr uint32_t MixMultL = 0xca01f9dd;
constexpr uint32_t MixMultR = 0x4973f715;
constexpr unsigned XShift = 16;

/// SeedSequence's hashmix, whose multiplier evolves with every call.
class HashMix {
public:
  uint32_t operator()(uint32_t value) {
    value ^= Constant;
    Constant *= MultA;
    value *= Constant;
    value ^= value >> XShift;
    return value;
  }

private:
  uint32_t Constant = InitA;
};

uint32_t mix(uint32_t x, uint32_t y) {
  uint32_t result = MixMultL * x - MixMultR * y;
  return result ^ (result >> XShift);
}

/// NumPy's _int_to_uint32_array: little-endian words, at least one.
std::vector<uint32_t> entropyWords(uint64_t entropy) {
  std::vector<uint32_t> words;
  do {
    words.push_back(static_cast<uint32_t>(entropy));
    entropy >>= 32;
  } while (entropy != 0);
  return words;
}

} // namespace

SeedSequence::SeedSequence(uint64_t entropy)
    : SeedSequence(entropyWords(entropy)) {}

SeedSequence::SeedSequence(const std::vector<uint32_t> &entropyWords) {
  HashMix hash;
  for (size_t i = 0; i < PoolSize; ++i)
    Pool[i] = hash(i < entropyWords.size() ? entropyWords[i] : 0);
  // Mix every pool word into every other, so late words affect early ones.
  for (size_t src = 0; src < PoolSize; ++src)
    for (size_t dst = 0; dst < PoolSize; ++dst)
      if (src != dst)
        Pool[dst] = mix(Pool[dst], hash(Pool[src]));
  // Entropy beyond the pool size is folded into every pool word.
  for (size_t src = PoolSize; src < entropyWords.size(); ++src)
    for (size_t dst = 0; dst < PoolSize; ++dst)
      Pool[dst] = mix(Pool[dst], hash(entropyWords[src]));
}

std::vector<uint32_t> SeedSequence::generateState32(size_t numWords) const {
  std::vector<uint32_t> state(numWords);
  uint32_t hashConstant = InitB;
  for (size_t i = 0; i < numWords; ++i) {
    uint32_t value = Pool[i % PoolSize];
    value ^= hashConstant;
    hashConstant *= MultB;
    value *= hashConstant;
    value ^= value >> XShift;
    state[i] = value;
  }
  return state;
}

std::vector<uint64_t> SeedSequence::generateState64(size_t numWords) const {
  std::vector<uint32_t> halves = generateState32(2 * numWords);
  std::vector<uint64_t> state(numWords);
  for (size_t i = 0; i < numWords; ++i)
    state[i] = halves[2 * i] | (static_cast<uint64_t>(halves[2 * i + 1]) << 32);
  return state;
}

Pcg64::Pcg64(UInt128 initState, UInt128 initSeq)
    : State(0), Increment((initSeq << 1) | 1) {
  step();
  State += initState;
  step();
}

Pcg64 Pcg64::fromSeed(uint64_t seed) {
  return fromSeedSequence(SeedSequence(seed));
}

Pcg64 Pcg64::fromSeedSequence(const SeedSequence &seq) {
  std::vector<uint64_t> words = seq.generateState64(4);
  return Pcg64(makeUInt128(words[0], words[1]),
               makeUInt128(words[2], words[3]));
}

Pcg64 Pcg64::fromRawState(UInt128 state, UInt128 increment) {
  return Pcg64(state, increment, /*raw=*/0);
}

uint64_t Pcg64::output(UInt128 state) {
  uint64_t hi = static_cast<uint64_t>(state >> 64);
  uint64_t bits = hi ^ static_cast<uint64_t>(state);
  unsigned rotation = static_cast<unsigned>(hi >> 58);
  return (bits >> rotation) | (bits << ((64 - rotation) & 63));
}

void Pcg64::advance(UInt128 delta) {
  // Compose `delta` LCG steps x -> m*x + c by repeated squaring of the map.
  UInt128 stepMult = Multiplier, stepPlus = Increment;
  UInt128 accMult = 1, accPlus = 0;
  while (delta != 0) {
    if (delta & 1) {
      accMult *= stepMult;
      accPlus = accPlus * stepMult + stepPlus;
    }
    stepPlus = (stepMult + 1) * stepPlus;
    stepMult *= stepMult;
    delta >>= 1;
  }
  State = accMult * State + accPlus;
}

namespace {
constexpr int MtShift = 397;
constexpr uint32_t MtMatrix = 0x9908b0dfU;
constexpr uint32_t MtUpper = 0x80000000U;
constexpr uint32_t MtLower = 0x7fffffffU;
} // namespace

Mt19937::Mt19937(uint32_t seed) {
  // Knuth's multiplier, as the reference implementation's init_genrand.
  for (int i = 0; i < StateWords; ++i) {
    Key[i] = seed;
    seed = 1812433253U * (seed ^ (seed >> 30)) + static_cast<uint32_t>(i) + 1;
  }
  Pos = StateWords;
}

void Mt19937::regenerate() {
  auto twist = [&](int i, int next, int far) {
    uint32_t y = (Key[i] & MtUpper) | (Key[next] & MtLower);
    Key[i] = Key[far] ^ (y >> 1) ^ (-(y & 1) & MtMatrix);
  };
  int i = 0;
  for (; i < StateWords - MtShift; ++i)
    twist(i, i + 1, i + MtShift);
  for (; i < StateWords - 1; ++i)
    twist(i, i + 1, i + MtShift - StateWords);
  twist(StateWords - 1, 0, MtShift - 1);
  Pos = 0;
}
