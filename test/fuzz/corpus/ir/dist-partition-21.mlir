// Tests a read through a mask: the mask of another layout is moved to the
// source's (an exchange), then one runtime call sends the selected
// elements to their places in a result of the mask's count.
func.func @compress(%v: f64, %n: index) -> f64 {
  %a = dist.kernel [6, 4] <[b, n]> reductions [unit] -> !dist.array<6x4xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %m = dist.kernel [6, 4] <[c, n]> reductions [unit] -> !dist.array<6x4xi1, #dist.layout<[c, n]>> {
  ^bb0(%i: index, %j: index):
    %t = arith.constant true
    dist.yield %t : i1
  }
  %s = dist.compress %a[%m] count %n : !dist.array<6x4xf64, #dist.layout<[b, n]>>, !dist.array<6x4xi1, #dist.layout<[c, n]>> -> !dist.array<?xf64, #dist.layout<[b]>>
  %t = dist.kernel [%n] <[b]> ins(%s : !dist.array<?xf64, #dist.layout<[b]>>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %e: f64):
    dist.yield %e : f64
  }
  return %t : f64
}
