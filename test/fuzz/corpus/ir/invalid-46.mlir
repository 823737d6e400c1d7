func.func @matmul_types(%a: !dist.array<4x4xf64>, %b: !dist.array<4x4xf32>) {
  %c = dist.matmul %a, %b : !dist.array<4x4xf64>, !dist.array<4x4xf32> -> !dist.array<4x4xf64>
  return
}
