//===- Passes.td - dac compiler passes ----------------------*- tablegen -*-===//
//
// Every pass of the dac pipeline. Flags: `dist-*` for rewrites within the
// dist dialect, `dist-partition` for the lowering to per-rank code, plain
// names for clean-ups of the per-rank code.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_COMPILER_PASSES_TD
#define DAC_COMPILER_PASSES_TD

include "mlir/Pass/PassBase.td"

def DistAssignLayout : Pass<"dist-assign-layout", "::mlir::ModuleOp"> {
  let summary = "Give every distributed array a layout";
  let description = [{
    Arrays created without a layout get the default one (block on dimension
    0, DistArray's default); arrays computed from others take the layout of
    their operands. Afterwards every `!dist.array` type carries a
    `#dist.layout`.
  }];
  let dependentDialects = ["::dac::dist::DistDialect"];
}

def DistBranchExtents : Pass<"dist-branch-extents", "::mlir::ModuleOp"> {
  let summary = "Carry the run-time extents of a branch's arrays out of it";
  let description = [{
    An `scf.if` may yield arrays whose extents known only when running are
    computed inside its branches (`s = a[a > t]` in one branch, another
    length in the other). The passes after it find an array's extents
    where it is made, which for such a result is inside the branches: this
    pass gives the `if` an `index` result per such extent (the value each
    branch computes), unless one already carries it. Canonicalisation drops
    results nothing uses, so the pipeline runs this pass again before each
    pass that needs the extents.
  }];
  let dependentDialects = ["::dac::dist::DistDialect"];
}

def DistFuse : Pass<"dist-fuse", "::mlir::ModuleOp"> {
  let summary = "Fuse element-wise work and reductions into kernels";
  let description = [{
    Turns every creation, `dist.map` and `dist.reduce` into a `dist.kernel`,
    moves each view a kernel reads (a `dist.gather` in its block) into the
    kernel as the access of its input (`#dist.access`), then merges a
    producer kernel into its consumer when the consumer is the only user of
    the producer's array, reads it at the iteration point, and both iterate
    over the same space.
    A fused chain reads each input once, writes each output once and creates
    no temporary arrays; random streams become draws inside the loop.
  }];
  let dependentDialects = ["::dac::dist::DistDialect"];
}

def DistPartition : Pass<"dist-partition", "::mlir::ModuleOp"> {
  let summary = "Lower global dist IR to per-rank loops and runtime calls";
  let description = [{
    Each rank computes its own chunk: array values become local memrefs
    sized at run time from the layout (so the program runs on any number of
    ranks), kernels become loop nests over the local chunk (an input read
    through an access aligned with the kernel's layout, or along
    undistributed dimensions, is read in place; a broadcast operand is
    replicated at the size of the part read; other reads are gathered into
    the kernel's layout by the runtime's planned exchange), reductions end in
    an allreduce, random draws become an inline PCG64 generator started from
    a state the runtime jumps ahead to the rank's first element, and
    printing/asserts become runtime calls. The entry function gets the
    runtime's start-up and shut-down.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::func::FuncDialect",
    "::mlir::LLVM::LLVMDialect", "::mlir::math::MathDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect"
  ];
}

def HoistScratch : Pass<"hoist-scratch", "::mlir::func::FuncOp"> {
  let summary = "Give small scratch buffers freed where they are made one "
                "stack slot";
  let description = [{
    A `memref.alloc` of a small static shape that a `memref.dealloc` in the
    same block frees (the ownership arrays that the lowering of
    `bufferization.dealloc` makes at the end of every loop iteration) is
    dead before the alloc runs again. It becomes one `memref.alloca` in the
    function's entry block and the dealloc goes: a time-step loop then
    allocates nothing per iteration.
  }];
  let options = [
    Option<"maxBytes", "max-bytes", "int64_t", /*default=*/"1024",
           "Largest buffer moved to the stack">,
    Option<"maxTotalBytes", "max-total-bytes", "int64_t", /*default=*/"65536",
           "Stack bytes a function may gain">
  ];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def EarlyDealloc : Pass<"early-dealloc", "::mlir::func::FuncOp"> {
  let summary = "Free each buffer right after the last operation that can "
                "reach it";
  let description = [{
    The ownership-based deallocation pipeline frees a buffer at the end of
    the block that made it: for a script's top level, at the end of the
    program, so a long script held every intermediate array until exit.
    Each `memref.dealloc` moves up to just after the last operation of its
    block that can still reach the buffer (or a nested one, whose ancestor
    in the block then counts). What can reach it, starting from the buffer
    the freed value is a view of:

    * views, casts, and its address taken as an integer, with any
      arithmetic on that integer;
    * memory an address of it is stored to (an argument block for the
      runtime);
    * the addresses a call returns when given one (an exchange's ticket,
      which the wait that completes the exchange takes);
    * the addresses a loop or branch hands out when its body uses one.

    Elements loaded from it, and its extents, strides and offset, are data
    and end the chain: a sum of an array does not keep the array alive.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def SplitLongFunctions : Pass<"split-long-functions", "::mlir::ModuleOp"> {
  let summary = "Cut very long functions into functions of their own";
  let description = [{
    A script of thousands of statements becomes one function that LLVM
    optimises and compiles in time growing faster than its length: its
    dominance queries walk every block above the one asked about, and
    instruction selection and the two-address pass are superlinear in a
    block's length. A function whose top level holds more than `max-ops`
    operations (nested ones counted) is cut into runs of at most `max-ops`
    each (a single longer operation is a run of its own), and each run
    moves into a private function that is never inlined (LLVM's
    `noinline`), called where the run was. Values defined before a run
    become its arguments, values it defines that are read after it its
    results.

    Constants and stack allocations stay where they are, moved to the
    function's start when their operands allow: constants are copied into
    the runs that use them, and a stack buffer must live in the function
    that reads it after a run returns.

    Loop bodies are never cut: a call per iteration would cost more than
    the compile time it saves, and fused loop bodies are short.
  }];
  let options = [
    Option<"maxOps", "max-ops", "unsigned", /*default=*/"2500",
           "Operations a function may hold before it is cut into runs">
  ];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

#endif // DAC_COMPILER_PASSES_TD
