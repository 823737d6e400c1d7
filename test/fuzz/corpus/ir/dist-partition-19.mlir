// Tests a stack of matrices times one matrix: the stack stays split along
// its first dimension, the matrix is replicated (one exchange), and one
// runtime call multiplies the rank's matrices by the same one.
func.func @matmul_stack(%v: f64) -> f64 {
  %a = dist.kernel [5, 3, 4] <[b, n, n]> reductions [unit] -> !dist.array<5x3x4xf64, #dist.layout<[b, n, n]>> {
  ^bb0(%i: index, %j: index, %k: index):
    dist.yield %v : f64
  }
  %b = dist.kernel [4, 2] <[b, n]> reductions [unit] -> !dist.array<4x2xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %c = dist.matmul %a, %b : !dist.array<5x3x4xf64, #dist.layout<[b, n, n]>>, !dist.array<4x2xf64, #dist.layout<[b, n]>> -> !dist.array<5x3x2xf64, #dist.layout<[b, n, n]>>
  %s = dist.kernel [5, 3, 2] <[b, n, n]> ins(%c : !dist.array<5x3x2xf64, #dist.layout<[b, n, n]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %k: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}
