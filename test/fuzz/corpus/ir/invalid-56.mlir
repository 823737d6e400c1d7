func.func @compress_mask(%a: !dist.array<4x6xf64>, %m: !dist.array<4x6xi64>, %n: index) {
  %s = dist.compress %a[%m] count %n : !dist.array<4x6xf64>, !dist.array<4x6xi64> -> !dist.array<?xf64>
  return
}
