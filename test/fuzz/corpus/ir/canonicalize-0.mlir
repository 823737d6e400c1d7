#bn = #dist.layout<[b, n]>
#b = #dist.layout<[b]>

// Tests that a gather of a gather reads the first one's source: starts,
// steps and dims composed, fixed indices kept, dynamic starts computed.
func.func @gather_of_gather(%v: !dist.array<10xf64, #b>, %m: !dist.array<8x6xf64, #bn>, %i: index, %n: index) -> (!dist.array<6x4xf64, #bn>, !dist.array<3xf64, #b>, !dist.array<2xf64, #b>) {
  // v[1:9:2][None, :] broadcast over 6 rows: v[1 + 2 * k1]
  %s = dist.gather %v [1] steps [2] dims [0] : !dist.array<10xf64, #b> -> !dist.array<4xf64, #b>
  %r = dist.gather %s [0] steps [1] dims [1] : !dist.array<4xf64, #b> -> !dist.array<1x4xf64, #bn>
  %bc = dist.gather %r [0, 0] steps [0, 1] dims [-1, 1] : !dist.array<1x4xf64, #bn> -> !dist.array<6x4xf64, #bn>
  // m[2, :][::-2] = m[2, 5 - 2 * k]
  %row = dist.gather %m [2, 0] steps [1, 1] dims [-1, 0] : !dist.array<8x6xf64, #bn> -> !dist.array<6xf64, #b>
  %rev = dist.gather %row [5] steps [-2] dims [0] : !dist.array<6xf64, #b> -> !dist.array<3xf64, #b>
  // v[i:][3:5] = v[i + 3 + k]
  %tail = dist.gather %v [%i] steps [1] dims [0] sizes(%n) : !dist.array<10xf64, #b> -> !dist.array<?xf64, #b>
  %two = dist.gather %tail [3] steps [1] dims [0] : !dist.array<?xf64, #b> -> !dist.array<2xf64, #b>
  return %bc, %rev, %two : !dist.array<6x4xf64, #bn>, !dist.array<3xf64, #b>, !dist.array<2xf64, #b>
}
