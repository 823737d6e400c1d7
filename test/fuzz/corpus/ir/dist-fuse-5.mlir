#bn = #dist.layout<[b, n]>
#b = #dist.layout<[b]>

// Tests that views a kernel reads become accesses of the kernel's inputs
// (the gathers disappear) and that a producer read through an access is
// not inlined.
func.func @views(%m: !dist.array<6x4xf64, #bn>, %v: !dist.array<4xf64, #b>) -> f64 {
  %w = dist.map %v : !dist.array<4xf64, #b> -> !dist.array<4xf64, #b> {
  ^bb0(%x: f64):
    %t = arith.mulf %x, %x : f64
    dist.yield %t : f64
  }
  %sh = dist.gather %m [0, 1] steps [1, 1] dims [0, 1] : !dist.array<6x4xf64, #bn> -> !dist.array<6x3xf64, #bn>
  %lo = dist.gather %w [0] steps [1] dims [1] : !dist.array<4xf64, #b> -> !dist.array<6x3xf64, #bn>
  %p = dist.map %sh, %lo : !dist.array<6x3xf64, #bn>, !dist.array<6x3xf64, #bn> -> !dist.array<6x3xf64, #bn> {
  ^bb0(%x: f64, %y: f64):
    %t = arith.addf %x, %y : f64
    dist.yield %t : f64
  }
  %s = dist.reduce <sum> %p : !dist.array<6x3xf64, #bn> -> f64
  return %s : f64
}
