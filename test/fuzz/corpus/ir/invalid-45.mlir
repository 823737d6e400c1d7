func.func @matmul_vectors(%v: !dist.array<4xf64>) {
  %c = dist.matmul %v, %v : !dist.array<4xf64>, !dist.array<4xf64> -> !dist.array<f64>
  return
}
