// Tests that arrays cross a function's boundary as the rank's chunks: the
// arguments and results become memrefs of the local extents, the results
// take the layouts the function computes them in, and the argument's
// buffer is never written in place (the caller still owns it).

// LLVM-LABEL: llvm.func @axpy
func.func @axpy(%x: !dist.array<10xf64>,
                %y: !dist.array<10x3xf64, #dist.layout<[c, n]>>,
                %s: f64) -> (!dist.array<10xf64>, f64) {
  %r = dist.map %x : !dist.array<10xf64> -> !dist.array<10xf64> {
  ^bb0(%a: f64):
    %t = arith.mulf %a, %s : f64
    dist.yield %t : f64
  }
  %sum = dist.reduce <sum> %y : !dist.array<10x3xf64, #dist.layout<[c, n]>> -> f64
  return %r, %sum : !dist.array<10xf64>, f64
}
