func.func private @hypotf(f32, f32) -> f32

// Tests that a body that calls a function keeps scalar lanes: sixteen
// copies of the body, each with its own 128-bit stream state, the float32
// sum accumulating in float64 (rounded once, after the ranks' partial sums
// are combined).
func.func @scalar_lanes(%seed: i64, %n: index, %off: i64) -> f32 {
  %rng = dist.rng_create %seed
  %s = dist.kernel [%n] <[b]> draws(%rng at %off) reductions [#dist.reduce<sum>] -> f32 {
  ^bb0(%i: index, %d: f64):
    %f = arith.truncf %d : f64 to f32
    %h = func.call @hypotf(%f, %f) : (f32, f32) -> f32
    dist.yield %h : f32
  }
  return %s : f32
}
