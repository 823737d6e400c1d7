//===- DistPartition.cpp - Global dist IR to per-rank code ----------------===//
//
// Rewrites every function from the global view (whole arrays) to the view
// of one rank (its local chunk):
//
//  * a dist.kernel becomes a loop nest over the local chunk. Array results
//    are allocated with their local extents, computed at run time by the
//    runtime's layout rules, so one executable runs on any number of ranks;
//    reductions accumulate locally and end in one allreduce each;
//  * random draws become an inline PCG64 generator: the runtime positions
//    the stream at the rank's first element once, the loop steps it;
//  * dist.gather, dist.insert and dist.extract become the runtime's planned
//    exchange between two layouts (PartitionExchange.cpp);
//  * loops, branches and their terminators carry the local chunks instead
//    of global arrays: their types are converted in place, in the same
//    pre-order walk, so every region and block argument is covered;
//  * dist.rng_create, dist.print and dist.assert become runtime calls;
//  * the entry function `main` gets dac_rt_init/dac_rt_finalize.
//
// Buffers are not freed here: the upstream ownership-based deallocation
// that follows knows which buffer a loop hands on. Kernels are lowered in
// PartitionKernel.cpp; the IR helpers they share are in PartitionUtils.cpp.
//
//===----------------------------------------------------------------------===//

#include "Partition.h"

namespace dac {
#define GEN_PASS_DEF_DISTPARTITION
#include "dac/Compiler/Passes.h.inc"
} // namespace dac

using namespace mlir;
using namespace dac;
using namespace dac::dist;
using namespace dac::partition;

void FunctionPartitioner::lowerPrint(PrintOp print) {
  OpBuilder b(print);
  Location loc = print.getLoc();
  StringRef format = print.getFormat();
  std::string text;
  auto flushText = [&]() {
    if (text.empty())
      return;
    Value ptr = runtime.string(b, loc, text);
    runtime.call(b, loc, RuntimeFunction::dac_rt_print_str,
                 {ptr, constI64(b, loc, text.size())});
    text.clear();
  };
  unsigned arg = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if ((c == '{' || c == '}') && i + 1 < format.size() && format[i + 1] == c) {
      text.push_back(c);
      ++i;
      continue;
    }
    if (c != '{') {
      text.push_back(c);
      continue;
    }
    size_t close = format.find('}', i);
    StringRef field = format.slice(i + 1, close);
    i = close;
    flushText();
    Value v = print.getArgs()[arg++];
    Type t = getGlobalType(v);
    if (field.starts_with(":")) {
      // f"{x:spec}": Python's format(x, spec), by the runtime.
      Value spec = runtime.string(b, loc, field.drop_front());
      if (isa<FloatType>(t)) {
        Value wide =
            t.isF64() ? v
                      : (Value)arith::ExtFOp::create(b, loc, b.getF64Type(), v);
        runtime.call(b, loc, RuntimeFunction::dac_rt_print_format_f64,
                     {wide, spec});
      } else {
        Value wide = v;
        if (t.isIndex())
          wide = toI64(b, loc, v);
        else if (t.isInteger(1))
          wide = arith::ExtUIOp::create(b, loc, b.getI64Type(), v);
        else if (!t.isInteger(64))
          wide = arith::ExtSIOp::create(b, loc, b.getI64Type(), v);
        runtime.call(b, loc, RuntimeFunction::dac_rt_print_format_i64,
                     {wide, spec});
      }
      continue;
    }
    if (auto array = dyn_cast<ArrayType>(t)) {
      // dac.localshapes(a) / dac.grid_shape(a): the runtime formats them.
      LayoutAttr layout =
          array.getLayout()
              ? array.getLayout()
              : LayoutAttr::getDefault(b.getContext(), array.getRank());
      Value handle =
          createLayoutHandle(b, loc, layout, getGlobalSizes(b, loc, v));
      if (field == "array") {
        RuntimeElementType code = runtimeElementType(array.getElementType());
        Value data = getPointer(b, loc, mapping.lookup(v));
        runtime.call(b, loc, RuntimeFunction::dac_rt_print_array,
                     {handle, data,
                      arith::ConstantIntOp::create(
                          b, loc, b.getI32Type(), static_cast<int32_t>(code))});
        continue;
      }
      runtime.call(b, loc,
                   field == "localshapes"
                       ? RuntimeFunction::dac_rt_print_localshapes
                       : RuntimeFunction::dac_rt_print_grid_shape,
                   handle);
      continue;
    }
    if (t.isF64()) {
      runtime.call(b, loc, RuntimeFunction::dac_rt_print_f64, v);
    } else if (t.isF32()) {
      runtime.call(b, loc, RuntimeFunction::dac_rt_print_f32, v);
    } else if (t.isInteger(1)) {
      runtime.call(
          b, loc, RuntimeFunction::dac_rt_print_bool,
          arith::ExtUIOp::create(b, loc, b.getI32Type(), v).getResult());
    } else {
      Value wide = v;
      if (t.isIndex())
        wide = toI64(b, loc, v);
      else if (!t.isInteger(64))
        wide = arith::ExtSIOp::create(b, loc, b.getI64Type(), v);
      runtime.call(b, loc, RuntimeFunction::dac_rt_print_i64, wide);
    }
  }
  flushText();
  runtime.call(b, loc, RuntimeFunction::dac_rt_print_flush, {});
  print.erase();
}

