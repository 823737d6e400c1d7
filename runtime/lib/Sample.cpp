//===- Sample.cpp - Draws that are not one 64-bit draw per element --------===//
//
// Generator.integers, standard_normal/normal and random(dtype=float32)
// take their bits from the stream in ways the compiler's inline generator
// (element i = draw offset + i) cannot address:
//
//  * bounded integers reject a draw now and then (Lemire's method) and,
//    for ranges below 2^32, use the 32-bit halves of 64-bit draws;
//  * the ziggurat normal takes one draw 99% of the time and more otherwise;
//  * float32 uniforms take 32-bit halves.
//
// NumPy's PCG64 keeps the unused upper half of a 64-bit draw for the next
// 32-bit request (has_uint32/uinteger), so the stream state handed between
// operations is (64-bit draws taken, pending half or -1).
//
// The legacy np.random functions (RandomState on MT19937) come here too:
// MT19937 cannot jump ahead cheaply, and the polar method's normals come in
// pairs whose second one is kept (has_gauss/gauss). Their state is (32-bit
// words taken since seeding, the kept normal's bits or -1, the seed); the
// handle remembers where the last call left the generator, so a program
// walks the legacy stream once, not once per call.
//
// Where element k starts depends on the values before it, so every rank
// walks the stream from the operation's start through all elements and
// keeps the ones it owns: no communication, every rank ends with the same
// state, and the cost is the array's size on every rank (for uniform
// float32, gaps are skipped in O(log n) instead).
//
// The algorithms and their order of operations are NumPy's
// (numpy/random/src/distributions/distributions.c); any change breaks bit
// equality with the reference run.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "ExchangePlan.h"
#include "LayoutHandle.h"
#include "Ziggurat.h"
#include "dac/Runtime/Random.h"
#include "dac/Runtime/RuntimeABI.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

using namespace dac::rt;

namespace {

/// PCG64 as NumPy's bit generator sees it: the 64-bit stream plus the
/// pending upper half of the last 64-bit draw split for 32-bit requests.
/// (The three streams below share this interface: draws(), pending() for
/// the state word the stream keeps, next32/next64/nextDouble.)
class BitStream {
public:
  BitStream(const Pcg64 &seeded, int64_t draws, int64_t pending)
      : Generator(seeded), Draws(draws), Pending(pending) {
    Generator.advance(static_cast<UInt128>(draws));
  }

  uint64_t next64() {
    ++Draws;
    return Generator.nextU64();
  }
  double nextDouble() { return static_cast<double>(next64() >> 11) * 0x1p-53; }
  uint32_t next32() {
    if (Pending >= 0) {
      uint32_t half = static_cast<uint32_t>(Pending);
      Pending = -1;
      return half;
    }
    uint64_t next = next64();
    Pending = static_cast<int64_t>(next >> 32);
    return static_cast<uint32_t>(next);
  }
  /// Skips \p count 32-bit requests without producing them.
  void skip32(int64_t count) {
    if (count > 0 && Pending >= 0) {
      Pending = -1;
      --count;
    }
    Draws += count / 2;
    Generator.advance(static_cast<UInt128>(count / 2));
    if (count % 2)
      next32();
  }

  int64_t draws() const { return Draws; }
  int64_t &pending() { return Pending; }

private:
  Pcg64 Generator;
  int64_t Draws;
  int64_t Pending;
};

/// What a legacy handle remembers: the generator where the last call left
/// it (seed, words taken).
struct LegacyCursor {
  int64_t Seed = -1;
  int64_t Words = 0;
  Mt19937 Generator{0};
};

/// Every legacy handle handed out (the ABI has no destroy call).
std::vector<std::unique_ptr<LegacyCursor>> &legacyHandles() {
  static std::vector<std::unique_ptr<LegacyCursor>> All;
  return All;
}

bool isLegacy(const void *handle) {
  for (const auto &h : legacyHandles())
    if (h.get() == handle)
      return true;
  return false;
}

/// RandomState's MT19937 at (seed, words taken), with the kept normal in
/// `pending` (its bits, or -1).
class LegacyStream {
public:
  LegacyStream(LegacyCursor &cursor, int64_t seed, int64_t words,
               int64_t pending)
      : Cursor(cursor), Pending(pending) {
    if (Cursor.Seed != seed || Cursor.Words > words) {
      Cursor.Generator = Mt19937(static_cast<uint32_t>(seed));
      Cursor.Seed = seed;
      Cursor.Words = 0;
    }
    for (; Cursor.Words < words; ++Cursor.Words)
      Cursor.Generator.nextU32();
  }

