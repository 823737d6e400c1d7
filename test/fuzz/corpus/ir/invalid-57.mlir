func.func @compress_shape(%a: !dist.array<4x6xf64>, %m: !dist.array<4x5xi1>, %n: index) {
  %s = dist.compress %a[%m] count %n : !dist.array<4x6xf64>, !dist.array<4x5xi1> -> !dist.array<?xf64>
  return
}
