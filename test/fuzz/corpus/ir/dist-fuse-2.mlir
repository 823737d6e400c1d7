#b = #dist.layout<[b]>

// Tests that a producer that reads nothing (np.full) is recomputed inside
// each of its consumers instead of being stored.
func.func @cheap_producer(%v: f64) -> (f64, f64) {
  %a = dist.full %v : f64 -> !dist.array<8xf64, #b>
  %s = dist.reduce <sum> %a : !dist.array<8xf64, #b> -> f64
  %m = dist.reduce <max> %a : !dist.array<8xf64, #b> -> f64
  return %s, %m : f64, f64
}
