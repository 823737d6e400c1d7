//===- Random.h - NumPy's SeedSequence and PCG64 ---------------*- C++ -*-===//
//
// np.random.default_rng(seed) bit for bit: SeedSequence turns the seed into
// PCG64's 128-bit state and increment. The runtime only seeds and jumps
// ahead (so every rank can start at its first element of a global stream);
// compiled code generates the numbers inline with the same step and output.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_RANDOM_H
#define DAC_RUNTIME_RANDOM_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dac::rt {

__extension__ typedef unsigned __int128 UInt128;

/// Builds a 128-bit value from its two 64-bit halves.
constexpr UInt128 makeUInt128(uint64_t hi, uint64_t lo) {
  return (static_cast<UInt128>(hi) << 64) | lo;
}

/// NumPy's SeedSequence without spawn keys (numpy/random/bit_generator.pyx).
class SeedSequence {
public:
  static constexpr size_t PoolSize = 4;

  /// SeedSequence(entropy) for a non-negative integer: the entropy enters as
  /// its little-endian 32-bit words (0 is the single word 0).
  explicit SeedSequence(uint64_t entropy);
  /// SeedSequence of an explicit list of 32-bit entropy words.
  explicit SeedSequence(const std::vector<uint32_t> &entropyWords);

  /// The mixed entropy pool (SeedSequence.pool).
  const std::array<uint32_t, PoolSize> &pool() const { return Pool; }

  /// generate_state(n, np.uint32).
  std::vector<uint32_t> generateState32(size_t numWords) const;
  /// generate_state(n, np.uint64): pairs of 32-bit words, low word first.
  std::vector<uint64_t> generateState64(size_t numWords) const;

private:
  std::array<uint32_t, PoolSize> Pool;
};

/// NumPy's PCG64: the 128-bit LCG "setseq" variant with XSL-RR output.
class Pcg64 {
public:
  /// PCG_DEFAULT_MULTIPLIER_128, in halves: also what the compiler's
  /// inline generator multiplies by (the one home of the constant).
  static constexpr uint64_t MultiplierHi = 0x2360ED051FC65DA4ULL;
  static constexpr uint64_t MultiplierLo = 0x4385DF649FCCF645ULL;
  static constexpr UInt128 Multiplier = makeUInt128(MultiplierHi, MultiplierLo);

  /// pcg_setseq_128_srandom_r(initState, initSeq).
  Pcg64(UInt128 initState, UInt128 initSeq);

  /// The generator of np.random.default_rng(seed).
  static Pcg64 fromSeed(uint64_t seed);
  /// The generator of a SeedSequence (PCG64(seed_sequence)).
  static Pcg64 fromSeedSequence(const SeedSequence &seq);
  /// A generator with exactly this raw state and (odd) increment, as in
  /// bit_generator.state = {'state': {'state': s, 'inc': i}}.
  static Pcg64 fromRawState(UInt128 state, UInt128 increment);

  UInt128 state() const { return State; }
  UInt128 increment() const { return Increment; }

  /// One LCG step: state = state * Multiplier + increment.
  void step() { State = State * Multiplier + Increment; }
  /// XSL-RR: rotate (hi ^ lo) right by the top 6 bits of the state.
  static uint64_t output(UInt128 state);

  /// The next 64-bit draw (bit_generator.random_raw()): step, then output.
  uint64_t nextU64() {
    step();
    return output(State);
  }
  /// The next double in [0, 1) (Generator.random()): the top 53 bits.
  double nextDouble() { return static_cast<double>(nextU64() >> 11) * 0x1p-53; }

  /// Moves the stream as if \p delta draws had been made, in O(log delta)
  /// (Brown, "Random number generation with arbitrary strides", 1994).
  void advance(UInt128 delta);

private:
  Pcg64(UInt128 state, UInt128 increment, int /*raw*/)
      : State(state), Increment(increment) {}

  UInt128 State;
  UInt128 Increment;
};

/// NumPy's legacy bit generator (np.random.seed / RandomState): the
/// Mersenne Twister MT19937 with the reference implementation's seeding.
class Mt19937 {
public:
  static constexpr int StateWords = 624;

  /// np.random.seed(seed) for an integer in [0, 2^32).
  explicit Mt19937(uint32_t seed);

  /// The next tempered 32-bit word.
  uint32_t nextU32() {
    if (Pos == StateWords)
      regenerate();
    uint32_t y = Key[Pos++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
  }
  /// Two words, the first one high (next_uint64).
  uint64_t nextU64() {
    uint64_t hi = nextU32();
    return (hi << 32) | nextU32();
  }
  /// 53 bits from two words: 27 of the first, 26 of the second
  /// (random_sample).
  double nextDouble() {
    int32_t a = static_cast<int32_t>(nextU32() >> 5),
            b = static_cast<int32_t>(nextU32() >> 6);
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

private:
  /// Refills the 624 words of state (the twist).
  void regenerate();

  std::array<uint32_t, StateWords> Key;
  int Pos;
};

} // namespace dac::rt

#endif // DAC_RUNTIME_RANDOM_H
