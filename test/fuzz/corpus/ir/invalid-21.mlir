func.func @f(%n: index) {
  %s = dist.kernel [%n] <[b]> reductions [unit] -> i64 {
  ^bb0(%i: index):
    %k = arith.index_cast %i : index to i64
    dist.yield %k : i64
  }
  return
}
