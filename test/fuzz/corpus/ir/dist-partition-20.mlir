// Tests a product whose result is in blocks on a 2-D grid: one runtime call
// (SUMMA) given the three layouts and chunks; no exchange is planned here.
func.func @matmul_grid(%v: f64) -> f64 {
  %a = dist.kernel [6, 4] <[b, b]> reductions [unit] -> !dist.array<6x4xf64, #dist.layout<[b, b]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %b = dist.kernel [4, 5] <[c, n]> reductions [unit] -> !dist.array<4x5xf64, #dist.layout<[c, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %c = dist.matmul %a, %b : !dist.array<6x4xf64, #dist.layout<[b, b]>>, !dist.array<4x5xf64, #dist.layout<[c, n]>> -> !dist.array<6x5xf64, #dist.layout<[b, b]>>
  %s = dist.kernel [6, 5] <[b, b]> ins(%c : !dist.array<6x5xf64, #dist.layout<[b, b]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %e: f64):
    dist.yield %e : f64
  }
  return %s : f64
}
