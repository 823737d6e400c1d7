func.func @kernel_window_result(%u: !dist.array<6xf64>) {
  %k = dist.kernel [4] <[b]> into %u : !dist.array<6xf64> window [1] reductions [unit] -> !dist.array<6xf32> {
  ^bb0(%i: index):
    %c = arith.constant 1.0 : f32
    dist.yield %c : f32
  }
  return
}
