#b = #dist.layout<[b]>

#bb = #dist.layout<[b, b]>

// Tests that a gather that wraps (np.roll) is not composed with a slice of
// it (wrapping is modulo its own source's extent), but a roll of a roll is
// one roll by the sum of the shifts (back to no wrap where they cancel).
func.func @wraps(%v: !dist.array<10xf64, #b>, %g: !dist.array<6x5xf64, #bb>) -> (!dist.array<8xf64, #b>, !dist.array<6x5xf64, #bb>, !dist.array<6x5xf64, #bb>) {
  %r = dist.gather %v [9] steps [1] dims [0] wrap [0] : !dist.array<10xf64, #b> -> !dist.array<10xf64, #b>
  %s = dist.gather %r [1] steps [1] dims [0] : !dist.array<10xf64, #b> -> !dist.array<8xf64, #b>
  %down = dist.gather %g [5, 0] steps [1, 1] dims [0, 1] wrap [0] : !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  %diag = dist.gather %down [0, 4] steps [1, 1] dims [0, 1] wrap [1] : !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  %up = dist.gather %down [1, 4] steps [1, 1] dims [0, 1] wrap [0, 1] : !dist.array<6x5xf64, #bb> -> !dist.array<6x5xf64, #bb>
  return %s, %diag, %up : !dist.array<8xf64, #b>, !dist.array<6x5xf64, #bb>, !dist.array<6x5xf64, #bb>
}
