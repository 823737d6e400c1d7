func.func @f(%a: !dist.array<4xf64>) {
  %m = dist.map %a : !dist.array<4xf64> -> !dist.array<4xi1> {
  ^bb0(%p: f64):
    dist.yield %p : f64
  }
  return
}
