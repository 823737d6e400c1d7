//===- DistFuse.cpp - Fuse element-wise work into kernels -----------------===//
//
// Three steps. First every creation op, dist.map and dist.reduce becomes a
// single-op dist.kernel, so that everything later deals with one shape of
// loop. Then every view a kernel reads (a dist.gather in its block) becomes
// an access of the kernel's input: the view's base read at shifted,
// strided, fixed or broadcast positions. Last, producers are merged into
// consumers: a kernel whose only result is an array that only one other
// kernel reads, at the iteration point, is inlined into that kernel's body.
// Applied until nothing changes, a chain such as random -> hypot ->
// compare -> sum becomes one loop that materialises no array at all.
//
//===----------------------------------------------------------------------===//

#include "dac/Compiler/Passes.h"

#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"

namespace dac {
#define GEN_PASS_DEF_DISTFUSE
#include "dac/Compiler/Passes.h.inc"
} // namespace dac

using namespace mlir;
using namespace dac;
using namespace dac::dist;

namespace {

/// The block arguments of a kernel body, by role.
struct BodyArgs {
  SmallVector<Value> indices, elements, draws;
};

/// Creates the (empty) body of `kernel` with its arguments: one index per
/// dimension, one element per input, one f64 per random stream.
BodyArgs createBody(OpBuilder &b, Location loc, KernelOp kernel) {
  Block *block = b.createBlock(&kernel.getBody());
  BodyArgs args;
  for (unsigned i = 0; i < kernel.getRank(); ++i)
    args.indices.push_back(block->addArgument(b.getIndexType(), loc));
  for (Value input : kernel.getInputs())
    args.elements.push_back(block->addArgument(
        cast<ArrayType>(input.getType()).getElementType(), loc));
  for (size_t i = 0; i < kernel.getStreams().size(); ++i)
    args.draws.push_back(block->addArgument(b.getF64Type(), loc));
  return args;
}

using BodyBuilder =
    function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange indices,
                                    ValueRange elements, ValueRange draws)>;

/// Creates a kernel over the iteration space of `space` and fills its body.
KernelOp buildKernel(OpBuilder &b, Location loc, ArrayType space,
                     ValueRange sizes, ValueRange inputs, ValueRange streams,
                     ValueRange offsets, TypeRange resultTypes,
                     ArrayRef<Attribute> reductions, BodyBuilder body) {
  auto kernel = KernelOp::create(
      b, loc, resultTypes, sizes, b.getDenseI64ArrayAttr(space.getShape()),
      space.getLayout(), inputs, streams, offsets, b.getArrayAttr(reductions),
      ValueRange{}, ArrayAttr(), Value(), DenseI64ArrayAttr());
  BodyArgs args = createBody(b, loc, kernel);
  SmallVector<Value> yielded =
      body(b, loc, args.indices, args.elements, args.draws);
  YieldOp::create(b, loc, yielded);
  b.setInsertionPointAfter(kernel);
  return kernel;
}

/// Element i of np.arange(start, step): start, start + step, then
/// start + i * ((start + step) - start), NumPy's fill rule.
Value buildArangeElement(OpBuilder &b, Location loc, Value index, Value start,
                         Value step) {
  Type type = start.getType();
  Value i = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
  if (auto intType = dyn_cast<IntegerType>(type)) {
    if (intType.getWidth() < 64)
      i = arith::TruncIOp::create(b, loc, intType, i);
    Value offset = arith::MulIOp::create(b, loc, i, step);
    return arith::AddIOp::create(b, loc, start, offset);
  }
  Value second = arith::AddFOp::create(b, loc, start, step);
  Value delta = arith::SubFOp::create(b, loc, second, start);
  Value fi = arith::SIToFPOp::create(b, loc, type, i);
  Value general = arith::AddFOp::create(
      b, loc, start, arith::MulFOp::create(b, loc, fi, delta));
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value isOne =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, index, one);
  Value isZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, index, zero);
  Value v = arith::SelectOp::create(b, loc, isOne, second, general);
  return arith::SelectOp::create(b, loc, isZero, start, v);
}

