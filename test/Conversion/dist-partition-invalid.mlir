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

// -----

// Tests that the result of a loop that changes its array's shape is
// refused when read without the dist.cast naming its extents (the extents
// it entered with are not its own any more).
func.func @varying_raw_use(%n: index, %v: f64) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = dist.full %v (%n) : f64 -> !dist.array<?xf64, #dist.layout<[b]>>
  // expected-error @+1 {{cannot find the extents of an array of this op}}
  %r:2 = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a, %e = %n) -> (!dist.array<?xf64, #dist.layout<[b]>>, index) {
    %m = arith.addi %e, %c1 : index
    %b = dist.full %v (%m) : f64 -> !dist.array<?xf64, #dist.layout<[b]>>
    %y = dist.cast %b [%m] : !dist.array<?xf64, #dist.layout<[b]>> -> !dist.array<?xf64, #dist.layout<[b]>>
    scf.yield %y, %m : !dist.array<?xf64, #dist.layout<[b]>>, index
  }
  dist.print "{array}" %r#0 : !dist.array<?xf64, #dist.layout<[b]>>
  return
}
