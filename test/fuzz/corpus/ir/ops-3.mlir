func.func @kernel_update(%u: !dist.array<6x5xf64, #dist.layout<[b, n]>>) -> !dist.array<6x5xf64, #dist.layout<[b, n]>> {
  %w = dist.kernel [4, 3] <[b, n]> ins(%u : !dist.array<6x5xf64, #dist.layout<[b, n]>>) at [#dist.access<[0, 1] steps [1, 1] dims [0, 1]>] into %u : !dist.array<6x5xf64, #dist.layout<[b, n]>> window [1, 1] reductions [unit] -> !dist.array<6x5xf64, #dist.layout<[b, n]>> {
  ^bb0(%i: index, %j: index, %a: f64):
    dist.yield %a : f64
  }
  return %w : !dist.array<6x5xf64, #dist.layout<[b, n]>>
}
