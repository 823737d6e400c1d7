//===- PartitionKernel.cpp - dist.kernel -> loops over the local chunk ----===//
//
// Each rank runs a kernel's body over its own chunk. The default layout
// (block on dimension 0) computes its chunk inline and walks one contiguous
// slab, random streams split into sixteen lanes stepped together (the
// vectoriser packs their element work into SIMD registers); every other
// layout asks the runtime (the one home of the layout rules) for the local
// extents and the global index of each local position, and random streams
// jump where consecutive local elements are not consecutive draws.
//
//===----------------------------------------------------------------------===//

#include "Partition.h"

using namespace mlir;
using namespace dac;
using namespace dac::dist;
using namespace dac::partition;

Value FunctionPartitioner::createLayoutHandle(OpBuilder &b, Location loc,
                                              LayoutAttr layout,
                                              ArrayRef<Value> globalSizes) {
  Value desc = runtime.i64Array(b, loc, encodeLayout(layout));
  Value shape = createWordBuffer(b, loc, func, globalSizes);
  // The location names the script line if the layout does not fit the
  // number of ranks the program runs on.
  Value where = runtime.string(b, loc, formatLocation(loc));
  return runtime.call(b, loc, RuntimeFunction::dac_rt_layout_create,
                      {desc, shape, where});
}

SmallVector<Value>
FunctionPartitioner::getGlobalSizes(OpBuilder &b, Location loc, Value array) {
  auto type = cast<ArrayType>(getGlobalType(array));
  SmallVector<Value> dynamic;
  if (type.getNumDynamicDims()) {
    auto found = dynamicSizes.find(array);
    assert(found != dynamicSizes.end() && "extents found before partitioning");
    dynamic = found->second;
  }
  SmallVector<Value> sizes;
  unsigned next = 0;
  for (int64_t d : type.getShape())
    sizes.push_back(ShapedType::isDynamic(d) ? dynamic[next++]
                                             : constIndex(b, loc, d));
  return sizes;
}

LocalSpace FunctionPartitioner::buildLocalSpace(OpBuilder &b, Location loc,
                                                LayoutAttr layout,
                                                ArrayRef<Value> globalSizes) {
  // Block and replicated layouts of extents known when compiling: the
  // rank's chunk is computed once, at the start of the function (loops
  // then ask nothing per iteration). Other layouts keep their runtime
  // queries where they are, so that a layout that does not fit the number
  // of ranks is reported where the script reaches it.
  SmallVector<int64_t> key;
  bool hoist = layout.getNumDistributedDims() == 0 || layout.isLeadingBlock();
  for (Value size : globalSizes) {
    std::optional<int64_t> c = getConstantIntValue(size);
    hoist &= c.has_value();
    key.push_back(c.value_or(0));
  }
  if (hoist) {
    std::pair<const void *, SmallVector<int64_t>> id{
        layout.getAsOpaquePointer(), key};
    auto found = hoistedSpaces.find(id);
    if (found != hoistedSpaces.end())
      return found->second;
    OpBuilder entry(b.getContext());
    entry.setInsertionPointToStart(&func.getBody().front());
    SmallVector<Value> sizes;
    for (int64_t c : key)
      sizes.push_back(constIndex(entry, loc, c));
    LocalSpace space = buildLocalSpaceHere(entry, loc, layout, sizes);
    hoistedSpaces[id] = space;
    return space;
  }
  return buildLocalSpaceHere(b, loc, layout, globalSizes);
}

