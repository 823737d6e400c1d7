// RUN: dac-opt %s --dist-partition -split-input-file -verify-diagnostics

// Tests that a function handing distributed arrays across its boundary
// without static extents and a layout, or a random stream, is refused
// (the rank's chunk is all that crosses), not left half-lowered.

// expected-error @+1 {{dist-partition cannot lower a function that takes or returns '!dist.array<?xf64, #dist.layout<[b]>>': arrays crossing a call need static extents and a layout, random streams cannot cross}}
func.func @dynamic_array(%a: !dist.array<?xf64, #dist.layout<[b]>>) -> !dist.array<?xf64, #dist.layout<[b]>> {
  return %a : !dist.array<?xf64, #dist.layout<[b]>>
}

// -----

// expected-error @+1 {{dist-partition cannot lower a function that takes or returns '!dist.rng'}}
func.func @stream(%r: !dist.rng) {
  return
}
