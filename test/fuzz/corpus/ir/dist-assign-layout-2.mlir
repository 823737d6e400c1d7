// Tests the layout of views: a box of block dimensions keeps its source's
// layout (a kernel over it computes where the source lives); a strided
// view, one that drops a dimension, and a box of a cyclic array get the
// default.
func.func @views(%v: f64) {
  %a = dist.full %v : f64 -> !dist.array<6x4xf64, #dist.layout<[b, b]>>
  %box = dist.gather %a [1, 1] steps [1, 1] dims [0, 1] : !dist.array<6x4xf64, #dist.layout<[b, b]>> -> !dist.array<4x2xf64>
  %strided = dist.gather %a [0, 0] steps [2, 1] dims [0, 1] : !dist.array<6x4xf64, #dist.layout<[b, b]>> -> !dist.array<3x4xf64>
  %row = dist.gather %a [2, 0] steps [1, 1] dims [-1, 0] : !dist.array<6x4xf64, #dist.layout<[b, b]>> -> !dist.array<4xf64>
  %c = dist.full %v : f64 -> !dist.array<8xf64, #dist.layout<[c]>>
  %cbox = dist.gather %c [1] steps [1] dims [0] : !dist.array<8xf64, #dist.layout<[c]>> -> !dist.array<6xf64>
  return
}
