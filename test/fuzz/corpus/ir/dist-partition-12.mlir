#bn = #dist.layout<[b, n]>
#b = #dist.layout<[b]>

// Tests how a kernel reads inputs through accesses: a shifted read along
// an undistributed dimension stays local (index arithmetic, no exchange), a
// broadcast operand is replicated at its own size (one exchange into a
// buffer of 4 elements), a read one row down of an array of another extent
// takes ghost rows of widths known when running (dac_rt_ghost_plan with
// the kernel's layout).
func.func @accesses(%v: f64) -> (f64, f64) {
  %m = dist.kernel [6, 4] <[b, n]> reductions [unit] -> !dist.array<6x4xf64, #bn> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %w = dist.kernel [4] <[b]> reductions [unit] -> !dist.array<4xf64, #b> {
  ^bb0(%j: index):
    dist.yield %v : f64
  }
  %s = dist.kernel [6, 3] <[b, n]> ins(%m : !dist.array<6x4xf64, #bn>) at [#dist.access<[0, 1] steps [1, 1] dims [0, 1]>] reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %x: f64):
    dist.yield %x : f64
  }
  %t = dist.kernel [6, 4] <[b, n]> ins(%m, %w : !dist.array<6x4xf64, #bn>, !dist.array<4xf64, #b>) at [unit, #dist.access<[0] steps [1] dims [1]>] reductions [unit] -> !dist.array<6x4xf64, #bn> {
  ^bb0(%i: index, %j: index, %x: f64, %y: f64):
    %p = arith.mulf %x, %y : f64
    dist.yield %p : f64
  }
  %u = dist.kernel [5, 4] <[b, n]> ins(%t : !dist.array<6x4xf64, #bn>) at [#dist.access<[1, 0] steps [1, 1] dims [0, 1]>] reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %x: f64):
    dist.yield %x : f64
  }
  return %s, %u : f64, f64
}
