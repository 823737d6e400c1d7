// RUN: dac-opt %s --dist-partition -split-input-file -verify-diagnostics

// Tests that a function handing distributed arrays across its boundary is
// refused (the frontend inlines calls; partitioning has no per-rank form
// for arguments and results), not left half-lowered.

// expected-error @+1 {{dist-partition cannot lower a function that takes or returns distributed arrays or random streams}}
func.func @returns_array(%a: !dist.array<4xf64>) -> !dist.array<4xf64> {
  return %a : !dist.array<4xf64>
}
