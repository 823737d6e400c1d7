#b = #dist.layout<[b]>

// Tests that random -> map -> map -> reduce becomes a single kernel with two
// draws and no array result (the Monte Carlo pi chain).
func.func @pi_chain(%rng: !dist.rng, %n: index, %o0: i64, %o1: i64, %one: f64) -> i64 {
  %x = dist.random %rng[%o0] (%n) : !dist.array<?xf64, #b>
  %y = dist.random %rng[%o1] (%n) : !dist.array<?xf64, #b>
  %h = dist.map %x, %y : !dist.array<?xf64, #b>, !dist.array<?xf64, #b> -> !dist.array<?xf64, #b> {
  ^bb0(%a: f64, %b: f64):
    %s = arith.addf %a, %b : f64
    dist.yield %s : f64
  }
  %in = dist.map %h : !dist.array<?xf64, #b> -> !dist.array<?xi64, #b> {
  ^bb0(%a: f64):
    %c = arith.cmpf ole, %a, %one : f64
    %e = arith.extui %c : i1 to i64
    dist.yield %e : i64
  }
  %s = dist.reduce <sum> %in : !dist.array<?xi64, #b> -> i64
  return %s : i64
}
