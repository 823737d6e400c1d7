func.func @gather_type(%a: !dist.array<10xf64>) {
  %v = dist.gather %a [0] steps [1] dims [0] : !dist.array<10xf64> -> !dist.array<5xf32>
  return
}
