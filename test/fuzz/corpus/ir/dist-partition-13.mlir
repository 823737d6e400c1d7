#bn = #dist.layout<[b, n]>

// Tests a kernel updating a window of an array it reads one row up and one
// row down: rows of the array are read in place, the two rows next to the
// rank's chunk come from one halo exchange started before the rows that
// need none and waited for before the border rows; the kernel writes into
// a new buffer that gets the elements outside the window (it reads the
// array it overwrites), a second update of the result, read only at the
// written points, writes in place.
func.func @halo(%v: f64) -> f64 {
  %u = dist.kernel [6, 5] <[b, n]> reductions [unit] -> !dist.array<6x5xf64, #bn> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %w = dist.kernel [4, 3] <[b, n]> ins(%u, %u : !dist.array<6x5xf64, #bn>, !dist.array<6x5xf64, #bn>) at [#dist.access<[0, 1] steps [1, 1] dims [0, 1]>, #dist.access<[2, 1] steps [1, 1] dims [0, 1]>] into %u : !dist.array<6x5xf64, #bn> window [1, 1] reductions [unit] -> !dist.array<6x5xf64, #bn> {
  ^bb0(%i: index, %j: index, %a: f64, %b: f64):
    %t = arith.addf %a, %b : f64
    dist.yield %t : f64
  }
  %x = dist.kernel [2, 5] <[b, n]> ins(%w : !dist.array<6x5xf64, #bn>) at [#dist.access<[4, 0] steps [1, 1] dims [0, 1]>] into %w : !dist.array<6x5xf64, #bn> window [4, 0] reductions [unit] -> !dist.array<6x5xf64, #bn> {
  ^bb0(%i: index, %j: index, %a: f64):
    %t = arith.mulf %a, %a : f64
    dist.yield %t : f64
  }
  %s = dist.kernel [6, 5] <[b, n]> ins(%x : !dist.array<6x5xf64, #bn>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %a: f64):
    dist.yield %a : f64
  }
  return %s : f64
}
