// Tests that a function handing distributed arrays across its boundary
// without static extents and a layout, or a random stream, is refused
// (the rank's chunk is all that crosses), not left half-lowered.

func.func @dynamic_array(%a: !dist.array<?xf64, #dist.layout<[b]>>) -> !dist.array<?xf64, #dist.layout<[b]>> {
  return %a : !dist.array<?xf64, #dist.layout<[b]>>
}
