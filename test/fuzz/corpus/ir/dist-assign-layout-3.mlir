// Tests the layouts of matrix products: rows where the left operand's are
// (cyclic too), replicated when the contracted dimension is the only split,
// columns where the right operand's are for a vector times a matrix.
func.func @matmul(%a: !dist.array<6x4xf64, #dist.layout<[c, n]>>, %b: !dist.array<4x5xf64, #dist.layout<[n, n]>>, %s: !dist.array<6x4xf64, #dist.layout<[n, b]>>, %x: !dist.array<6xf64, #dist.layout<[n]>>, %m: !dist.array<6x5xf64, #dist.layout<[n, c]>>) {
  %r = dist.matmul %a, %b : !dist.array<6x4xf64, #dist.layout<[c, n]>>, !dist.array<4x5xf64, #dist.layout<[n, n]>> -> !dist.array<6x5xf64>
  %t = dist.matmul %s, %b : !dist.array<6x4xf64, #dist.layout<[n, b]>>, !dist.array<4x5xf64, #dist.layout<[n, n]>> -> !dist.array<6x5xf64>
  %u = dist.matmul %x, %m : !dist.array<6xf64, #dist.layout<[n]>>, !dist.array<6x5xf64, #dist.layout<[n, c]>> -> !dist.array<5xf64>
  return
}