void FunctionPartitioner::lowerAssert(AssertOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value failed = arith::XOrIOp::create(
      b, loc, op.getCondition(),
      arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1));
  std::string message = op.getMessage().str();
  scf::IfOp::create(b, loc, failed, [&](OpBuilder &b, Location loc) {
    Value text = runtime.string(b, loc, message);
    Value where = runtime.string(b, loc, formatLocation(loc));
    if (op.getValues().empty()) {
      runtime.call(b, loc, RuntimeFunction::dac_rt_fail_all, {text, where});
    } else {
      Value values = createWordBuffer(b, loc, func, op.getValues());
      runtime.call(
          b, loc, RuntimeFunction::dac_rt_fail_all_values,
          {text, where, constI64(b, loc, op.getValues().size()), values});
    }
    scf::YieldOp::create(b, loc);
  });
  op.erase();
}

void FunctionPartitioner::addEntryPoint() {
  MLIRContext *ctx = func.getContext();
  OpBuilder b(ctx);
  Block &entry = func.getBody().front();
  Location loc = func.getLoc();
  Type i32 = b.getI32Type();
  Type ptr = LLVM::LLVMPointerType::get(ctx);
  Value argc = entry.addArgument(i32, loc);
  Value argv = entry.addArgument(ptr, loc);
  func.setFunctionType(b.getFunctionType({i32, ptr}, {i32}));
  b.setInsertionPointToStart(&entry);
  Value version = constI64(b, loc, getRuntimeABIVersion());
  runtime.call(b, loc, RuntimeFunction::dac_rt_init, {version, argc, argv});
  func.walk([&](func::ReturnOp ret) {
    b.setInsertionPoint(ret);
    runtime.call(b, ret.getLoc(), RuntimeFunction::dac_rt_finalize, {});
    Value zero = arith::ConstantIntOp::create(b, ret.getLoc(), i32, 0);
    func::ReturnOp::create(b, ret.getLoc(), zero);
    ret.erase();
  });
}

/// The per-rank form of a global type: an array becomes its local chunk
/// (extents known when running), a random stream the runtime's handle.
static Type getLocalType(Type type) {
  if (auto array = dyn_cast<ArrayType>(type))
    return MemRefType::get(
        SmallVector<int64_t>(array.getRank(), ShapedType::kDynamic),
        array.getElementType());
  if (isa<RngType>(type))
    return LLVM::LLVMPointerType::get(type.getContext());
  return nullptr;
}

