// Tests that a loop's carried arrays, its block arguments and its results
// take the layout of the array entering it, and that the body's arrays
// inherit it.
func.func @for_carries(%v: f64, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %a = dist.full %v : f64 -> !dist.array<8x2xf64>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> (!dist.array<8x2xf64>) : i64 {
    %y = dist.map %x : !dist.array<8x2xf64> -> !dist.array<8x2xf64> {
    ^bb0(%e: f64):
      dist.yield %e : f64
    }
    scf.yield %y : !dist.array<8x2xf64>
  }
  %s = dist.reduce <sum> %r : !dist.array<8x2xf64> -> f64
  return
}
