#b = #dist.layout<[b]>

// Tests that a fused reduction with a draw becomes a loop over the local
// chunk: the runtime gives the chunk and jumped-ahead stream states for
// sixteen lanes (independent parts of the chunk); a body of element-wise
// ops runs the lanes as vectors (PCG64 state in vector<16xi64> halves), a
// scalar loop does the tail, and the partial sums end in one allreduce.
func.func @reduce_draws(%seed: i64, %n: index, %off: i64) -> i64 {
  %rng = dist.rng_create %seed
  %s = dist.kernel [%n] <[b]> draws(%rng at %off) reductions [#dist.reduce<sum>] -> i64 {
  ^bb0(%i: index, %d: f64):
    %half = arith.constant 0.5 : f64
    %c = arith.cmpf olt, %d, %half : f64
    %e = arith.extui %c : i1 to i64
    dist.yield %e : i64
  }
  return %s : i64
}
