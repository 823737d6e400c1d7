#b = #dist.layout<[b]>
#c = #dist.layout<[c]>

// Tests that a gather becomes a fresh local buffer filled by one planned
// exchange (the access map describes a reversed slice), and that an insert
// whose destination has another reader writes into a copy.
func.func @views(%v: f64) -> f64 {
  %a = dist.kernel [10] <[b]> reductions [unit] -> !dist.array<10xf64, #b> {
  ^bb0(%j: index):
    dist.yield %v : f64
  }
  %g = dist.gather %a [8] steps [-2] dims [0] : !dist.array<10xf64, #b> -> !dist.array<5xf64, #c>
  %i = dist.insert %g into %a [0] steps [2] dims [0] : !dist.array<5xf64, #c> into !dist.array<10xf64, #b> -> !dist.array<10xf64, #b>
  %s = dist.kernel [10] <[b]> ins(%i, %a : !dist.array<10xf64, #b>, !dist.array<10xf64, #b>) reductions [#dist.reduce<sum>] -> f64 {
  ^bb0(%j: index, %x: f64, %y: f64):
    %t = arith.addf %x, %y : f64
    dist.yield %t : f64
  }
  return %s : f64
}
