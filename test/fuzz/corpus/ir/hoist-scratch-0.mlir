// A scratch array made and freed in every iteration: one stack slot at
// entry, no heap allocation in the loop.
// 16 bytes are more than 8: left alone.
// SMALL-LABEL: func.func @per_iteration
// SMALL: scf.for
// SMALL: memref.alloc() : memref<2xindex>
// SMALL: memref.dealloc
func.func @per_iteration(%n: index, %v: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.alloc() : memref<2xindex>
    memref.store %v, %a[%c0] : memref<2xindex>
    memref.dealloc %a : memref<2xindex>
  }
  return
}
