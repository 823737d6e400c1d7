// Tests that matrix products of 2-D and 1-D arrays round-trip.
func.func @matmul(%a: !dist.array<6x?xf64>, %b: !dist.array<4x5xf64>, %v: !dist.array<6xf64>, %s: !dist.array<?x6x5xf64>) {
  %c = dist.matmul %a, %b : !dist.array<6x?xf64>, !dist.array<4x5xf64> -> !dist.array<6x5xf64>
  %d = dist.matmul %v, %c : !dist.array<6xf64>, !dist.array<6x5xf64> -> !dist.array<5xf64>
  %e = dist.matmul %s, %d : !dist.array<?x6x5xf64>, !dist.array<5xf64> -> !dist.array<?x6xf64>
  return
}
