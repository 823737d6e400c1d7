#b = #dist.layout<[b]>
#n = #dist.layout<[n]>

// Tests that reading one element of a distributed array asks the runtime
// (the owner broadcasts it: no scan of the array, no allreduce), and that a
// replicated array is read locally.
func.func @element(%v: f64, %i: index) -> f64 {
  %a = dist.kernel [10] <[b]> reductions [unit] -> !dist.array<10xf64, #b> {
  ^bb0(%j: index):
    dist.yield %v : f64
  }
  %r = dist.kernel [10] <[n]> reductions [unit] -> !dist.array<10xf64, #n> {
  ^bb0(%j: index):
    dist.yield %v : f64
  }
  %x = dist.extract %a [%i] : !dist.array<10xf64, #b> -> f64
  %y = dist.extract %r [%i] : !dist.array<10xf64, #n> -> f64
  %s = arith.addf %x, %y : f64
  return %s : f64
}