/// Whether a copy of an array may move from after `op` to before it: `op`
/// touches no memory (nested ops included) or only reads a clock.
static bool copyMayMoveAbove(Operation *op) {
  WalkResult result = op->walk([](Operation *nested) {
    if (auto call = dyn_cast<func::CallOp>(nested)) {
      const RuntimeFunction clocks[] = {RuntimeFunction::dac_rt_time_now,
                                        RuntimeFunction::dac_rt_stats_clock,
                                        RuntimeFunction::dac_rt_stats_kernel};
      bool clock = llvm::any_of(clocks, [&](RuntimeFunction fn) {
        return call.getCallee() == getRuntimeFunctionName(fn);
      });
      return clock ? WalkResult::advance() : WalkResult::interrupt();
    }
    if (nested->getNumRegions() == 0 && !isMemoryEffectFree(nested))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return !result.wasInterrupted();
}

/// Where to copy `buffer` for `loop`: as early before the loop as the
/// buffer's contents are final, so that the program's order stays (the copy
/// of `w = u.copy()` made before a timed region is not paid inside it).
static void setCopyInsertionPoint(OpBuilder &b, scf::ForOp loop, Value buffer) {
  Operation *first = loop;
  while (Operation *prev = first->getPrevNode()) {
    if (llvm::is_contained(prev->getResults(), buffer) ||
        !copyMayMoveAbove(prev))
      break;
    first = prev;
  }
  b.setInsertionPoint(first);
}

LogicalResult FunctionPartitioner::convertStructural(Operation *op) {
  // The partitioner finds an array's global extents from the op that
  // computes it; a carried array has none, so its extents must be static.
  for (OpOperand &operand : op->getOpOperands())
    if (getLocalType(operand.get().getType()))
      operand.set(mapping.lookup(operand.get()));
  if (auto loop = dyn_cast<scf::ForOp>(op)) {
    // Arrays a loop may overwrite in place need buffers of their own: one
    // value entering as several of them (`w = u.copy()` is `u` as a value,
    // CSE makes two `np.zeros(n)` one) gives a copy, made before the loop,
    // to each that is written in place, except one when no other reads it.
    DenseMap<Value, unsigned> uses;
    DenseSet<Value> shared;
    for (auto [arg, init] :
         llvm::zip(loop.getRegionIterArgs(), loop.getInitArgs())) {
      ++uses[init];
      if (!ownedLoopArrays.contains(arg))
        shared.insert(init);
    }
    OpBuilder b(loop);
    for (auto [arg, init] :
         llvm::zip(loop.getRegionIterArgs(), loop.getInitArgsMutable())) {
      Value buffer = init.get();
      if (!isa<MemRefType>(buffer.getType()) || uses[buffer] < 2 ||
          !ownedLoopArrays.contains(arg) || shared.insert(buffer).second)
        continue;
      setCopyInsertionPoint(b, loop, buffer);
      auto type = cast<MemRefType>(buffer.getType());
      SmallVector<Value> sizes;
      for (unsigned d = 0; d < type.getRank(); ++d)
        sizes.push_back(memref::DimOp::create(b, loop.getLoc(), buffer, d));
      Value copy = memref::AllocOp::create(b, loop.getLoc(), type, sizes);
      memref::CopyOp::create(b, loop.getLoc(), buffer, copy);
      init.set(copy);
    }
  }
  auto convert = [&](Value v) {
    if (Type local = getLocalType(v.getType())) {
      globalTypes[v] = v.getType();
      v.setType(local);
      mapping.map(v, v);
    }
  };
  for (Value result : op->getResults())
    convert(result);
  for (Region &region : op->getRegions())
    for (Block &block : region)
      for (Value arg : block.getArguments())
        convert(arg);
  return success();
}

LogicalResult FunctionPartitioner::findDynamicSizes() {
  // On the global IR, before anything is converted: the extents of an
  // array are those of the op that computes it or, for a value a loop or a
  // branch carries, of the array entering it.
  WalkResult walk = func.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op->getParentOfType<KernelOp>() || op->getParentOfType<MapOp>())
      return WalkResult::skip();
    SmallVector<Value> values(op->getResults());
    for (Region &region : op->getRegions())
      for (Block &block : region)
        llvm::append_range(values, block.getArguments());
    for (Value v : values) {
      auto array = dyn_cast<ArrayType>(v.getType());
      if (!array || array.hasStaticShape())
        continue;
      FailureOr<SmallVector<Value>> sizes = getDynamicSizes(v);
      // An array whose shape a loop changes is only handed on, and read
      // through dist.cast ops that name its extents.
      bool handedOn = llvm::all_of(v.getUsers(), [](Operation *user) {
        return isa<CastOp, scf::YieldOp, scf::ConditionOp>(user);
      });
      if (failed(sizes) && handedOn)
        continue;
      if (failed(sizes)) {
        op->emitError("cannot find the extents of an array of this op");
        return WalkResult::interrupt();
      }
      dynamicSizes[v] = *sizes;
    }
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

/// A type of the dist dialect (an array or a random stream): what
/// partitioning replaces by per-rank values.
static bool isDistributed(Type type) {
  return isa<DistDialect>(&type.getDialect());
}

LogicalResult FunctionPartitioner::run() {
  if (failed(convertSignature()))
    return failure();
  findOwnedLoopArrays();
  if (failed(findDynamicSizes()))
    return failure();
  // Pre-order: a loop's carried values are converted before its body is.
  SmallVector<Operation *> ops;
  func.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op->getParentOfType<KernelOp>() || op->getParentOfType<MapOp>())
      return;
    ops.push_back(op);
  });
  SmallVector<Operation *> dead;
  for (Operation *op : ops) {
    if (!op->getDialect() || !isa<DistDialect>(op->getDialect())) {
      // Loops, branches and their terminators carry arrays by value: they
      // carry the local chunks instead.
      if (op != func && failed(convertStructural(op)))
        return failure();
      continue;
    }
    if (isa<YieldOp>(op))
      continue;
    if (auto rng = dyn_cast<RngCreateOp>(op)) {
      OpBuilder b(rng);
      mapping.map(rng.getRng(), runtime.call(b, rng.getLoc(),
                                             RuntimeFunction::dac_rt_rng_create,
                                             rng.getSeed()));
      dead.push_back(op);
    } else if (auto kernel = dyn_cast<KernelOp>(op)) {
      if (failed(lowerKernel(kernel)))
        return failure();
      dead.push_back(op);
    } else if (auto gather = dyn_cast<GatherOp>(op)) {
      if (failed(lowerGather(gather)))
        return failure();
      dead.push_back(op);
    } else if (auto extract = dyn_cast<ExtractOp>(op)) {
      if (failed(lowerExtract(extract)))
        return failure();
      dead.push_back(op);
    } else if (auto insert = dyn_cast<InsertOp>(op)) {
      if (failed(lowerInsert(insert)))
        return failure();
      dead.push_back(op);
    } else if (auto take = dyn_cast<TakeOp>(op)) {
      if (failed(lowerTake(take)))
        return failure();
      dead.push_back(op);
    } else if (auto legacy = dyn_cast<LegacyRngOp>(op)) {
      OpBuilder b(legacy);
      mapping.map(legacy.getRng(),
                  runtime.call(b, legacy.getLoc(),
                               RuntimeFunction::dac_rt_legacy_create, {}));
      dead.push_back(op);
    } else if (auto sample = dyn_cast<SampleOp>(op)) {
      lowerSample(sample);
      dead.push_back(op);
    } else if (auto expand = dyn_cast<ExpandOp>(op)) {
      if (failed(lowerExpand(expand)))
        return failure();
      dead.push_back(op);
    } else if (auto scatter = dyn_cast<ScatterOp>(op)) {
      if (failed(lowerScatter(scatter)))
        return failure();
      dead.push_back(op);
    } else if (auto compress = dyn_cast<CompressOp>(op)) {
      if (failed(lowerCompress(compress)))
        return failure();
      dead.push_back(op);
    } else if (auto cast = dyn_cast<CastOp>(op)) {
      // The same local chunk: only the global type forgets extents.
      mapping.map(cast.getResult(), mapping.lookup(cast.getSource()));
      dead.push_back(op);
    } else if (auto reshape = dyn_cast<ReshapeOp>(op)) {
      if (failed(lowerReshape(reshape)))
        return failure();
      dead.push_back(op);
    } else if (auto product = dyn_cast<MatmulOp>(op)) {
      if (failed(lowerMatmul(product)))
        return failure();
      dead.push_back(op);
    } else if (auto scan = dyn_cast<ScanOp>(op)) {
      if (failed(lowerScan(scan)))
        return failure();
      dead.push_back(op);
    } else if (auto reduce = dyn_cast<ReduceDimsOp>(op)) {
      if (failed(lowerReduceDims(reduce)))
        return failure();
      dead.push_back(op);
    } else if (auto print = dyn_cast<PrintOp>(op)) {
      lowerPrint(print);
    } else if (auto check = dyn_cast<CheckSizeOp>(op)) {
      OpBuilder b(check);
      Location loc = check.getLoc();
      runtime.call(b, loc, RuntimeFunction::dac_rt_check_size,
                   {createWordBuffer(b, loc, func, check.getSizes()),
                    constI64(b, loc, check.getSizes().size()),
                    constI64(b, loc, check.getElementBytes()),
                    runtime.string(b, loc, check.getDtype()),
                    runtime.string(b, loc, formatLocation(loc))});
      dead.push_back(op);
    } else if (auto check = dyn_cast<AssertOp>(op)) {
      lowerAssert(check);
    } else if (auto time = dyn_cast<TimeOp>(op)) {
      OpBuilder b(time);
      time.replaceAllUsesWith(
          runtime.call(b, time.getLoc(), RuntimeFunction::dac_rt_time_now, {}));
      time.erase();
    } else {
      return op->emitError("'")
             << op->getName()
             << "' must be fused into a dist.kernel before partitioning "
                "(run dist-fuse first)";
    }
  }
  for (Operation *op : llvm::reverse(dead)) {
    op->dropAllUses();
    op->erase();
  }
  // Local buffers are freed by the upstream ownership-based deallocation
  // that follows this pass: it knows which buffer a loop or a branch hands
  // on and frees the others at the end of their block.
  if (func.getSymName() == "main" && func.getNumArguments() == 0 &&
      func.getNumResults() == 0)
    addEntryPoint();
  // Returned arrays are the rank's chunks now.
  func.setFunctionType(
      FunctionType::get(func.getContext(), func.front().getArgumentTypes(),
                        func.front().getTerminator()->getOperandTypes()));
  return success();
}

