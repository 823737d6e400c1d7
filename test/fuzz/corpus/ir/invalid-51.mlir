func.func @matmul_rank(%a: !dist.array<2x2x4x3xf64>, %b: !dist.array<3x5xf64>) {
  %c = dist.matmul %a, %b : !dist.array<2x2x4x3xf64>, !dist.array<3x5xf64> -> !dist.array<2x2x4x5xf64>
  return
}
