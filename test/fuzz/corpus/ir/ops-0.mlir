// Tests that creation ops, maps and reductions round-trip.
func.func @creation(%seed: i64, %off: i64, %n: index, %v: f64) -> f64 {
  %rng = dist.rng_create %seed
  %x = dist.random %rng[%off] (%n) : !dist.array<?xf64>
  %f = dist.full %v : f64 -> !dist.array<4x5xf64, #dist.layout<[b, n]>>
  %a = dist.arange %v, %v (%n) : f64, f64 -> !dist.array<?xf64>
  %m = dist.map %x, %a : !dist.array<?xf64>, !dist.array<?xf64> -> !dist.array<?xf64> {
  ^bb0(%p: f64, %q: f64):
    %s = arith.addf %p, %q : f64
    dist.yield %s : f64
  }
  %r = dist.reduce <max> %m : !dist.array<?xf64> -> f64
  return %r : f64
}

// Tests that a fused kernel with inputs, draws and a reduction round-trips.
func.func @kernel(%rng: !dist.rng, %off: i64, %n: index,
                  %in: !dist.array<?xf64, #dist.layout<[b]>>) -> i64 {
  %a, %s = dist.kernel [%n] <[b]> ins(%in : !dist.array<?xf64, #dist.layout<[b]>>) draws(%rng at %off) reductions [unit, #dist.reduce<sum>] -> !dist.array<?xf64, #dist.layout<[b]>>, i64 {
  ^bb0(%i: index, %e: f64, %d: f64):
    %p = arith.mulf %e, %d : f64
    %k = arith.index_cast %i : index to i64
    dist.yield %p, %k : f64, i64
  }
  return %s : i64
}

// Tests printing and asserts.
func.func @output(%x: f64, %c: i1) {
  dist.print "x = {} {{braces}}" %x : f64
  dist.assert %c, "boom"
  %t = dist.time
  return
}
