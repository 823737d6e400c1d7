// Tests that an explicit layout is kept and propagated.
func.func @explicit(%v: f64) {
  %a = dist.full %v : f64 -> !dist.array<6x4xf64, #dist.layout<[n, b]>>
  %b = dist.map %a : !dist.array<6x4xf64, #dist.layout<[n, b]>> -> !dist.array<6x4xf64> {
  ^bb0(%x: f64):
    dist.yield %x : f64
  }
  return
}
