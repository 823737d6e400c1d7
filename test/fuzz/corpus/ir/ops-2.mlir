func.func @kernel_access(%m: !dist.array<8x4xf64, #dist.layout<[b, n]>>, %v: !dist.array<4xf64, #dist.layout<[b]>>, %i: index) -> f64 {
  %s = dist.kernel [8, 4] <[b, n]> ins(%m, %v : !dist.array<8x4xf64, #dist.layout<[b, n]>>, !dist.array<4xf64, #dist.layout<[b]>>) at [unit, #dist.access<[?] steps [-1] dims [1]>] starts(%i) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%r: index, %c: index, %x: f64, %y: f64):
    %t = arith.mulf %x, %y : f64
    dist.yield %t : f64
  }
  %row = dist.kernel [4] <[b]> ins(%m : !dist.array<8x4xf64, #dist.layout<[b, n]>>) at [#dist.access<[2, 0] steps [1, 1] dims [-1, 0]>] reductions [unit] -> !dist.array<4xf64, #dist.layout<[b]>> {
  ^bb0(%c: index, %x: f64):
    dist.yield %x : f64
  }
  return %s : f64
}
