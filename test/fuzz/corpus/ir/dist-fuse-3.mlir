#b = #dist.layout<[b]>

// Tests that arange fuses as a computation on the global index, using
// NumPy's fill rule (start, start + step, then start + i * delta).
func.func @arange(%start: f64, %step: f64) -> f64 {
  %a = dist.arange %start, %step : f64, f64 -> !dist.array<5xf64, #b>
  %s = dist.reduce <sum> %a : !dist.array<5xf64, #b> -> f64
  return %s : f64
}
