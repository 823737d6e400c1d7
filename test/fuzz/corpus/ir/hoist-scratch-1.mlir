// Freed only on one path, of a size known when running, or not freed
// here at all: each stays a heap allocation.
func.func @kept(%n: index, %c: i1) -> memref<8xi1> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.alloc() : memref<4xf64>
    scf.if %c {
      memref.dealloc %a : memref<4xf64>
    }
    %d = memref.alloc(%n) : memref<?xf64>
    memref.dealloc %d : memref<?xf64>
  }
  %r = memref.alloc() : memref<8xi1>
  return %r : memref<8xi1>
}
