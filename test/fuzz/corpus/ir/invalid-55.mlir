func.func @take_2d(%a: !dist.array<10x2xf64>, %i: !dist.array<3xi64>) {
  %r = dist.take %a[%i] : !dist.array<10x2xf64>, !dist.array<3xi64> -> !dist.array<3xf64>
  return
}
