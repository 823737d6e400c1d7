func.func @compress_result(%a: !dist.array<4x6xf64>, %m: !dist.array<4x6xi1>, %n: index) {
  %s = dist.compress %a[%m] count %n : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<?x1xf64>
  return
}
