#b = #dist.layout<[b]>

// Tests that a producer outside a loop is not moved into the loop (its work
// would repeat on every iteration), while an array that reads nothing
// (np.full) is recomputed inside; and that the chain inside the body fuses
// into one kernel whose result is the carried array.
func.func @loop_boundary(%rng: !dist.rng, %o: i64, %v: f64, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %x = dist.random %rng[%o] : !dist.array<8xf64, #b>
  %f = dist.full %v : f64 -> !dist.array<8xf64, #b>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> (!dist.array<8xf64, #b>) : i64 {
    %s = dist.map %a, %x : !dist.array<8xf64, #b>, !dist.array<8xf64, #b> -> !dist.array<8xf64, #b> {
    ^bb0(%p: f64, %q: f64):
      %t = arith.addf %p, %q : f64
      dist.yield %t : f64
    }
    %m = dist.map %s, %f : !dist.array<8xf64, #b>, !dist.array<8xf64, #b> -> !dist.array<8xf64, #b> {
    ^bb0(%p: f64, %q: f64):
      %t = arith.mulf %p, %q : f64
      dist.yield %t : f64
    }
    scf.yield %m : !dist.array<8xf64, #b>
  }
  return
}
