#b = #dist.layout<[b]>

// Tests that an array that costs something to produce (here a random
// stream) and is read by two kernels is materialised once, not fused.
func.func @shared_producer(%rng: !dist.rng, %o: i64) -> (f64, f64) {
  %a = dist.random %rng[%o] : !dist.array<8xf64, #b>
  %s = dist.reduce <sum> %a : !dist.array<8xf64, #b> -> f64
  %m = dist.reduce <max> %a : !dist.array<8xf64, #b> -> f64
  return %s, %m : f64, f64
}
