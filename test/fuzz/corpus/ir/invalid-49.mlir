func.func @matmul_stacks(%a: !dist.array<2x4x3xf64>, %b: !dist.array<3x3x5xf64>) {
  %c = dist.matmul %a, %b : !dist.array<2x4x3xf64>, !dist.array<3x3x5xf64> -> !dist.array<2x4x5xf64>
  return
}
