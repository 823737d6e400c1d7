#b = #dist.layout<[b]>

// Tests that a loop whose initial array is read again after the loop does
// not overwrite it: the body writes a new buffer every iteration.
func.func @carried_shared(%v: f64, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %a = dist.kernel [8] <[b]> reductions [unit] -> !dist.array<8xf64, #b> {
  ^bb0(%j: index):
    dist.yield %v : f64
  }
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> (!dist.array<8xf64, #b>) : i64 {
    %y = dist.kernel [8] <[b]> ins(%x : !dist.array<8xf64, #b>) reductions [unit] -> !dist.array<8xf64, #b> {
    ^bb0(%j: index, %e: f64):
      %t = arith.addf %e, %v : f64
      dist.yield %t : f64
    }
    scf.yield %y : !dist.array<8xf64, #b>
  }
  %s = dist.kernel [8] <[b]> ins(%r, %a : !dist.array<8xf64, #b>, !dist.array<8xf64, #b>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%j: index, %e: f64, %f: f64):
    %t = arith.addf %e, %f : f64
    dist.yield %t : f64
  }
  return %s : f64
}
