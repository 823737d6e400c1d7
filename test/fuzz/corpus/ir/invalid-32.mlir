func.func @extract_indices(%a: !dist.array<10x4xf64>, %i: index) {
  %x = dist.extract %a [%i] : !dist.array<10x4xf64> -> f64
  return
}
