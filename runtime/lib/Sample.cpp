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
#include <numeric>
#include <string>
#include <vector>

using namespace dac::rt;

namespace {

/// PCG64 as NumPy's bit generator sees it: the 64-bit stream plus the
/// pending upper half of the last 64-bit draw split for 32-bit requests.
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
  int64_t pending() const { return Pending; }

private:
  Pcg64 Generator;
  int64_t Draws;
  int64_t Pending;
};

/// random_standard_normal: NumPy's 256-layer ziggurat.
double standardNormal(BitStream &bits) {
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

/// random_bounded_uint64 without masking: off + a value in [0, range].
uint64_t boundedInteger(BitStream &bits, uint64_t off, uint64_t range) {
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

/// Draws one element of \p kind into \p out (null: drawn and dropped).
void drawOne(BitStream &bits, int64_t kind, uint64_t p0, uint64_t p1,
             char *out) {
  switch (kind) {
  case DAC_RT_SAMPLE_IntegersInt64: {
    int64_t v = static_cast<int64_t>(boundedInteger(bits, p0, p1));
    if (out)
      std::memcpy(out, &v, sizeof v);
    return;
  }
  case DAC_RT_SAMPLE_IntegersInt32: {
    int32_t v = static_cast<int32_t>(boundedInteger(bits, p0, p1));
    if (out)
      std::memcpy(out, &v, sizeof v);
    return;
  }
  case DAC_RT_SAMPLE_StandardNormal: {
    double v = standardNormal(bits);
    if (out)
      std::memcpy(out, &v, sizeof v);
    return;
  }
  case DAC_RT_SAMPLE_UniformFloat32: {
    // next_float: the top 24 bits of a 32-bit request.
    float v = static_cast<float>(bits.next32() >> 8) * (1.0f / 16777216.0f);
    if (out)
      std::memcpy(out, &v, sizeof v);
    return;
  }
  default:
    fatal("dac_rt_sample: unknown distribution code " + std::to_string(kind));
  }
}

int64_t elementBytes(int64_t kind) {
  return kind == DAC_RT_SAMPLE_IntegersInt64 ||
                 kind == DAC_RT_SAMPLE_StandardNormal
             ? 8
             : 4;
}

/// The global C-order positions of this rank's elements, in local C order.
std::vector<int64_t> ownedPositions(const Layout &layout, int64_t rank) {
  unsigned dims = layout.rank();
  std::vector<std::vector<int64_t>> owned(dims);
  std::vector<int64_t> strides(dims, 1);
  for (unsigned d = dims; d-- > 0;) {
    owned[d] = layout.ownedIndices(rank, d);
    if (d + 1 < dims)
      strides[d] = strides[d + 1] * layout.shape()[d + 1];
  }
  std::vector<int64_t> positions;
  for (unsigned d = 0; d < dims; ++d)
    if (owned[d].empty())
      return positions;
  std::vector<size_t> pos(dims, 0);
  do {
    int64_t global = 0;
    for (unsigned d = 0; d < dims; ++d)
      global += owned[d][pos[d]] * strides[d];
    positions.push_back(global);
  } while (
      exchange::advance(pos, dims, [&](size_t d) { return owned[d].size(); }));
  return positions;
}

} // namespace

extern "C" void dac_rt_sample(void *rngHandle, int64_t kind, int64_t param0,
                              int64_t param1, void *layoutHandle, void *dst,
                              void *state) {
  detail::guard("dac_rt_sample", [&] {
    if (!rngHandle || !state)
      fatal("dac_rt_sample: invalid arguments");
    const detail::LayoutHandle &handle =
        detail::getLayoutHandle(layoutHandle, "dac_rt_sample");
    int64_t *words = static_cast<int64_t *>(state);
    BitStream bits(*static_cast<const Pcg64 *>(rngHandle), words[0], words[1]);
    int64_t total = 1;
    for (int64_t extent : handle.Map.shape())
      total *= extent;
    // Elements in stream order with their local places: local C order is
    // stream order unless an index list is unsorted.
    std::vector<int64_t> positions = ownedPositions(handle.Map, handle.Rank);
    std::vector<int64_t> order(positions.size());
    std::iota(order.begin(), order.end(), 0);
    if (!std::is_sorted(positions.begin(), positions.end()))
      std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        return positions[a] < positions[b];
      });
    uint64_t p0 = static_cast<uint64_t>(param0),
             p1 = static_cast<uint64_t>(param1);
    char *out = static_cast<char *>(dst);
    int64_t bytes = elementBytes(kind);
    bool fixed = kind == DAC_RT_SAMPLE_UniformFloat32;
    int64_t next = 0; // the next element of the stream
    auto skipTo = [&](int64_t element) {
      if (fixed)
        bits.skip32(element - next);
      else
        for (; next < element; ++next)
          drawOne(bits, kind, p0, p1, nullptr);
      next = element;
    };
    for (int64_t local : order) {
      skipTo(positions[local]);
      drawOne(bits, kind, p0, p1, out + local * bytes);
      ++next;
    }
    skipTo(total);
    words[0] = bits.draws();
    words[1] = bits.pending();
  });
}
