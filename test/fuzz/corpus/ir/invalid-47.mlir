func.func @matmul_extents(%a: !dist.array<4x3xf64>, %b: !dist.array<4x4xf64>) {
  %c = dist.matmul %a, %b : !dist.array<4x3xf64>, !dist.array<4x4xf64> -> !dist.array<4x4xf64>
  return
}
