func.func @f(%x: f64) {
  dist.print "a } b {}" %x : f64
  return
}