/// Step 1: the single-op kernel equivalent to `op`, or null if `op` is not
/// a fusible dist op.
LogicalResult wrapInKernel(Operation *op) {
  OpBuilder b(op);
  Location loc = op->getLoc();
  Attribute arrayResult = b.getUnitAttr();
  KernelOp kernel;
  if (auto random = dyn_cast<RandomOp>(op)) {
    auto type = cast<ArrayType>(random.getType());
    kernel = buildKernel(
        b, loc, type, random.getSizes(), {}, random.getRng(),
        random.getOffset(), type, arrayResult,
        [](OpBuilder &, Location, ValueRange, ValueRange, ValueRange draws) {
          return SmallVector<Value>{draws[0]};
        });
  } else if (auto full = dyn_cast<FullOp>(op)) {
    auto type = cast<ArrayType>(full.getType());
    Value value = full.getValue();
    kernel = buildKernel(b, loc, type, full.getSizes(), {}, {}, {}, type,
                         arrayResult,
                         [&](OpBuilder &, Location, ValueRange, ValueRange,
                             ValueRange) { return SmallVector<Value>{value}; });
  } else if (auto arange = dyn_cast<ArangeOp>(op)) {
    auto type = cast<ArrayType>(arange.getType());
    kernel = buildKernel(
        b, loc, type, arange.getSizes(), {}, {}, {}, type, arrayResult,
        [&](OpBuilder &b, Location loc, ValueRange indices, ValueRange,
            ValueRange) {
          return SmallVector<Value>{buildArangeElement(
              b, loc, indices[0], arange.getStart(), arange.getStep())};
        });
  } else if (auto map = dyn_cast<MapOp>(op)) {
    auto type = cast<ArrayType>(map.getType());
    FailureOr<SmallVector<Value>> sizes = getDynamicSizes(map.getResult());
    if (failed(sizes))
      return op->emitError("cannot find the extents of this array");
    kernel = buildKernel(b, loc, type, *sizes, map.getInputs(), {}, {}, type,
                         arrayResult,
                         [&](OpBuilder &b, Location, ValueRange,
                             ValueRange elements, ValueRange) {
                           IRMapping mapping;
                           Block &body = map.getBody().front();
                           mapping.map(body.getArguments(), elements);
                           for (Operation &inner : body.without_terminator())
                             b.clone(inner, mapping);
                           auto yield = cast<YieldOp>(body.getTerminator());
                           return SmallVector<Value>{
                               mapping.lookupOrDefault(yield.getValues()[0])};
                         });
  } else if (auto reduce = dyn_cast<ReduceOp>(op)) {
    auto type = cast<ArrayType>(reduce.getInput().getType());
    FailureOr<SmallVector<Value>> sizes = getDynamicSizes(reduce.getInput());
    if (failed(sizes))
      return op->emitError("cannot find the extents of this array");
    kernel =
        buildKernel(b, loc, type, *sizes, reduce.getInput(), {}, {},
                    reduce.getType(), reduce.getKindAttr(),
                    [](OpBuilder &, Location, ValueRange, ValueRange elements,
                       ValueRange) { return SmallVector<Value>{elements[0]}; });
  } else {
    return success();
  }
  op->replaceAllUsesWith(kernel);
  op->erase();
  return success();
}

/// Operations in a body that reads nothing up to which it is recomputed in
/// every consumer rather than stored. Unbounded, a chain in which each
/// step reads the previous one several times (`a = np.where(a > 1, a - 1,
/// a + 1)` on np.arange) would grow exponentially.
constexpr size_t kMaxRecomputedOps = 32;

/// True if `producer` can be inlined into `consumer`: the consumer is its
/// only reader, or the producer reads nothing (np.arange, np.full) and is
/// small, and so is cheaper to recompute in every consumer than to store.
bool canFuse(KernelOp producer, KernelOp consumer) {
  if (producer == consumer || producer->getNumResults() != 1 ||
      producer.getReductionKind(0) || producer.getDest())
    return false;
  Value array = producer->getResult(0);
  bool readsNothing =
      producer.getInputs().empty() && producer.getStreams().empty() &&
      producer.getBody().front().getOperations().size() <= kMaxRecomputedOps;
  // A producer outside a loop is not moved into it: that would repeat its
  // work (and its reads) on every iteration.
  if (!readsNothing && (producer->getBlock() != consumer->getBlock() ||
                        !llvm::all_of(array.getUsers(), [&](Operation *user) {
                          return user == consumer;
                        })))
    return false;
  // The consumer reads the producer's element at its own iteration point
  // (a shifted or broadcast read would need the producer's body evaluated
  // elsewhere).
  for (auto [i, input] : llvm::enumerate(consumer.getInputs()))
    if (input == array && consumer.getInputAccess(i))
      return false;
  return producer.getShape() == consumer.getShape() &&
         producer.getLayout() == consumer.getLayout() &&
         llvm::equal(producer.getSizes(), consumer.getSizes());
}

/// The inputs of a kernel being built, each with how it is read.
struct Inputs {
  SmallVector<Value> arrays, starts;
  SmallVector<Attribute> accesses;
  bool anyAccess = false;

