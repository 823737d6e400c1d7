#b = #dist.layout<[b, n]>

// Tests that an array result is allocated with the local extents and stored
// in a 2-D loop nest over the local chunk (the deallocation pipeline that
// follows frees it).
func.func @materialise(%v: f64) {
  %a = dist.kernel [6, 3] <[b, n]> reductions [unit] -> !dist.array<6x3xf64, #b> {
  ^bb0(%i: index, %j: index):
    dist.yield %v : f64
  }
  return
}
