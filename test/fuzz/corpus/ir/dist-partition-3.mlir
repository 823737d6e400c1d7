// Tests that a reduction over a replicated array needs no communication.
func.func @replicated(%v: f64) -> f64 {
  %s = dist.kernel [4] <[n]> reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index):
    dist.yield %v : f64
  }
  return %s : f64
}