  /// Input `i` of `kernel` with its access.
  void addFrom(KernelOp kernel, unsigned i) {
    AccessAttr access = kernel.getInputAccess(i);
    add(kernel.getInputs()[i], access, kernel.getInputAccessStarts(i));
  }
  void add(Value array, AccessAttr access, ValueRange accessStarts) {
    arrays.push_back(array);
    accesses.push_back(access ? Attribute(access)
                              : UnitAttr::get(array.getContext()));
    llvm::append_range(starts, accessStarts);
    anyAccess |= static_cast<bool>(access);
  }
  ArrayAttr getAccesses(OpBuilder &b) const {
    return anyAccess ? b.getArrayAttr(accesses) : ArrayAttr();
  }
};

/// A kernel like `like` (iteration space, results, reductions) with other
/// operands and an empty body.
KernelOp createLike(OpBuilder &b, KernelOp like, const Inputs &inputs,
                    ValueRange streams, ValueRange offsets) {
  return KernelOp::create(
      b, like.getLoc(), like.getResultTypes(), like.getSizes(),
      like.getShapeAttr(), like.getLayout(), inputs.arrays, streams, offsets,
      like.getReductions(), inputs.starts, inputs.getAccesses(b),
      like.getDest(), like.getWindowAttr());
}

/// Inlines `producer` into `consumer`; returns the new consumer.
KernelOp fuse(KernelOp producer, KernelOp consumer) {
  Value array = producer->getResult(0);
  SmallVector<Value> streams(consumer.getStreams()),
      offsets(consumer.getOffsets());
  Inputs inputs;
  for (auto [i, input] : llvm::enumerate(consumer.getInputs()))
    if (input != array)
      inputs.addFrom(consumer, i);
  size_t keptInputs = inputs.arrays.size();
  for (unsigned i = 0, e = producer.getInputs().size(); i < e; ++i)
    inputs.addFrom(producer, i);
  llvm::append_range(streams, producer.getStreams());
  llvm::append_range(offsets, producer.getOffsets());

  OpBuilder b(consumer);
  KernelOp fused = createLike(b, consumer, inputs, streams, offsets);
  BodyArgs args = createBody(b, consumer.getLoc(), fused);
  ArrayRef<Value> indices = args.indices, elements = args.elements,
                  draws = args.draws;

  // The producer's body computes the element the consumer used to load.
  IRMapping mapping;
  mapping.map(producer.getIndexArgs(), indices);
  mapping.map(producer.getInputArgs(),
              ArrayRef<Value>(elements).drop_front(keptInputs));
  mapping.map(producer.getDrawArgs(),
              ArrayRef<Value>(draws).drop_front(consumer.getStreams().size()));
  Block &producerBody = producer.getBody().front();
  for (Operation &op : producerBody.without_terminator())
    b.clone(op, mapping);
  Value element = mapping.lookupOrDefault(
      cast<YieldOp>(producerBody.getTerminator()).getValues()[0]);

  mapping.map(consumer.getIndexArgs(), indices);
  size_t next = 0;
  for (auto [input, arg] :
       llvm::zip(consumer.getInputs(), consumer.getInputArgs()))
    mapping.map(arg, input == array ? element : elements[next++]);
  mapping.map(consumer.getDrawArgs(),
              ArrayRef<Value>(draws).take_front(consumer.getStreams().size()));
  for (Operation &op : consumer.getBody().front())
    b.clone(op, mapping);

  consumer->replaceAllUsesWith(fused);
  consumer->erase();
  if (producer->use_empty())
    producer->erase();
  return fused;
}

/// Reads of views move into the kernels that read them: an input that a
/// dist.gather computes becomes the gather's source read through the
/// gather's access, so partitioning sees the access and the view is never
/// materialised (unless the kernel's layout needs the elements moved).
void foldGathers(KernelOp kernel) {
  bool any = llvm::any_of(kernel.getInputs(), [&](Value v) {
    auto gather = v.getDefiningOp<GatherOp>();
    return gather && gather->getBlock() == kernel->getBlock();
  });
  if (!any)
    return;
  Inputs inputs;
  for (auto [i, input] : llvm::enumerate(kernel.getInputs())) {
    auto gather = input.getDefiningOp<GatherOp>();
    // A gather outside the kernel's loop stays there: it runs once.
    if (!gather || kernel.getInputAccess(i) ||
        gather->getBlock() != kernel->getBlock()) {
      inputs.addFrom(kernel, i);
      continue;
    }
    // Fixed (-1) dims keep their start; the step means nothing there.
    auto access = AccessAttr::get(
        kernel.getContext(), gather.getStaticStarts(), gather.getSteps(),
        gather.getDims(), gather.getWrap().value_or(ArrayRef<int64_t>{}));
    inputs.add(gather.getSource(), access, gather.getStarts());
  }
  OpBuilder b(kernel);
  KernelOp folded =
      createLike(b, kernel, inputs, kernel.getStreams(), kernel.getOffsets());
  folded.getBody().takeBody(kernel.getBody());
  kernel->replaceAllUsesWith(folded);
  // Each gather once (a kernel may read one twice), looked up before the
  // kernel goes.
  llvm::SetVector<Operation *> gathers;
  for (Value v : kernel.getInputs())
    if (auto gather = v.getDefiningOp<GatherOp>())
      gathers.insert(gather);
  kernel->erase();
  for (Operation *gather : gathers)
    if (gather->use_empty())
      gather->erase();
}

