//===- Rng.cpp - Random-stream handles for compiled code ------------------===//
//
// dac_rt_rng_create seeds once per default_rng(seed) call; state_at hands
// generated code the raw PCG64 state at any position of the stream, so a
// rank starts at its first element without generating the ones before it.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "dac/Runtime/Random.h"
#include "dac/Runtime/RuntimeABI.h"

#include <memory>
#include <string>
#include <vector>

using namespace dac::rt;

namespace {
/// Every generator handed out; the ABI has no destroy call, so the runtime
/// owns them until the process ends.
std::vector<std::unique_ptr<Pcg64>> &generators() {
  static std::vector<std::unique_ptr<Pcg64>> All;
  return All;
}
} // namespace

extern "C" void *dac_rt_rng_create(int64_t seed) {
  return detail::guard("dac_rt_rng_create", [&] {
    if (seed < 0)
      fatal("default_rng: SeedSequence expects non-negative integer "
            "entropy, got " +
            std::to_string(seed));
    generators().push_back(
        std::make_unique<Pcg64>(Pcg64::fromSeed(static_cast<uint64_t>(seed))));
    return static_cast<void *>(generators().back().get());
  });
}

extern "C" void dac_rt_rng_state_at(void *handle, int64_t draw, void *out) {
  detail::guard("dac_rt_rng_state_at", [&] {
    if (!handle || !out || draw < 0)
      fatal("dac_rt_rng_state_at: invalid arguments (draw " +
            std::to_string(draw) + ")");
    Pcg64 generator = *static_cast<const Pcg64 *>(handle);
    generator.advance(static_cast<UInt128>(draw));
    uint64_t *words = static_cast<uint64_t *>(out);
    words[0] = static_cast<uint64_t>(generator.state() >> 64);
    words[1] = static_cast<uint64_t>(generator.state());
    words[2] = static_cast<uint64_t>(generator.increment() >> 64);
    words[3] = static_cast<uint64_t>(generator.increment());
  });
}
