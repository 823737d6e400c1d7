#b = #dist.layout<[b]>

// Tests that a read one position across the edge of a block dimension
// (np.roll(a, 1)) becomes periodic ghost cells: the ghost plan is asked
// to wrap dimension 0 (periodic = 1), and no general exchange is planned.
func.func @periodic(%v: f64) -> f64 {
  %a = dist.kernel [10] <[b]> reductions [unit] -> !dist.array<10xf64, #b> {
  ^bb0(%i: index):
    dist.yield %v : f64
  }
  %s = dist.kernel [10] <[b]> ins(%a, %a : !dist.array<10xf64, #b>, !dist.array<10xf64, #b>) at [unit, #dist.access<[9] steps [1] dims [0] wrap [0]>] reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %x: f64, %y: f64):
    %t = arith.mulf %x, %y : f64
    dist.yield %t : f64
  }
  return %s : f64
}
