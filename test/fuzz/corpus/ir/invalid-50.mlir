func.func @matmul_stack_shape(%a: !dist.array<2x4x3xf64>, %b: !dist.array<3x5xf64>) {
  %c = dist.matmul %a, %b : !dist.array<2x4x3xf64>, !dist.array<3x5xf64> -> !dist.array<4x5xf64>
  return
}
