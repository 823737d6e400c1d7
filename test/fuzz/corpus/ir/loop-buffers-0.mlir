// Tests that a loop carrying an array whose initial value is read again
// after the loop (so the loop cannot update it in place) frees the chunk of
// the previous iteration (ownership-based deallocation) and the final chunk
// after its last use: nothing leaks across iterations.
func.func @main() {
  %seed = arith.constant 7 : i64
  %n = arith.constant 1000 : i64
  %z = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %h = arith.constant 0.5 : f64
  %rng = dist.rng_create %seed
  %x = dist.random %rng[%z] : !dist.array<100xf64>
  %r = scf.for %i = %z to %n step %c1 iter_args(%a = %x) -> (!dist.array<100xf64>) : i64 {
    %y = dist.map %a : !dist.array<100xf64> -> !dist.array<100xf64> {
    ^bb0(%e: f64):
      %t = arith.mulf %e, %h : f64
      %u = arith.addf %t, %h : f64
      dist.yield %u : f64
    }
    scf.yield %y : !dist.array<100xf64>
  }
  %s = dist.reduce <sum> %r : !dist.array<100xf64> -> f64
  dist.print "{}" %s : f64
  %s0 = dist.reduce <sum> %x : !dist.array<100xf64> -> f64
  dist.print "{}" %s0 : f64
  return
}
