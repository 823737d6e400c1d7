func.func @gather_dim(%a: !dist.array<10xf64>) {
  %v = dist.gather %a [0] steps [1] dims [1] : !dist.array<10xf64> -> !dist.array<5xf64>
  return
}
