// Tests that a reshape moves the elements by the runtime's reshape plan
// between the two layouts into a new buffer.
func.func @reshape(%v: f64) -> f64 {
  %a = dist.kernel [6, 4] <[b, n]> reductions [unit] -> !dist.array<6x4xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %r = dist.reshape %a : !dist.array<6x4xf64, #dist.layout<[b, n]>> -> !dist.array<3x8xf64, #dist.layout<[c, n]>>
  %s = dist.kernel [3, 8] <[c, n]> ins(%r : !dist.array<3x8xf64, #dist.layout<[c, n]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}
