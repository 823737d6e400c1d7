func.func @insert_result(%a: !dist.array<10xf64>, %s: !dist.array<4xf64>) {
  %v = dist.insert %s into %a [0] steps [1] dims [0] : !dist.array<4xf64> into !dist.array<10xf64> -> !dist.array<9xf64>
  return
}