LocalSpace
FunctionPartitioner::buildLocalSpaceHere(OpBuilder &b, Location loc,
                                         LayoutAttr layout,
                                         ArrayRef<Value> globalSizes) {
  unsigned rank = globalSizes.size();
  LocalSpace space;
  space.replicated = layout.getNumDistributedDims() == 0;
  space.general = !space.replicated && !layout.isLeadingBlock();
  space.localSizes.assign(globalSizes.begin(), globalSizes.end());
  space.starts.resize(rank);
  space.tables.resize(rank);
  if (space.general) {
    // The runtime's owned ranges of block dimensions, and local extents
    // and global-index tables of the others.
    Value handle = createLayoutHandle(b, loc, layout, globalSizes);
    for (unsigned d = 0; d < rank; ++d) {
      DimAttr dim = layout.getDims()[d];
      if (!dim.isDistributed())
        continue;
      if (dim.getKind() == DimKind::Block) {
        Value range = createEntryBuffer(b, loc, func, 2);
        runtime.call(b, loc, RuntimeFunction::dac_rt_layout_owned_range,
                     {handle, constI64(b, loc, d), range});
        space.starts[d] = toIndex(b, loc, loadWord(b, loc, range, 0));
        space.localSizes[d] = toIndex(b, loc, loadWord(b, loc, range, 1));
        continue;
      }
      space.localSizes[d] = toIndex(
          b, loc,
          runtime.call(b, loc, RuntimeFunction::dac_rt_layout_local_size,
                       {handle, constI64(b, loc, d)}));
      auto table = memref::AllocOp::create(
          b, loc, MemRefType::get({ShapedType::kDynamic}, b.getI64Type()),
          space.localSizes[d]);
      runtime.call(b, loc, RuntimeFunction::dac_rt_layout_global_indices,
                   {handle, constI64(b, loc, d), getPointer(b, loc, table)});
      space.tables[d] = table;
    }
  } else if (!space.replicated) {
    // The rank's chunk [start, start + count) along dimension 0.
    Value procs = runtime.call(b, loc, RuntimeFunction::dac_rt_comm_size, {});
    Value me = runtime.call(b, loc, RuntimeFunction::dac_rt_comm_rank, {});
    Value range = createEntryBuffer(b, loc, func, 2);
    runtime.call(b, loc, RuntimeFunction::dac_rt_layout_block_range,
                 {toI64(b, loc, globalSizes[0]), procs, me, range});
    space.starts[0] = toIndex(b, loc, loadWord(b, loc, range, 0));
    space.localSizes[0] = toIndex(b, loc, loadWord(b, loc, range, 1));
  }
  return space;
}

Value LocalSpace::globalIndex(OpBuilder &b, Location loc, unsigned d,
                              Value iv) const {
  if (tables[d])
    return toIndex(b, loc, memref::LoadOp::create(b, loc, tables[d], iv));
  if (starts[d])
    return arith::AddIOp::create(b, loc, starts[d], iv);
  return iv;
}

