func.func @matmul_shape(%a: !dist.array<4x3xf64>, %b: !dist.array<3xf64>) {
  %c = dist.matmul %a, %b : !dist.array<4x3xf64>, !dist.array<3xf64> -> !dist.array<4x1xf64>
  return
}
