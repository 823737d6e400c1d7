func.func @f(%a: !dist.array<4xf64>) {
  %r = dist.reduce <sum> %a : !dist.array<4xf64> -> i64
  return
}
