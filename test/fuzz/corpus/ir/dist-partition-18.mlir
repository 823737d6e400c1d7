// Tests a vector times a row-block matrix: the contracted dimension is
// split alike on both sides, so each rank multiplies its slices (nothing
// moves before) and one allreduce sums the partial products.
func.func @matmul_split(%v: f64) -> f64 {
  %x = dist.kernel [4] <[b]> reductions [unit] -> !dist.array<4xf64, #dist.layout<[b]>> {
  ^bb0(%i: index):
    dist.yield %v : f64
  }
  %b = dist.kernel [4, 5] <[b, n]> reductions [unit] -> !dist.array<4x5xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %c = dist.matmul %x, %b : !dist.array<4xf64, #dist.layout<[b]>>, !dist.array<4x5xf64, #dist.layout<[b, n]>> -> !dist.array<5xf64, #dist.layout<[n]>>
  %s = dist.kernel [5] <[n]> ins(%c : !dist.array<5xf64, #dist.layout<[n]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}