LogicalResult FunctionPartitioner::lowerKernel(KernelOp kernel) {
  OpBuilder b(kernel);
  Location loc = kernel.getLoc();
  LayoutAttr layout = kernel.getLayout();
  bool replicated = layout.getNumDistributedDims() == 0;
  bool general = !replicated && !layout.isLeadingBlock();

  // Arrays and streams must come from ops of this function.
  SmallVector<Value> operands(kernel.getInputs());
  llvm::append_range(operands, kernel.getStreams());
  if (failed(requireLocal(kernel, operands, "a kernel operand")))
    return failure();

  // DAC_STATS: the clock before the kernel, read only when recording.
  Value statsOn = getStatsFlag(b, loc);
  auto clock = scf::IfOp::create(
      b, loc, statsOn,
      [&](OpBuilder &b, Location loc) {
        scf::YieldOp::create(
            b, loc,
            runtime.call(b, loc, RuntimeFunction::dac_rt_stats_clock, {}));
      },
      [&](OpBuilder &b, Location loc) {
        scf::YieldOp::create(
            b, loc,
            arith::ConstantOp::create(b, loc, b.getF64FloatAttr(0))
                .getResult());
      });

  unsigned rank = kernel.getRank();
  ArrayRef<int64_t> shape = kernel.getShape();
  SmallVector<Value> globalSizes;
  unsigned nextDynamic = 0;
  for (int64_t d : shape)
    globalSizes.push_back(ShapedType::isDynamic(d)
                              ? kernel.getSizes()[nextDynamic++]
                              : constIndex(b, loc, d));

  // The space the layout splits: the kernel's own or, when it updates a
  // window of an array, that array's (each rank computes what it owns).
  Frame frame{layout, globalSizes, SmallVector<int64_t>(rank, 0), false};
  Value dest = kernel.getDest();
  if (dest) {
    frame.extents = getGlobalSizes(b, loc, dest);
    frame.window.assign(kernel.getWindow()->begin(), kernel.getWindow()->end());
    frame.updates = true;
  }
  LocalSpace space = buildLocalSpace(b, loc, layout, frame.extents);
  SmallVector<Value> &localSizes = space.localSizes;
  // Block on dimension 0: the first row (random streams are positioned by
  // it).
  Value start = space.starts.empty() || !space.starts[0] ? constIndex(b, loc, 0)
                                                         : space.starts[0];
  frame.starts = space.starts;

  // The local positions the loops visit, per dimension: the whole chunk,
  // or the part of the window this rank owns.
  SmallVector<Value> lowers, uppers;
  for (unsigned d = 0; d < rank; ++d) {
    if (!dest) {
      lowers.push_back(constIndex(b, loc, 0));
      uppers.push_back(localSizes[d]);
      continue;
    }
    Value lo = constIndex(b, loc, frame.window[d]);
    Value hi = arith::AddIOp::create(b, loc, lo, globalSizes[d]);
    if (space.starts[d]) {
      // A block dimension: clamp the window to the owned range.
      auto clamp = [&](Value v, Value min, Value max) -> Value {
        return arith::MinSIOp::create(
            b, loc, arith::MaxSIOp::create(b, loc, v, min), max);
      };
      lo = clamp(arith::SubIOp::create(b, loc, lo, space.starts[d]),
                 constIndex(b, loc, 0), localSizes[d]);
      hi = clamp(arith::SubIOp::create(b, loc, hi, space.starts[d]), lo,
                 localSizes[d]);
    }
    lowers.push_back(lo);
    uppers.push_back(hi);
  }

  // Buffers for array results, with the local extents: an input's buffer
  // when nothing reads that input after this kernel (each element is read
  // and written at the same position), else a new one.
  SmallVector<Value> outputs;
  // An input read elsewhere than at the iteration point is still being
  // read when the element there is written (also when it is read at the
  // point too, as another input).
  SmallVector<Value> reusable;
  llvm::DenseSet<Value> readAway;
  for (auto [i, input] : llvm::enumerate(kernel.getInputs()))
    if (kernel.getInputAccess(i))
      readAway.insert(input);
  for (Value input : kernel.getInputs())
    reusable.push_back(readAway.contains(input) ? Value() : input);
  if (dest) {
    // The updated array's buffer, unless something still reads it: then a
    // copy (the window is overwritten below).
    Value buffer = mapping.lookup(dest);
    if (!canUpdateInPlace(kernel)) {
      Value copy = allocLocal(b, loc, cast<ArrayType>(getGlobalType(dest)),
                              frame.extents);
      copyOutsideBox(b, loc, buffer, copy, lowers, uppers, localSizes);
      buffer = copy;
    }
    outputs.push_back(buffer);
    mapping.map(kernel.getResult(0), buffer);
  }
  for (Value result : dest ? ValueRange{} : kernel.getResults()) {
    auto type = dyn_cast<ArrayType>(result.getType());
    if (!type)
      continue;
    auto reuse = llvm::find_if(reusable, [&](Value input) {
      return input &&
             cast<ArrayType>(getGlobalType(input)).getElementType() ==
                 type.getElementType() &&
             canOverwrite(input, kernel);
    });
    Value buffer;
    if (reuse != reusable.end()) {
      buffer = mapping.lookup(*reuse);
      *reuse = nullptr;
    } else {
      SmallVector<int64_t> dynShape(rank, ShapedType::kDynamic);
      auto memrefType = MemRefType::get(dynShape, type.getElementType());
      buffer = memref::AllocOp::create(b, loc, memrefType, localSizes);
    }
    outputs.push_back(buffer);
    mapping.map(result, buffer);
  }

  // A stream positioned at draw number `position` (runtime jump-ahead).
  Type i128 = b.getIntegerType(128);
  // {state_hi, state_lo, inc_hi, inc_lo} at draw `position`.
  auto loadWordsWith = [&](OpBuilder &b, Value rng,
                           Value position) -> std::array<Value, 4> {
    Value buffer = createEntryBuffer(b, loc, func, 4);
    runtime.call(b, loc, RuntimeFunction::dac_rt_rng_state_at,
                 {mapping.lookup(rng), position, buffer});
    std::array<Value, 4> words;
    for (int i = 0; i < 4; ++i)
      words[i] = loadWord(b, loc, buffer, i);
    return words;
  };
  auto loadStreamWith = [&](OpBuilder &b, Value rng, Value position) -> Stream {
    std::array<Value, 4> words = loadWordsWith(b, rng, position);
    auto join = [&](Value hi, Value lo) -> Value {
      Value c64 = arith::ConstantOp::create(b, loc, IntegerAttr::get(i128, 64));
      Value high = arith::ShLIOp::create(
          b, loc, arith::ExtUIOp::create(b, loc, i128, hi), c64);
      return arith::OrIOp::create(b, loc, high,
                                  arith::ExtUIOp::create(b, loc, i128, lo));
    };
    return {join(words[2], words[3]), join(words[0], words[1])};
  };
  auto loadStream = [&](Value rng, Value position) {
    return loadStreamWith(b, rng, position);
  };
  // The linear (C-order) index of local element (i, 0, ..., 0): a block
  // chunk of dimension 0 is contiguous in C order.
  Value inner = constI64(b, loc, 1);
  for (unsigned d = 1; d < rank; ++d)
    inner = arith::MulIOp::create(b, loc, inner, toI64(b, loc, globalSizes[d]));
  auto streamsAt = [&](Value localRow) {
    Value row = arith::AddIOp::create(b, loc, start, localRow);
    Value linear = arith::MulIOp::create(b, loc, toI64(b, loc, row), inner);
    SmallVector<Stream> result;
    for (auto [rng, offset] :
         llvm::zip(kernel.getStreams(), kernel.getOffsets()))
      result.push_back(
          loadStream(rng, arith::AddIOp::create(b, loc, offset, linear)));
    return result;
  };

  SmallVector<unsigned> reductionResults;
  for (unsigned i = 0, e = kernel.getNumResults(); i < e; ++i)
    if (kernel.getReductionKind(i))
      reductionResults.push_back(i);
  // Float32 sums and products accumulate in float64: a rank's sequential
  // share of millions of elements would otherwise lose digits that NumPy's
  // pairwise summation keeps.
  SmallVector<Type> accTypes;
  for (unsigned i : reductionResults) {
    Type t = kernel.getResult(i).getType();
    ReduceKind kind = *kernel.getReductionKind(i);
    bool widen =
        t.isF32() && (kind == ReduceKind::Sum || kind == ReduceKind::Prod);
    accTypes.push_back(widen ? (Type)b.getF64Type() : t);
  }
  auto identities = [&]() {
    SmallVector<Value> accs;
    for (auto [k, i] : llvm::enumerate(reductionResults))
      accs.push_back(
          buildIdentity(b, loc, *kernel.getReductionKind(i), accTypes[k]));
    return accs;
  };
  // A value of result i as its accumulator's type.
  auto widen = [&](OpBuilder &b, Value v, Type acc) -> Value {
    return v.getType() == acc ? v
                              : (Value)arith::ExtFOp::create(b, loc, acc, v);
  };

  SmallVector<InputRead, 4> reads;
  SmallVector<Value> inputs;
  for (unsigned i = 0, e = kernel.getInputs().size(); i < e; ++i) {
    reads.push_back(prepareInput(b, loc, kernel, i, globalSizes, frame));
    inputs.push_back(reads.back().buffer);
  }

  // The iteration coordinate of local position `iv` along dimension d.
  auto globalIndex = [&](OpBuilder &b, unsigned d, Value iv) -> Value {
    Value global = space.globalIndex(b, loc, d, iv);
    if (!frame.window[d])
      return global;
    return arith::SubIOp::create(b, loc, global,
                                 constIndex(b, loc, frame.window[d]));
  };

  // One element: load, compute (the cloned kernel body), store, combine,
  // step the generators. Returns the new accumulators and stream states.
  Block &body = kernel.getBody().front();
  SmallVector<Value> increments;
  bool border = false;
  auto buildElement = [&](OpBuilder &b, ValueRange ivs, ValueRange accs,
                          ValueRange states) {
    IRMapping inner;
    for (unsigned d = 0; d < rank; ++d)
      inner.map(kernel.getIndexArgs()[d], globalIndex(b, d, ivs[d]));
    for (auto [arg, read] : llvm::zip(kernel.getInputArgs(), reads))
      inner.map(arg, read.load(b, loc, ivs, globalIndex, border));
    SmallVector<Value> nextStates;
    for (auto [i, arg] : llvm::enumerate(kernel.getDrawArgs())) {
      auto [state, value] = buildPcgStep(b, loc, states[i], increments[i]);
      inner.map(arg, value);
      nextStates.push_back(state);
    }
    for (Operation &op : body.without_terminator())
      b.clone(op, inner);
    auto yield = cast<YieldOp>(body.getTerminator());
    SmallVector<Value> nextAccs;
    unsigned out = 0, red = 0;
    for (unsigned i = 0, e = kernel.getNumResults(); i < e; ++i) {
      Value v = inner.lookupOrDefault(yield.getValues()[i]);
      if (std::optional<ReduceKind> kind = kernel.getReductionKind(i)) {
        Value acc = accs[red++];
        nextAccs.push_back(
            buildCombine(b, loc, *kind, acc, widen(b, v, acc.getType())));
      } else
        memref::StoreOp::create(b, loc, v, outputs[out++], ivs);
    }
    return std::make_pair(nextAccs, nextStates);
  };
  size_t numAccs = reductionResults.size();
  size_t numStreams = kernel.getStreams().size();

  // A loop per dimension over the box [lo, hi), threading accumulators and
  // stream states.
  // With `gap` along dimension `gapDim`, the loop over that dimension skips
  // [gap.first, gap.second): one loop over both strips around it.
  auto buildBox = [&](ArrayRef<Value> lo, ArrayRef<Value> hi,
                      SmallVector<Value> accs, SmallVector<Value> states,
                      int gapDim = -1, std::pair<Value, Value> gap = {}) {
    SmallVector<Value> carried(accs);
    carried.append(states);
    std::function<SmallVector<Value>(OpBuilder &, unsigned, SmallVector<Value>,
                                     ValueRange)>
        build = [&](OpBuilder &b, unsigned d, SmallVector<Value> ivs,
                    ValueRange iter) -> SmallVector<Value> {
      if (d == rank) {
        auto [a, s] = buildElement(b, ivs, iter.take_front(numAccs),
                                   iter.drop_front(numAccs));
        a.append(s);
        return a;
      }
      bool skips = static_cast<int>(d) == gapDim;
      Value before, first = lo[d], last = hi[d];
      if (skips) {
        // k < before: lo + k; else gap end + (k - before).
        before = arith::SubIOp::create(b, loc, gap.first, lo[d]);
        first = constIndex(b, loc, 0);
        last = arith::AddIOp::create(
            b, loc, before, arith::SubIOp::create(b, loc, hi[d], gap.second));
      }
      auto loop = scf::ForOp::create(
          b, loc, first, last, constIndex(b, loc, 1), iter,
          [&](OpBuilder &b, Location loc, Value iv, ValueRange args) {
            if (skips) {
              Value low = arith::CmpIOp::create(
                  b, loc, arith::CmpIPredicate::slt, iv, before);
              iv = arith::SelectOp::create(
                  b, loc, low, arith::AddIOp::create(b, loc, lo[d], iv),
                  arith::AddIOp::create(
                      b, loc, gap.second,
                      arith::SubIOp::create(b, loc, iv, before)));
            }
            SmallVector<Value> nested(ivs);
            nested.push_back(iv);
            scf::YieldOp::create(b, loc, build(b, d + 1, nested, args));
          });
      return SmallVector<Value>(loop.getResults());
    };
    SmallVector<Value> finals = build(b, 0, {}, carried);
    return SmallVector<Value>(ArrayRef<Value>(finals).take_front(numAccs));
  };
  // Rows [lower0, upper0) of dimension 0, all of [lowers, uppers) of the
  // others.
  auto buildNest = [&](Value lower0, Value upper0, SmallVector<Value> accs,
                       SmallVector<Value> states) {
    SmallVector<Value> lo(lowers), hi(uppers);
    if (rank) {
      lo[0] = lower0;
      hi[0] = upper0;
    }
    return buildBox(lo, hi, accs, states);
  };

  // The box [lowers, uppers) of the local space: when reads need ghost
  // cells, the inner box whose reads stay in the chunk runs while the cells
  // travel, then the border strips read them (per dimension with ghost
  // cells, in order: the two strips outside the inner box along it, inside
  // along the dimensions before it, in one loop nest). Threads the
  // accumulators.
  auto buildWithGhosts = [&](SmallVector<Value> accs) {
    DenseMap<Value, Ghosts> ghosts;
    startGhosts(b, loc, reads, frame, ghosts);
    if (ghosts.empty())
      return buildBox(lowers, uppers, accs, {});
    SmallVector<Value> innerLo(lowers), innerHi(uppers);
    SmallVector<bool> split(rank, false);
    for (auto &[array, g] : ghosts)
      for (unsigned d = 0; d < rank; ++d) {
        if (!g.dims[d])
          continue;
        split[d] = true;
        innerLo[d] =
            arith::MaxSIOp::create(b, loc, innerLo[d], g.firstInside[d]);
        innerHi[d] =
            arith::MinSIOp::create(b, loc, innerHi[d], g.lastInside[d]);
      }
    for (unsigned d = 0; d < rank; ++d) {
      if (!split[d])
        continue;
      innerLo[d] = arith::MinSIOp::create(b, loc, innerLo[d], uppers[d]);
      innerHi[d] = arith::MaxSIOp::create(b, loc, innerHi[d], innerLo[d]);
    }
    accs = buildBox(innerLo, innerHi, accs, {});
    for (auto &[array, g] : ghosts)
      if (g.pending)
        runtime.call(b, loc, RuntimeFunction::dac_rt_exchange_wait, {g.ticket});
    // Valid after the last op built so far.
    rememberGhosts(ghosts, &*std::prev(b.getInsertionPoint()));
    border = true;
    SmallVector<Value> lo(lowers), hi(uppers);
    for (unsigned d = 0; d < rank; ++d) {
      if (!split[d])
        continue;
      lo[d] = lowers[d];
      hi[d] = uppers[d];
      accs = buildBox(lo, hi, accs, {}, d, {innerLo[d], innerHi[d]});
      lo[d] = innerLo[d];
      hi[d] = innerHi[d];
    }
    border = false;
    return accs;
  };
  bool ghostReads =
      llvm::any_of(reads, [](const InputRead &r) { return r.haloArray; });

  SmallVector<Value> finals;
  Value zero = constIndex(b, loc, 0);
  if (dest) {
    // The part of the window this rank owns (all when replicated).
    buildWithGhosts({});
  } else if (ghostReads && numStreams == 0 && rank > 0) {
    finals = buildWithGhosts(identities());
  } else if (general && numStreams != 0) {
    // Local elements are not one contiguous run of the stream: each stream
    // carries the position it will produce next, and jumps (a runtime call,
    // O(log n)) only where the element's position differs — at the start of
    // each run of consecutive global positions.
    SmallVector<Value> carried = identities();
    Value c0 = constI64(b, loc, 0);
    for (auto [rng, offset] :
         llvm::zip(kernel.getStreams(), kernel.getOffsets())) {
      Stream s = loadStream(rng, offset);
      increments.push_back(s.increment);
      carried.push_back(s.initialState);
      (void)c0;
    }
    for (Value offset : kernel.getOffsets())
      carried.push_back(offset);
    std::function<SmallVector<Value>(OpBuilder &, unsigned, SmallVector<Value>,
                                     ValueRange)>
        build = [&](OpBuilder &b, unsigned d, SmallVector<Value> ivs,
                    ValueRange iter) -> SmallVector<Value> {
      if (d == rank) {
        // Linear (C-order) global position of this element.
        Value linear = constI64(b, loc, 0);
        for (unsigned k = 0; k < rank; ++k)
          linear = arith::AddIOp::create(
              b, loc,
              arith::MulIOp::create(b, loc, linear,
                                    toI64(b, loc, globalSizes[k])),
              toI64(b, loc, globalIndex(b, k, ivs[k])));
        SmallVector<Value> states, nextPositions;
        for (auto [i, rng] : llvm::enumerate(kernel.getStreams())) {
          Value position =
              arith::AddIOp::create(b, loc, kernel.getOffsets()[i], linear);
          Value expected = iter[numAccs + numStreams + i];
          Value jump = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                             position, expected);
          auto ifOp = scf::IfOp::create(
              b, loc, jump,
              [&](OpBuilder &b, Location loc) {
                OpBuilder::InsertionGuard guard(b);
                Stream s = loadStreamWith(b, rng, position);
                scf::YieldOp::create(b, loc, s.initialState);
              },
              [&](OpBuilder &b, Location loc) {
                scf::YieldOp::create(b, loc, iter[numAccs + i]);
              });
          states.push_back(ifOp.getResult(0));
          nextPositions.push_back(
              arith::AddIOp::create(b, loc, position, constI64(b, loc, 1)));
        }
        auto [a, st] = buildElement(b, ivs, iter.take_front(numAccs), states);
        a.append(st);
        a.append(nextPositions);
        return a;
      }
      auto loop = scf::ForOp::create(
          b, loc, zero, localSizes[d], constIndex(b, loc, 1), iter,
          [&](OpBuilder &b, Location loc, Value iv, ValueRange args) {
            SmallVector<Value> nested(ivs);
            nested.push_back(iv);
            scf::YieldOp::create(b, loc, build(b, d + 1, nested, args));
          });
      return SmallVector<Value>(loop.getResults());
    };
    SmallVector<Value> results = build(b, 0, {}, carried);
    finals.assign(results.begin(), results.begin() + numAccs);
  } else if (!general && isVectorReduction(kernel) &&
             llvm::all_of(reads,
                          [](const InputRead &r) { return r.atPoint; })) {
    // Reading arrays and reducing: vectors of kLanes elements with as many
    // independent accumulators (the sum no longer one long dependency
    // chain, and closer to NumPy's pairwise rounding); the rest in a scalar
    // tail.
    constexpr int64_t kLanes = 16;
    Value count = rank ? localSizes[0] : constIndex(b, loc, 1);
    SmallVector<Value> partials = buildVectorReduction(
        b, loc, kernel, kLanes, inputs, start, count, accTypes);
    Value tailStart = arith::MulIOp::create(
        b, loc,
        arith::DivUIOp::create(b, loc, count, constIndex(b, loc, kLanes)),
        constIndex(b, loc, kLanes));
    finals = buildNest(tailStart, count, identities(), {});
    for (auto [k, i] : llvm::enumerate(reductionResults))
      finals[k] = buildCombine(b, loc, *kernel.getReductionKind(i), partials[k],
                               finals[k]);
  } else if (numStreams == 0 || rank != 1 || general) {
    SmallVector<Value> states;
    for (const Stream &s : streamsAt(zero)) {
      increments.push_back(s.increment);
      states.push_back(s.initialState);
    }
    finals = buildNest(zero, rank ? localSizes[0] : zero, identities(), states);
  } else {
    // Random streams are one long dependency chain per generator. Split
    // the chunk into kLanes contiguous parts, each with its own jumped
    // state (the same stream, other positions), and step them together:
    // independent chains keep the core busy. The rest goes in a tail loop.
    constexpr int64_t kLanes = 16;
    Value count = localSizes[0];
    Value per =
        arith::DivUIOp::create(b, loc, count, constIndex(b, loc, kLanes));
    SmallVector<Value> laneStart;
    for (int64_t j = 0; j < kLanes; ++j)
      laneStart.push_back(
          arith::MulIOp::create(b, loc, per, constIndex(b, loc, j)));
    // Each reduction's combination over the lanes.
    SmallVector<Value> partials;
    if (isVectorizable(kernel)) {
      partials = buildVectorLanes(b, loc, kernel, kLanes, start, per, laneStart,
                                  [&](Value rng, Value position) {
                                    return loadWordsWith(b, rng, position);
                                  });
    } else {
      SmallVector<Value> carried;
      for (int64_t j = 0; j < kLanes; ++j)
        llvm::append_range(carried, identities());
      for (int64_t j = 0; j < kLanes; ++j)
        for (const Stream &s : streamsAt(laneStart[j])) {
          if (j == 0)
            increments.push_back(s.increment);
          carried.push_back(s.initialState);
        }
      auto loop = scf::ForOp::create(
          b, loc, zero, per, constIndex(b, loc, 1), carried,
          [&](OpBuilder &b, Location loc, Value iv, ValueRange args) {
            SmallVector<Value> accs, states;
            for (int64_t j = 0; j < kLanes; ++j) {
              Value l = arith::AddIOp::create(b, loc, laneStart[j], iv);
              auto [a, s] = buildElement(
                  b, l, args.slice(j * numAccs, numAccs),
                  args.slice(kLanes * numAccs + j * numStreams, numStreams));
              llvm::append_range(accs, a);
              llvm::append_range(states, s);
            }
            accs.append(states);
            scf::YieldOp::create(b, loc, accs);
          });
      for (auto [k, i] : llvm::enumerate(reductionResults)) {
        Value partial = widen(b, loop.getResult(k), accTypes[k]);
        for (int64_t j = 1; j < kLanes; ++j)
          partial = buildCombine(b, loc, *kernel.getReductionKind(i), partial,
                                 loop.getResult(j * numAccs + k));
        partials.push_back(partial);
      }
    }
    Value tailStart =
        arith::MulIOp::create(b, loc, per, constIndex(b, loc, kLanes));
    SmallVector<Value> tailStates;
    for (const Stream &s : streamsAt(tailStart)) {
      if (increments.empty() || increments.size() < numStreams)
        increments.push_back(s.increment);
      tailStates.push_back(s.initialState);
    }
    finals = buildNest(tailStart, count, identities(), tailStates);
    for (auto [k, i] : llvm::enumerate(reductionResults))
      finals[k] = buildCombine(b, loc, *kernel.getReductionKind(i),
                               widen(b, partials[k], accTypes[k]), finals[k]);
  }

  for (auto [k, i] : llvm::enumerate(reductionResults)) {
    ReduceKind kind = *kernel.getReductionKind(i);
    // A widened float32 sum or product is rounded once, after the ranks'
    // partial results are combined (else the rank count would show).
    Value value = finals[k];
    Type resultType = kernel.getResult(i).getType();
    checkReducedExtents(b, loc, runtime, kind, globalSizes);
    if (!replicated) {
      value = buildAllReduce(b, loc, runtime, kind, value);
      emitRemark(loc) << "allreduce: each rank's partial result is combined "
                         "with all others'";
    }
    if (value.getType() != resultType)
      value = arith::TruncFOp::create(b, loc, resultType, value);
    kernel.getResult(i).replaceAllUsesWith(value);
  }

  scf::IfOp::create(b, loc, statsOn, [&](OpBuilder &b, Location loc) {
    StringRef name = dest         ? "update"
                     : numAccs    ? "reduction"
                     : numStreams ? "random"
                                  : "elementwise";
    int64_t line = 0;
    loc->walk([&](Location inner) {
      if (auto file = dyn_cast<FileLineColLoc>(inner)) {
        line = file.getLine();
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    runtime.call(b, loc, RuntimeFunction::dac_rt_stats_kernel,
                 {runtime.string(b, loc, name), constI64(b, loc, line),
                  clock.getResult(0)});
    scf::YieldOp::create(b, loc);
  });
  return success();
}

Value FunctionPartitioner::getStatsFlag(OpBuilder &b, Location loc) {
  Value enabled =
      runtime.call(b, loc, RuntimeFunction::dac_rt_stats_enabled, {});
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, enabled,
                               constI64(b, loc, 0));
}
