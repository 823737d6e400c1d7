func.func @f(%x: f64) {
  dist.print "{localshapes}" %x : f64
  return
}
