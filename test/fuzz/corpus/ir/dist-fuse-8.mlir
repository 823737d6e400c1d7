#bb = #dist.layout<[b, b]>

// Tests that assignments fixing an index (`u[0, :] = x`, `u[:, 4] =
// u[:, 1]`) become window updates over the destination's rank: the fixed
// dimension iterates over extent 1 at its index, reads name the iteration
// dimensions by their new positions; a constant inserted twice (CSE merged
// it) is copied for each insert.
func.func @fixed_index(%u: !dist.array<6x5xf64, #bb>, %x: f64) -> !dist.array<6x5xf64, #bb> {
  %f = dist.full %x : f64 -> !dist.array<5xf64>
  %a = dist.insert %f into %u [0, 0] steps [1, 1] dims [-1, 0] : !dist.array<5xf64> into !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  %b = dist.insert %f into %a [5, 0] steps [1, 1] dims [-1, 0] : !dist.array<5xf64> into !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  %col = dist.gather %b [0, 1] steps [1, 1] dims [0, -1] : !dist.array<6x5xf64, #bb> -> !dist.array<6xf64>
  %c = dist.insert %col into %b [0, 4] steps [1, 1] dims [0, -1] : !dist.array<6xf64> into !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  return %c : !dist.array<6x5xf64, #bb>
}
