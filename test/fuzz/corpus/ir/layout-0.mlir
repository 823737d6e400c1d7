// Tests that every per-dimension distribution kind prints and parses.
func.func @layouts(
  %a: !dist.array<10x4xf64, #dist.layout<[b, n]>>,
  %b: !dist.array<10x16xf64, #dist.layout<[c, c{k = 2}], grid = [2, 2]>>,
  %c: !dist.array<9xi64, #dist.layout<[b{bounds = [0, 2, 6, 7, 9]}]>>,
  %d: !dist.array<8x8xf32, #dist.layout<[b{halo = [1, 2], periodic}, n]>>,
  %e: !dist.array<5xf64, #dist.layout<[u{indices = [[4, 0], [1, 3, 2]]}]>>,
  %f: !dist.array<f64, #dist.layout<[]>>,
  %g: !dist.array<?x3xi1>) {
  return
}
