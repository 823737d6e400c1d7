// Tests that reading at an index array is one collective runtime call into
// a buffer laid out as the indices are.
func.func @take(%v: f64, %k: i64) -> f64 {
  %a = dist.kernel [10] <[c]> reductions [unit] -> !dist.array<10xf64, #dist.layout<[c]>> {
  ^bb0(%i: index):
    dist.yield %v : f64
  }
  %idx = dist.kernel [4] <[b]> reductions [unit] -> !dist.array<4xi64, #dist.layout<[b]>> {
  ^bb0(%i: index):
    dist.yield %k : i64
  }
  %r = dist.take %a[%idx] : !dist.array<10xf64, #dist.layout<[c]>>, !dist.array<4xi64, #dist.layout<[b]>> -> !dist.array<4xf64, #dist.layout<[b]>>
  %s = dist.kernel [4] <[b]> ins(%r : !dist.array<4xf64, #dist.layout<[b]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}
