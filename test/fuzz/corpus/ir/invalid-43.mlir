func.func @gather_wrap_fixed(%a: !dist.array<10x4xf64>) {
  %v = dist.gather %a [9, 0] steps [1, 1] dims [-1, 0] wrap [0] : !dist.array<10x4xf64> -> !dist.array<4xf64>
  return
}
