func.func @f(%v: f32) {
  %x = dist.full %v : f32 -> !dist.array<4xf64>
  return
}
