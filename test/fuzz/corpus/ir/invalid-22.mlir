func.func @f(%n: index) {
  %s = dist.kernel [%n] <[b]> reductions [#dist.reduce<sum>] -> i64 {
    %k = arith.constant 1 : i64
    dist.yield %k : i64
  }
  return
}
