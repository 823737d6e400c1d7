// Tests that gather and insert round-trip with static and dynamic starts.
func.func @views(%a: !dist.array<10x4xf64>, %i: index, %n: index) -> !dist.array<10x4xf64> {
  %v = dist.gather %a [1, 0] steps [2, 1] dims [0, 1] : !dist.array<10x4xf64> -> !dist.array<4x4xf64>
  %row = dist.gather %a [%i, 0] steps [1, 1] dims [-1, 0] : !dist.array<10x4xf64> -> !dist.array<4xf64>
  %b = dist.gather %row [0] steps [1] dims [1] sizes(%n) : !dist.array<4xf64> -> !dist.array<?x4xf64>
  %w = dist.gather %a [9, 3] steps [1, 1] dims [0, 1] wrap [0, 1] : !dist.array<10x4xf64> -> !dist.array<12x4xf64>
  %c = dist.insert %row into %a [9, 3] steps [-2, 1] dims [0, -1] : !dist.array<4xf64> into !dist.array<10x4xf64> -> !dist.array<10x4xf64>
  return %c : !dist.array<10x4xf64>
}

// Tests that extract round-trips.
func.func @extract(%a: !dist.array<10x4xf64>, %i: index, %j: index) -> f64 {
  %x = dist.extract %a [%i, %j] : !dist.array<10x4xf64> -> f64
  return %x : f64
}
