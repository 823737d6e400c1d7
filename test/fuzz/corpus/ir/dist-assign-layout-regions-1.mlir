// Tests scf.while (before and after regions) and scf.if results.
func.func @while_and_if(%v: f64, %c: i1) {
  %a = dist.full %v : f64 -> !dist.array<4x4xf64>
  %r = scf.while (%x = %a) : (!dist.array<4x4xf64>) -> !dist.array<4x4xf64> {
    scf.condition(%c) %x : !dist.array<4x4xf64>
  } do {
  ^bb0(%x: !dist.array<4x4xf64>):
    scf.yield %x : !dist.array<4x4xf64>
  }
  %b = scf.if %c -> !dist.array<4x4xf64> {
    scf.yield %r : !dist.array<4x4xf64>
  } else {
    %z = dist.full %v : f64 -> !dist.array<4x4xf64>
    scf.yield %z : !dist.array<4x4xf64>
  }
  return
}
