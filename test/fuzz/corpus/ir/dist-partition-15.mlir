#bb = #dist.layout<[b, b]>

// Tests ghost cells on a 2-D process grid: a kernel updating a window of
// an array it reads one position up-left and one down-right finds its box
// from the owned ranges of both block dimensions, starts one exchange for
// the cells around it (corners included), runs the inner box, waits, and
// then runs the border strips, one loop nest per dimension over both strips
// around the inner box: along dimension 0 over all columns, along
// dimension 1 over the inner rows, reading the ghost buffer where a
// position falls outside the chunk.
func.func @grid(%v: f64) -> f64 {
  %u = dist.kernel [6, 5] <[b, b]> reductions [unit] -> !dist.array<6x5xf64, #bb> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  %w = dist.kernel [4, 3] <[b, b]> ins(%u, %u : !dist.array<6x5xf64, #bb>, !dist.array<6x5xf64, #bb>) at [#dist.access<[0, 0] steps [1, 1] dims [0, 1]>, #dist.access<[2, 2] steps [1, 1] dims [0, 1]>] into %u : !dist.array<6x5xf64, #bb> window [1, 1] reductions [unit] -> !dist.array<6x5xf64, #bb> {
  ^bb0(%i: index, %j: index, %a: f64, %b: f64):
    %t = arith.addf %a, %b : f64
    dist.yield %t : f64
  }
  %s = dist.kernel [6, 5] <[b, b]> ins(%w : !dist.array<6x5xf64, #bb>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index, %a: f64):
    dist.yield %a : f64
  }
  return %s : f64
}