LogicalResult FunctionPartitioner::convertSignature() {
  // An array crosses a call as the rank's chunk (a memref of its local
  // extents): the callee knows the global extents and the layout from the
  // type, so they must be static. Random streams have no per-rank form that
  // could cross (the frontends inline the script's functions).
  FunctionType signature = func.getFunctionType();
  for (Type type : llvm::concat<const Type>(signature.getInputs(),
                                            signature.getResults())) {
    auto array = dyn_cast<ArrayType>(type);
    if (!isDistributed(type) ||
        (array && array.hasStaticShape() && array.getLayout()))
      continue;
    return func.emitError("dist-partition cannot lower a function that takes "
                          "or returns ")
           << type
           << ": arrays crossing a call need static extents and a layout, "
              "random streams cannot cross";
  }
  for (BlockArgument arg : func.getArguments())
    if (Type local = getLocalType(arg.getType())) {
      globalTypes[arg] = arg.getType();
      arg.setType(local);
      mapping.map(arg, arg);
    }
  return success();
}

namespace {

struct DistPartitionPass
    : public dac::impl::DistPartitionBase<DistPartitionPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> funcs(module.getOps<func::FuncOp>());
    RuntimeSymbols runtime(module);
    for (func::FuncOp func : funcs) {
      if (func.isExternal())
        continue;
      if (failed(FunctionPartitioner(func, runtime).run()))
        return signalPassFailure();
    }
    // Nothing distributed may survive: later passes would pass it through
    // silently (or crash on it).
    WalkResult left = module.walk([](Operation *op) {
      bool any = isa_and_present<DistDialect>(op->getDialect()) ||
                 llvm::any_of(op->getOperandTypes(), isDistributed) ||
                 llvm::any_of(op->getResultTypes(), isDistributed);
      for (Region &region : op->getRegions())
        for (Block &block : region)
          any |= llvm::any_of(block.getArgumentTypes(), isDistributed);
      if (!any)
        return WalkResult::advance();
      op->emitError("dist-partition left a distributed value here");
      return WalkResult::interrupt();
    });
    if (left.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
