// Tests that an array whose layout would change around a loop is an error:
// the loop carries the default layout, the body computes a cyclic array.
func.func @changes(%v: f64, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %a = dist.full %v : f64 -> !dist.array<8xf64>
  %c = dist.full %v : f64 -> !dist.array<8xf64, #dist.layout<[c]>>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> (!dist.array<8xf64>) : i64 {
    %y = dist.map %c : !dist.array<8xf64, #dist.layout<[c]>> -> !dist.array<8xf64> {
    ^bb0(%e: f64):
      dist.yield %e : f64
    }
    scf.yield %y : !dist.array<8xf64>
  }
  return
}
