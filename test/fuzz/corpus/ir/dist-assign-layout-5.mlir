// Tests that a product of a matrix in blocks on a 2-D grid is on a 2-D
// grid too (SUMMA), whatever the right operand's layout.
func.func @matmul_grid(%a: !dist.array<6x4xf64, #dist.layout<[b, b]>>, %b: !dist.array<4x5xf64, #dist.layout<[c, n]>>) {
  %r = dist.matmul %a, %b : !dist.array<6x4xf64, #dist.layout<[b, b]>>, !dist.array<4x5xf64, #dist.layout<[c, n]>> -> !dist.array<6x5xf64>
  return
}
