func.func @take_float(%a: !dist.array<10xf64>, %i: !dist.array<3xf64>) {
  %r = dist.take %a[%i] : !dist.array<10xf64>, !dist.array<3xf64> -> !dist.array<3xf64>
  return
}
