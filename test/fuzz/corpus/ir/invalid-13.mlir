func.func @f(%rng: !dist.rng, %o: i64) {
  %x = dist.random %rng[%o] : !dist.array<4xf32>
  return
}
