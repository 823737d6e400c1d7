func.func @kernel_access_rank(%v: !dist.array<4xf64>) {
  %k = dist.kernel [4] <[b]> ins(%v : !dist.array<4xf64>) at [#dist.access<[0, 0] steps [1, 1] dims [0, -1]>] reductions [unit] -> !dist.array<4xf64, #dist.layout<[b]>> {
  ^bb0(%c: index, %x: f64):
    dist.yield %x : f64
  }
  return
}
