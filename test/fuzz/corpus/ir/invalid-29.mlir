func.func @insert_cover(%a: !dist.array<10x4xf64>, %s: !dist.array<4xf64>) {
  %v = dist.insert %s into %a [0, 0] steps [1, 1] dims [-1, -1] : !dist.array<4xf64> into !dist.array<10x4xf64> -> !dist.array<10x4xf64>
  return
}
