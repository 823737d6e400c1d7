func.func @reshape_type(%a: !dist.array<6x4xf64>) {
  %r = dist.reshape %a : !dist.array<6x4xf64> -> !dist.array<24xf32>
  return
}
