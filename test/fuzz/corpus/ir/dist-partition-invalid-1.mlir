func.func @stream(%r: !dist.rng) {
  return
}