/// `u[1:-1] = f(...)`: a kernel whose array is only inserted, as a box,
/// into another array becomes a kernel updating that array over a window,
/// iterating where the array's elements live (each rank computes what it
/// owns, and nothing is materialised and then moved). Only for layouts
/// whose local part of a window is found directly (block dimensions and
/// undistributed ones); random draws keep their own iteration.
/// True if `insert` writes a box (static starts, unit steps, the source's
/// dimensions in order, possibly with fixed indices between them:
/// `u[0, :]`) into an array whose layout gives each rank's part of a
/// window directly: what a window update can do.
bool isWindowInsert(InsertOp insert) {
  auto type = cast<ArrayType>(insert.getDest().getType());
  if (!insert.getStarts().empty() || type.getRank() == 0)
    return false;
  int64_t next = 0;
  for (auto [step, dim] : llvm::zip(insert.getSteps(), insert.getDims())) {
    if (dim < 0)
      continue;
    if (step != 1 || dim != next++)
      return false;
  }
  // Block dimensions own contiguous ranges: a rank's part of the window is
  // a box it finds from them.
  LayoutAttr layout = type.getLayout();
  return layout && llvm::all_of(layout.getDims(), [](DimAttr dim) {
           return !dim.isDistributed() || dim.getKind() == DimKind::Block;
         });
}

/// `a[1:] = b[:-1]`: an insert of a view only copies elements. As a kernel
/// that reads the view, it becomes a window update (foldGathers, then
/// foldInsert): the copy runs where the destination lives, small shifts
/// read ghost rows.
void wrapViewCopy(InsertOp insert) {
  auto gather = insert.getSource().getDefiningOp<GatherOp>();
  if (!gather || gather->getBlock() != insert->getBlock() ||
      !isWindowInsert(insert))
    return;
  auto type = cast<ArrayType>(gather.getType());
  OpBuilder b(insert);
  KernelOp copy =
      buildKernel(b, insert.getLoc(), type, gather.getSizes(),
                  gather.getResult(), {}, {}, type, b.getUnitAttr(),
                  [](OpBuilder &, Location, ValueRange, ValueRange elements,
                     ValueRange) { return SmallVector<Value>{elements[0]}; });
  insert.getSourceMutable().assign(copy.getResult(0));
}

