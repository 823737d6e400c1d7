// Tests a matrix product whose rows stay where the left operand's are: the
// right operand is gathered whole on every rank (one exchange), then the
// local product runs on the rank's rows; nothing is combined afterwards.
func.func @matmul_rows(%v: f64) -> f64 {
  %a = dist.kernel [6, 4] <[b, n]> reductions [unit] -> !dist.array<6x4xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %b = dist.kernel [4, 5] <[b, n]> reductions [unit] -> !dist.array<4x5xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %c = dist.matmul %a, %b : !dist.array<6x4xf64, #dist.layout<[b, n]>>, !dist.array<4x5xf64, #dist.layout<[b, n]>> -> !dist.array<6x5xf64, #dist.layout<[b, n]>>
  %s = dist.kernel [6, 5] <[b, n]> ins(%c : !dist.array<6x5xf64, #dist.layout<[b, n]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}