  uint32_t next32() {
    ++Cursor.Words;
    return Cursor.Generator.nextU32();
  }
  uint64_t next64() {
    Cursor.Words += 2;
    return Cursor.Generator.nextU64();
  }
  double nextDouble() {
    Cursor.Words += 2;
    return Cursor.Generator.nextDouble();
  }
  int64_t draws() const { return Cursor.Words; }
  int64_t &pending() { return Pending; }

private:
  LegacyCursor &Cursor;
  int64_t Pending;
};

/// random_standard_normal: NumPy's 256-layer ziggurat.
template <typename Stream> double standardNormal(Stream &bits) {
  using namespace ziggurat;
  for (;;) {
    uint64_t r = bits.next64();
    int idx = static_cast<int>(r & 0xff);
    r >>= 8;
    uint64_t sign = r & 0x1;
    uint64_t rabs = (r >> 1) & 0x000fffffffffffffULL;
    double x = static_cast<double>(rabs) * NormalW[idx];
    if (sign)
      x = -x;
    if (rabs < NormalK[idx])
      return x;
    if (idx == 0) {
      // The tail beyond r (1 - U, so that log never sees 0).
      for (;;) {
        double xx = -NormalInvR * std::log1p(-bits.nextDouble());
        double yy = -std::log1p(-bits.nextDouble());
        if (yy + yy > xx * xx)
          return ((rabs >> 8) & 0x1) ? -(NormalR + xx) : NormalR + xx;
      }
    }
    if ((NormalF[idx - 1] - NormalF[idx]) * bits.nextDouble() + NormalF[idx] <
        std::exp(-0.5 * x * x))
      return x;
  }
}

/// legacy_gauss: the polar method; the second normal of a pair is kept.
template <typename Stream> double legacyGauss(Stream &bits) {
  if (bits.pending() != -1) {
    double kept;
    std::memcpy(&kept, &bits.pending(), sizeof kept);
    bits.pending() = -1;
    return kept;
  }
  double x1, x2, r2;
  do {
    x1 = 2.0 * bits.nextDouble() - 1.0;
    x2 = 2.0 * bits.nextDouble() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  double f = std::sqrt(-2.0 * std::log(r2) / r2);
  double kept = f * x1;
  std::memcpy(&bits.pending(), &kept, sizeof kept);
  return f * x2;
}

/// random_bounded_uint64 with masking (RandomState.randint): off + a value
/// in [0, range].
template <typename Stream>
uint64_t maskedInteger(Stream &bits, uint64_t off, uint64_t range) {
  if (range == 0)
    return off;
  uint64_t mask = range;
  for (unsigned shift = 1; shift < 64; shift *= 2)
    mask |= mask >> shift;
  if (range <= 0xFFFFFFFFULL) {
    if (range == 0xFFFFFFFFULL)
      return off + bits.next32();
    uint32_t value;
    while ((value = bits.next32() & static_cast<uint32_t>(mask)) > range)
      ;
    return off + value;
  }
  if (range == UINT64_MAX)
    return off + bits.next64();
  uint64_t value;
  while ((value = bits.next64() & mask) > range)
    ;
  return off + value;
}

/// random_bounded_uint64 without masking: off + a value in [0, range].
template <typename Stream>
uint64_t boundedInteger(Stream &bits, uint64_t off, uint64_t range) {
  if (range == 0)
    return off;
  if (range < 0xFFFFFFFFULL) {
    // buffered_bounded_lemire_uint32 (Lemire, arXiv:1805.10941).
    uint32_t excl = static_cast<uint32_t>(range) + 1;
    uint64_t m = static_cast<uint64_t>(bits.next32()) * excl;
    uint32_t leftover = static_cast<uint32_t>(m);
    if (leftover < excl) {
      uint32_t threshold = (UINT32_MAX - static_cast<uint32_t>(range)) % excl;
      while (leftover < threshold) {
        m = static_cast<uint64_t>(bits.next32()) * excl;
        leftover = static_cast<uint32_t>(m);
      }
    }
    return off + (m >> 32);
  }
  if (range == 0xFFFFFFFFULL)
    return off + bits.next32();
  if (range == UINT64_MAX)
    return off + bits.next64();
  // bounded_lemire_uint64.
  uint64_t excl = range + 1;
  UInt128 m = static_cast<UInt128>(bits.next64()) * excl;
  uint64_t leftover = static_cast<uint64_t>(m);
  if (leftover < excl) {
    uint64_t threshold = (UINT64_MAX - range) % excl;
    while (leftover < threshold) {
      m = static_cast<UInt128>(bits.next64()) * excl;
      leftover = static_cast<uint64_t>(m);
    }
  }
  return off + static_cast<uint64_t>(m >> 64);
}

/// Draws \p count elements of \p kind into \p out, one after the other
/// (null: drawn and dropped). The kind is dispatched once per call.
template <typename Stream>
void drawRun(Stream &bits, int64_t kind, uint64_t p0, uint64_t p1,
             int64_t count, char *out) {
  auto fill = [&](auto draw) {
    using T = decltype(draw());
    T *to = reinterpret_cast<T *>(out);
    for (int64_t i = 0; i < count; ++i) {
      T value = draw();
      if (to)
        std::memcpy(to + i, &value, sizeof value);
    }
  };
  switch (kind) {
  case DAC_RT_SAMPLE_LegacyUniform:
    return fill([&] { return bits.nextDouble(); });
  case DAC_RT_SAMPLE_LegacyGauss:
    return fill([&] { return legacyGauss(bits); });
  case DAC_RT_SAMPLE_LegacyIntegersInt64:
    return fill(
        [&] { return static_cast<int64_t>(maskedInteger(bits, p0, p1)); });
  case DAC_RT_SAMPLE_IntegersInt64:
    return fill(
        [&] { return static_cast<int64_t>(boundedInteger(bits, p0, p1)); });
  case DAC_RT_SAMPLE_IntegersInt32:
    return fill(
        [&] { return static_cast<int32_t>(boundedInteger(bits, p0, p1)); });
  case DAC_RT_SAMPLE_StandardNormal:
    return fill([&] { return standardNormal(bits); });
  case DAC_RT_SAMPLE_UniformFloat32:
    // next_float: the top 24 bits of a 32-bit request.
    return fill([&] {
      return static_cast<float>(bits.next32() >> 8) * (1.0f / 16777216.0f);
    });
  default:
    fatal("dac_rt_sample: unknown distribution code " + std::to_string(kind));
  }
}

int64_t elementBytes(int64_t kind) {
  return kind == DAC_RT_SAMPLE_IntegersInt32 ||
                 kind == DAC_RT_SAMPLE_UniformFloat32
             ? 4
             : 8;
}

bool isLegacyKind(int64_t kind) {
  return kind == DAC_RT_SAMPLE_LegacyUniform ||
         kind == DAC_RT_SAMPLE_LegacyGauss ||
         kind == DAC_RT_SAMPLE_LegacyIntegersInt64;
}

/// Consecutive elements a rank owns: `length` elements from C-order
/// position `global` of the whole array, at local index `local` on.
struct Run {
  int64_t global, local, length;
};

/// This rank's elements as runs in stream order (few: a block of leading
/// rows is one run, a block of columns one per row).
std::vector<Run> ownedRuns(const Layout &layout, int64_t rank) {
  unsigned dims = layout.rank();
  std::vector<Run> runs;
  if (dims == 0)
    return {{0, 0, 1}};
  // The outer dimensions' indices (the innermost one is handled apart).
  std::vector<std::vector<int64_t>> owned(dims - 1);
  std::vector<int64_t> strides(dims, 1);
  for (unsigned d = dims; d-- > 0;) {
    if (d + 1 < dims) {
      owned[d] = layout.ownedIndices(rank, d);
      if (owned[d].empty())
        return runs;
      strides[d] = strides[d + 1] * layout.shape()[d + 1];
    }
  }
  // The innermost dimension's consecutive indices, as (first, local, n):
  // one piece for a block (without listing its indices).
  std::vector<Run> inner;
  int64_t rowLength;
  const AxisMap &axis = layout.axis(dims - 1);
  DimKind kind = axis.distribution().kind;
  if (kind == DimKind::None || kind == DimKind::Block) {
    BlockRange range = axis.ownedRange(layout.coordAlong(rank, dims - 1));
    if (range.count == 0)
      return runs;
    inner.push_back({range.start, 0, range.count});
    rowLength = range.count;
  } else {
    std::vector<int64_t> last = layout.ownedIndices(rank, dims - 1);
    for (size_t i = 0; i < last.size(); ++i)
      if (!inner.empty() &&
          last[i] == inner.back().global + inner.back().length)
        ++inner.back().length;
      else
        inner.push_back({last[i], static_cast<int64_t>(i), 1});
    rowLength = static_cast<int64_t>(last.size());
    if (inner.empty())
      return runs;
  }
  std::vector<size_t> at(dims - 1, 0);
  int64_t row = 0;
  do {
    int64_t base = 0;
    for (unsigned d = 0; d + 1 < dims; ++d)
      base += owned[d][at[d]] * strides[d];
    for (const Run &piece : inner) {
      Run run{base + piece.global, row * rowLength + piece.local, piece.length};
      // Whole rows of a block of leading rows continue the previous run.
      bool continues = !runs.empty() &&
                       runs.back().global + runs.back().length == run.global &&
                       runs.back().local + runs.back().length == run.local;
      if (continues)
        runs.back().length += run.length;
      else
        runs.push_back(run);
    }
    ++row;
  } while (exchange::advance(at, dims - 1,
                             [&](size_t d) { return owned[d].size(); }));
  // An unsorted index list puts runs out of stream order.
  std::sort(runs.begin(), runs.end(),
            [](const Run &x, const Run &y) { return x.global < y.global; });
  return runs;
}

/// Draws the whole array from \p bits, storing this rank's elements.
template <typename Stream>
void walk(Stream &bits, int64_t kind, uint64_t p0, uint64_t p1,
          const detail::LayoutHandle &handle, char *out) {
  int64_t total = 1;
  for (int64_t extent : handle.Map.shape())
    total *= extent;
  int64_t bytes = elementBytes(kind);
  int64_t next = 0; // the next element of the stream
  auto skipTo = [&](int64_t element) {
    if constexpr (std::is_same_v<Stream, BitStream>)
      if (kind == DAC_RT_SAMPLE_UniformFloat32) {
        bits.skip32(element - next);
        next = element;
        return;
      }
    drawRun(bits, kind, p0, p1, element - next, nullptr);
    next = element;
  };
  for (const Run &run : ownedRuns(handle.Map, handle.Rank)) {
    skipTo(run.global);
    drawRun(bits, kind, p0, p1, run.length, out + run.local * bytes);
    next += run.length;
  }
  skipTo(total);
}

} // namespace

extern "C" void *dac_rt_legacy_create() {
  return detail::guard("dac_rt_legacy_create", [&] {
    legacyHandles().push_back(std::make_unique<LegacyCursor>());
    return static_cast<void *>(legacyHandles().back().get());
  });
}

extern "C" void dac_rt_sample(void *rngHandle, int64_t kind, int64_t param0,
                              int64_t param1, void *layoutHandle, void *dst,
                              void *state) {
  detail::guard("dac_rt_sample", [&] {
    if (!rngHandle || !state || isLegacyKind(kind) != isLegacy(rngHandle))
      fatal("dac_rt_sample: invalid arguments");
    const detail::LayoutHandle &handle =
        detail::getLayoutHandle(layoutHandle, "dac_rt_sample");
    int64_t *words = static_cast<int64_t *>(state);
    uint64_t p0 = static_cast<uint64_t>(param0),
             p1 = static_cast<uint64_t>(param1);
    char *out = static_cast<char *>(dst);
    auto finish = [&](auto &bits) {
      walk(bits, kind, p0, p1, handle, out);
      words[0] = bits.draws();
      words[1] = bits.pending();
    };
    if (isLegacyKind(kind)) {
      if (words[2] < 0 || words[2] > UINT32_MAX)
        fatal("ValueError: Seed must be between 0 and 2**32 - 1");
      LegacyStream bits(*static_cast<LegacyCursor *>(rngHandle), words[2],
                        words[0], words[1]);
      finish(bits);
    } else {
      BitStream bits(*static_cast<const Pcg64 *>(rngHandle), words[0],
                     words[1]);
      finish(bits);
    }
  });
}
