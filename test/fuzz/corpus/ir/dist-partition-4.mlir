// Tests that min/max stop all ranks on an empty array, as NumPy refuses.
func.func @empty_min(%n: index, %v: f64) -> f64 {
  %s = dist.kernel [%n] <[b]> reductions [#dist.reduce<min>] -> f64 {
  ^bb0(%i: index):
    dist.yield %v : f64
  }
  return %s : f64
}
