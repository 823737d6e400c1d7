// Tests the layouts of products of stacks of matrices: split along the
// stack as the (left) stack operand is, block when that is split otherwise.
func.func @matmul_stacks(%a: !dist.array<3x6x4xf64, #dist.layout<[c, n, n]>>, %b: !dist.array<4x5xf64, #dist.layout<[n, b]>>, %g: !dist.array<3x4x5xf64, #dist.layout<[n, b, n]>>, %v: !dist.array<4xf64, #dist.layout<[n]>>) {
  %r = dist.matmul %a, %b : !dist.array<3x6x4xf64, #dist.layout<[c, n, n]>>, !dist.array<4x5xf64, #dist.layout<[n, b]>> -> !dist.array<3x6x5xf64>
  %s = dist.matmul %a, %g : !dist.array<3x6x4xf64, #dist.layout<[c, n, n]>>, !dist.array<3x4x5xf64, #dist.layout<[n, b, n]>> -> !dist.array<3x6x5xf64>
  %t = dist.matmul %v, %g : !dist.array<4xf64, #dist.layout<[n]>>, !dist.array<3x4x5xf64, #dist.layout<[n, b, n]>> -> !dist.array<3x5xf64>
  return
}
