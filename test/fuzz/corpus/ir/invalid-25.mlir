func.func @f(%a: !dist.array<4xf64>) {
  dist.print "{shape}" %a : !dist.array<4xf64>
  return
}
