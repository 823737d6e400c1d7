func.func @f(%a: !dist.array<4xf64>, %b: !dist.array<5xf64>) {
  %m = dist.map %a, %b : !dist.array<4xf64>, !dist.array<5xf64> -> !dist.array<4xf64> {
  ^bb0(%p: f64, %q: f64):
    dist.yield %p : f64
  }
  return
}
