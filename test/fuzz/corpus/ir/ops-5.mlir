// Tests that reshape round-trips.
func.func @reshape(%a: !dist.array<6x4xf64>) {
  %r = dist.reshape %a : !dist.array<6x4xf64> -> !dist.array<3x8xf64>
  return
}
