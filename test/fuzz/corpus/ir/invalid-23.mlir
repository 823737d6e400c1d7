func.func @f(%a: !dist.array<4xf64>) {
  dist.print "{}" %a : !dist.array<4xf64>
  return
}