void foldInsert(KernelOp kernel) {
  if (kernel->getNumResults() != 1 || kernel.getReductionKind(0) ||
      kernel.getDest() || !kernel.getStreams().empty() ||
      !kernel.getResult(0).hasOneUse())
    return;
  auto insert = dyn_cast<InsertOp>(*kernel.getResult(0).getUsers().begin());
  if (!insert || insert.getSource() != kernel.getResult(0) ||
      insert->getBlock() != kernel->getBlock() || !isWindowInsert(insert))
    return;
  Value dest = insert.getDest();
  auto type = cast<ArrayType>(dest.getType());
  LayoutAttr layout = type.getLayout();
  // The kernel moves to the insert's place: its operands must be there.
  Operation *def = dest.getDefiningOp();
  if (def && def->getBlock() == kernel->getBlock() &&
      !def->isBeforeInBlock(kernel))
    return;
  OpBuilder b(kernel);
  // Fixed indices (`u[0, :] = ...`) become iteration dimensions of extent
  // 1: the update iterates over the destination's rank, and every read
  // names the iteration dimensions by their new positions.
  ArrayRef<int64_t> dims = insert.getDims();
  SmallVector<int64_t> shape, position;
  for (auto [d, k] : llvm::enumerate(dims)) {
    shape.push_back(k < 0 ? 1 : kernel.getShape()[k]);
    if (k >= 0)
      position.push_back(d);
  }
  bool fixes = llvm::is_contained(dims, -1);
  Inputs inputs;
  for (unsigned i = 0, e = kernel.getInputs().size(); i < e; ++i) {
    AccessAttr access = kernel.getInputAccess(i);
    // An input read at the iteration point under another layout than the
    // destination's (a product's result, say) gets an explicit identity
    // access: it is moved to where the window is updated.
    LayoutAttr own =
        cast<ArrayType>(kernel.getInputs()[i].getType()).getLayout();
    bool elsewhere = !access && own && layout && own != layout;
    if (!fixes && !elsewhere) {
      inputs.addFrom(kernel, i);
      continue;
    }
    unsigned rank = access ? access.getRank() : kernel.getRank();
    SmallVector<int64_t> starts(rank, 0), steps(rank, 1), named;
    for (unsigned d = 0; d < rank; ++d) {
      int64_t k = access ? access.getDims()[d] : d;
      named.push_back(k < 0 ? k : position[k]);
    }
    if (access) {
      starts.assign(access.getStarts().begin(), access.getStarts().end());
      steps.assign(access.getSteps().begin(), access.getSteps().end());
    }
    inputs.add(kernel.getInputs()[i],
               AccessAttr::get(kernel.getContext(), starts, steps, named,
                               access ? access.getWrap() : ArrayRef<int64_t>{}),
               kernel.getInputAccessStarts(i));
  }
  auto updated = KernelOp::create(
      b, kernel.getLoc(), TypeRange{type}, kernel.getSizes(),
      b.getDenseI64ArrayAttr(shape), layout, inputs.arrays, kernel.getStreams(),
      kernel.getOffsets(), kernel.getReductions(), inputs.starts,
      inputs.getAccesses(b), dest,
      b.getDenseI64ArrayAttr(insert.getStaticStarts()));
  updated.getBody().takeBody(kernel.getBody());
  Block &body = updated.getBody().front();
  for (auto [d, k] : llvm::enumerate(dims))
    if (k < 0)
      body.insertArgument(d, b.getIndexType(), kernel.getLoc());
  insert.replaceAllUsesWith(updated.getResult(0));
  insert->erase();
  kernel->erase();
}

/// A kernel that reads no arrays (a constant, positions) inserted as a box
/// in several places (CSE merges equal `u[0, :] = 1.0; v[0, :] = 1.0`):
/// each insert gets its own copy, which then updates its window in place.
/// Returns true if `kernel` is gone.
bool splitGenerator(KernelOp kernel) {
  if (kernel->getNumResults() != 1 || !kernel.getInputs().empty() ||
      !kernel.getStreams().empty() || kernel.getDest() ||
      kernel.getResult(0).hasOneUse())
    return false;
  SmallVector<InsertOp> inserts;
  for (Operation *user : kernel.getResult(0).getUsers())
    if (auto insert = dyn_cast<InsertOp>(user))
      if (insert.getSource() == kernel.getResult(0) &&
          insert->getBlock() == kernel->getBlock() && isWindowInsert(insert))
        inserts.push_back(insert);
  for (InsertOp insert : inserts) {
    OpBuilder b(insert);
    auto copy = cast<KernelOp>(b.clone(*kernel));
    insert.getSourceMutable().assign(copy.getResult(0));
    foldInsert(copy);
  }
  if (!kernel->use_empty())
    return false;
  kernel->erase();
  return true;
}

struct DistFusePass : public dac::impl::DistFuseBase<DistFusePass> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (isa<RandomOp, FullOp, ArangeOp, MapOp, ReduceOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops)
      if (failed(wrapInKernel(op)))
        return signalPassFailure();

    SmallVector<InsertOp> inserts;
    getOperation().walk([&](InsertOp op) { inserts.push_back(op); });
    for (InsertOp insert : inserts)
      wrapViewCopy(insert);

    SmallVector<KernelOp> kernels;
    getOperation().walk([&](KernelOp k) { kernels.push_back(k); });
    for (KernelOp kernel : kernels)
      foldGathers(kernel);
    kernels.clear();
    getOperation().walk([&](KernelOp k) { kernels.push_back(k); });
    // Consumers come after their producers, so visiting in program order
    // lets each consumer absorb its whole producer chain.
    for (KernelOp consumer : kernels) {
      bool changed = true;
      while (changed) {
        changed = false;
        for (Value input : consumer.getInputs()) {
          auto producer = input.getDefiningOp<KernelOp>();
          if (producer && canFuse(producer, consumer)) {
            consumer = fuse(producer, consumer);
            changed = true;
            break;
          }
        }
      }
      if (!splitGenerator(consumer))
        foldInsert(consumer);
    }
  }
};

} // namespace
