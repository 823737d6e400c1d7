func.func @f(%rng: !dist.rng, %o: i64) {
  %x = dist.random %rng[%o] : !dist.array<?xf64>
  return
}
