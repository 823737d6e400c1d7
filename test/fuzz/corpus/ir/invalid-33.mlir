func.func @extract_type(%a: !dist.array<10xf64>, %i: index) {
  %x = dist.extract %a [%i] : !dist.array<10xf64> -> f32
  return
}
