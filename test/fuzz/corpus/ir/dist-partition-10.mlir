#b = #dist.layout<[b]>

// Tests that a reduction reading an array runs on vectors of sixteen
// elements with sixteen accumulators (a float32 sum in float64), then a
// scalar tail, then one allreduce.
func.func @vector_reduction(%v: f32) -> f32 {
  %a = dist.kernel [1000] <[b]> reductions [unit] -> !dist.array<1000xf32, #b> {
  ^bb0(%j: index):
    dist.yield %v : f32
  }
  %s = dist.kernel [1000] <[b]> ins(%a : !dist.array<1000xf32, #b>) reductions [#dist.reduce<sum>] -> f32 {
  ^bb0(%j: index, %x: f32):
    %t = arith.mulf %x, %x : f32
    dist.yield %t : f32
  }
  return %s : f32
}
