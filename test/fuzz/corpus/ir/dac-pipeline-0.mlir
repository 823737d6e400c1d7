// Tests that global dist IR goes all the way to the LLVM dialect: no dist,
// scf, memref or arith operation survives, and it translates to LLVM IR.
// LLVM: define i32 @main(i32 %0, ptr %1)
// LLVM: call void @dac_rt_init(i64
func.func @main() {
  %seed = arith.constant 7 : i64
  %n = arith.constant 1000 : index
  %z = arith.constant 0 : i64
  %rng = dist.rng_create %seed
  %x = dist.random %rng[%z] (%n) : !dist.array<?xf64>
  %s = dist.reduce <sum> %x : !dist.array<?xf64> -> f64
  dist.print "{}" %s : f64
  return
}
