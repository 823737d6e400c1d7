// Tests that print becomes runtime calls and main gets start-up/shut-down.
func.func @main() {
  %x = arith.constant 2.5 : f64
  dist.print "x = {}" %x : f64
  return
}
