#c = #dist.layout<[c{k = 2}, n]>

// Tests that a layout other than block-on-dimension-0 asks the runtime for
// the local extents and the global index of each local position.
// The descriptor: 2 dims, no explicit grid; c{k=2}; n (RuntimeABI.def).
func.func @cyclic(%v: f64) -> f64 {
  %s = dist.kernel [6, 3] <[c{k = 2}, n]> reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%i: index, %j: index):
    %f = arith.index_cast %i : index to i64
    %g = arith.sitofp %f : i64 to f64
    dist.yield %g : f64
  }
  return %s : f64
}
