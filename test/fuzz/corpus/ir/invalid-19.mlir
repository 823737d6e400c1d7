func.func @f(%x: f64) {
  dist.print "{} {}" %x : f64
  return
}
