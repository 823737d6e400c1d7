// Tests that take round-trips.
func.func @take(%a: !dist.array<10xf64>, %i: !dist.array<3x4xi64>) {
  %r = dist.take %a[%i] : !dist.array<10xf64>, !dist.array<3x4xi64> -> !dist.array<3x4xf64>
  return
}

func.func @compress(%a: !dist.array<4x6xf64>, %m: !dist.array<4x6xi1>, %n: index) {
  %s = dist.compress %a[%m] count %n : !dist.array<4x6xf64>, !dist.array<4x6xi1> -> !dist.array<?xf64>
  return
}
