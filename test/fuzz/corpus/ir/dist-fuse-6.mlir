#bn = #dist.layout<[b, n]>
#c = #dist.layout<[c]>

// Tests that a kernel whose array is only inserted, as a box, into another
// array becomes a kernel updating that array's window, iterating over the
// array's layout; an insert with a step, or into a cyclic array, stays.
func.func @slice_assignment(%u: !dist.array<6x5xf64, #bn>, %v: !dist.array<9xf64, #c>, %x: f64) -> (!dist.array<6x5xf64, #bn>, !dist.array<9xf64, #c>) {
  %up = dist.gather %u [0, 1] steps [1, 1] dims [0, 1] : !dist.array<6x5xf64, #bn> -> !dist.array<4x3xf64, #bn>
  %down = dist.gather %u [2, 1] steps [1, 1] dims [0, 1] : !dist.array<6x5xf64, #bn> -> !dist.array<4x3xf64, #bn>
  %s = dist.map %up, %down : !dist.array<4x3xf64, #bn>, !dist.array<4x3xf64, #bn> -> !dist.array<4x3xf64, #bn> {
  ^bb0(%a: f64, %b: f64):
    %t = arith.addf %a, %b : f64
    dist.yield %t : f64
  }
  %new = dist.insert %s into %u [1, 1] steps [1, 1] dims [0, 1] : !dist.array<4x3xf64, #bn> into !dist.array<6x5xf64, #bn> -> !dist.array<6x5xf64, #bn>
  %f = dist.full %x : f64 -> !dist.array<4xf64, #c>
  %w = dist.insert %f into %v [1] steps [2] dims [0] : !dist.array<4xf64, #c> into !dist.array<9xf64, #c> -> !dist.array<9xf64, #c>
  return %new, %w : !dist.array<6x5xf64, #bn>, !dist.array<9xf64, #c>
}
