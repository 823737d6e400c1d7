// Tests that created arrays get the default layout (block on dimension 0)
// and that maps inherit their operands' layout.
func.func @defaults(%v: f64) {
  %a = dist.full %v : f64 -> !dist.array<6x4xf64>
  %b = dist.map %a : !dist.array<6x4xf64> -> !dist.array<6x4xf64> {
  ^bb0(%x: f64):
    dist.yield %x : f64
  }
  %c = dist.full %v : f64 -> !dist.array<f64>
  return
}
