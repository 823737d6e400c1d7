#bn = #dist.layout<[b, n]>

// Tests that a sweep in a time-step loop exchanges every iteration into
// ghost cells whose plan and buffer are made once, before the loop.
func.func @halo_loop(%v: f64, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %u = dist.kernel [6, 5] <[b, n]> reductions [unit] -> !dist.array<6x5xf64, #bn> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %r = scf.for %it = %c0 to %n step %c1 iter_args(%a = %u) -> (!dist.array<6x5xf64, #bn>) : i64 {
    %w = dist.kernel [4, 5] <[b, n]> ins(%a, %a : !dist.array<6x5xf64, #bn>, !dist.array<6x5xf64, #bn>) at [#dist.access<[0, 0] steps [1, 1] dims [0, 1]>, #dist.access<[2, 0] steps [1, 1] dims [0, 1]>] into %a : !dist.array<6x5xf64, #bn> window [1, 0] reductions [unit] -> !dist.array<6x5xf64, #bn> {
    ^bb0(%i: index, %j: index, %x: f64, %y: f64):
      %t = arith.addf %x, %y : f64
      dist.yield %t : f64
    }
    scf.yield %w : !dist.array<6x5xf64, #bn>
  }
  %s = dist.kernel [6, 5] <[b, n]> ins(%r : !dist.array<6x5xf64, #bn>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %x: f64):
    dist.yield %x : f64
  }
  return %s : f64
}
