//===- Loops.cpp - for over range() and while as scf loops ---------------===//
//
// A loop is built with the slots its body's text assigns, and built again
// with more when lowering the body finds that it changes more (see
// ControlFlow.cpp): compile time follows the loop's text, never its trip
// count. A loop that can `break` or `return` is an scf.while that also
// tests those flags.
//
//===----------------------------------------------------------------------===//

#include "ControlFlow.h"
#include "IRGen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/ScopeExit.h"

#include <numeric>

using namespace mlir;
using namespace dac;
using namespace dac::script;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

using Kind = PyValue::Kind;

struct IRGen::LoopParts {
  const StmtList *body = nullptr, *orElse = nullptr;
  SourceRange header;
  Assignments assigned;
  // `for`: the loop variable and its values start + k * step, k < trip
  // (or the elements of a 1-D array at those positions).
  const Expr *target = nullptr;
  ValueRef elements;
  /// The trip count is known and positive: names first bound in the body
  /// exist after the loop.
  bool runsOnce = false;
  ValueRef start, step;
  Value trip;
  // `while`: the test.
  const Expr *test = nullptr;
};

/// The number of values of range(start, stop, step), as Python counts them.
static Value tripCount(OpBuilder &b, Location loc, Value start, Value stop,
                       Value step) {
  Value zero = arith::ConstantIntOp::create(b, loc, b.getI64Type(), 0);
  auto count = [&](Value from, Value to, Value by) -> Value {
    Value span = arith::SubIOp::create(b, loc, to, from);
    Value n = arith::CeilDivSIOp::create(b, loc, span, by);
    return arith::MaxSIOp::create(b, loc, n, zero);
  };
  std::optional<int64_t> known = getConstantIntValue(step);
  if (known && *known > 0)
    return count(start, stop, step);
  Value negStep = arith::SubIOp::create(b, loc, zero, step);
  if (known)
    return count(stop, start, negStep);
  Value up =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, step, zero);
  // The branch not taken divides by a non-positive step: keep it defined.
  Value one = arith::ConstantIntOp::create(b, loc, b.getI64Type(), 1);
  Value upStep = arith::SelectOp::create(b, loc, up, step, one);
  Value downStep = arith::SelectOp::create(b, loc, up, one, negStep);
  return arith::SelectOp::create(b, loc, up, count(start, stop, upStep),
                                 count(stop, start, downStep));
}

void IRGen::lowerCompiledFor(const ForStmt &stmt, const ValueRef &range,
                             const ValueRef &elements) {
  LoopParts parts;
  parts.elements = elements;
  parts.body = &stmt.getBody();
  parts.orElse = &stmt.getOrElse();
  parts.header = stmt.getIter().getRange();
  parts.assigned = scanLoop(stmt.getBody());
  parts.target = &stmt.getTarget();
  if (!isa<NameExpr>(parts.target))
    throw LocatedError{parts.target->getRange(),
                       elements ? "cannot unpack a number (the loop runs over "
                                  "the elements of a 1-D array)"
                                : "cannot unpack an int (the loop runs over a "
                                  "range)"};
  collectTargets(*parts.target, parts.assigned.rebound);
  ValueRef start = range->items[0], stop = range->items[1];
  parts.start = start;
  parts.step = range->items[2];
  em.loc = locOf(parts.header);
  Value step = parts.step->value;
  if (!getConstantIntValue(step)) {
    Value nonzero = arith::CmpIOp::create(
        b, em.loc, arith::CmpIPredicate::ne, step,
        arith::ConstantIntOp::create(b, em.loc, b.getI64Type(), 0));
    em.emitAssert(nonzero, "ValueError: range() arg 3 must not be zero");
  }
  parts.trip = tripCount(b, em.loc, start->value, stop->value, step);

  // Loops over a range known when compiling may need their variable as a
  // constant (indexing a tuple, say); those are unrolled instead.
  parts.trip = em.fold(parts.trip);
  std::optional<int64_t> trip = getConstantIntValue(parts.trip);
  parts.runsOnce = trip && *trip > 0;
  unsigned savedUnrolled = unrolledIterations;
  if (!trip || *trip > 10000) {
    lowerCompiledLoop(parts);
    return;
  }
  Snapshot entry = takeSnapshot();
  Block *block = b.getInsertionBlock();
  Operation *last = block->empty() ? nullptr : &block->back();
  try {
    lowerCompiledLoop(parts);
  } catch (const LocatedError &) {
    // Drop what the attempt built and unroll.
    while (!block->empty() && &block->back() != last) {
      block->back().dropAllUses();
      block->back().erase();
    }
    restoreSnapshot(entry);
    unrolledIterations = savedUnrolled;
    int64_t s = *Emitter::getConstInt(start),
            by = *Emitter::getConstInt(parts.step);
    int64_t next = 0;
    lowerLoop(stmt.getBody(), stmt.getOrElse(), [&] {
      if (next == *trip)
        return false;
      ValueRef k = em.intConst(s + by * next++);
      assign(stmt.getTarget(), elements ? em.subscript(elements, k) : k);
      return true;
    });
  }
}

void IRGen::lowerCompiledWhile(const WhileStmt &stmt) {
  LoopParts parts;
  parts.body = &stmt.getBody();
  parts.orElse = &stmt.getOrElse();
  parts.header = stmt.getTest().getRange();
  parts.assigned = scanLoop(stmt.getBody());
  parts.test = &stmt.getTest();
  // `while True:` runs its body at least once.
  const auto *literal = dyn_cast<BoolLiteralExpr>(&stmt.getTest());
  parts.runsOnce = literal && literal->getValue();
  lowerCompiledLoop(parts);
  // Without `break` it ends only by `return`.
  if (literal && literal->getValue() && !parts.assigned.breaks &&
      parts.assigned.returns)
    scope->names[kReturnFlag] = em.boolConst(true);
}

void IRGen::lowerCompiledLoop(const LoopParts &parts) {
  em.loc = locOf(parts.header);
  // The flags of an enclosing loop come back after this one.
  std::map<std::string, ValueRef> outerFlags;
  for (const char *flag : {kBreakFlag, kContinueFlag}) {
    auto it = scope->names.find(flag);
    if (it != scope->names.end())
      outerFlags[flag] = it->second;
  }
  auto restoreFlags = [&] {
    for (const char *flag : {kBreakFlag, kContinueFlag}) {
      scope->names.erase(flag);
      auto it = outerFlags.find(flag);
      if (it != outerFlags.end())
        scope->names[flag] = it->second;
    }
  };

  // The loop variable holds an int from the start (its value when the
  // loop runs no iteration is the range's start); over an array's
  // elements, a number of its dtype.
  if (parts.target && parts.elements) {
    const std::string &name = cast<NameExpr>(parts.target)->getName();
    DType t = parts.elements->dtype;
    auto it = scope->names.find(name);
    if (it == scope->names.end() || !it->second->is(Kind::Scalar) ||
        it->second->dtype != t || it->second->isPython)
      scope->names[name] = PyValue::scalar(
          em.convert(b, em.loc, em.intConst(0)->value, DType::Int64, t), t,
          false);
  } else if (parts.target) {
    const std::string &name = cast<NameExpr>(parts.target)->getName();
    auto it = scope->names.find(name);
    if (it == scope->names.end() || !it->second->is(Kind::Scalar) ||
        it->second->dtype != DType::Int64)
      scope->names[name] = parts.start;
  }
  if (parts.assigned.breaks)
    scope->names[kBreakFlag] = em.boolConst(false);
  if (parts.assigned.returns && !scope->names.count(kReturnFlag))
    scope->names[kReturnFlag] = em.boolConst(false);

  std::vector<Slot> slots;
  std::set<std::string> names = parts.assigned.rebound;
  names.insert(parts.assigned.augmented.begin(),
               parts.assigned.augmented.end());
  if (parts.assigned.breaks)
    names.insert(kBreakFlag);
  if (parts.assigned.returns) {
    names.insert(kReturnFlag);
    names.insert(kReturnValue);
  }
  for (const std::string &name : names) {
    auto it = scope->names.find(name);
    if (it == scope->names.end() || !isNumberOrArray(it->second))
      continue;
    const ValueRef &v = it->second;
    // An array only updated in place stays the same object: every alias
    // (a caller's name, say) sees the update. So does a view, whose name
    // may only be rebound to itself.
    if (v->is(Kind::Array) &&
        (v->view || (parts.assigned.augmented.count(name) &&
                     !parts.assigned.rebound.count(name)))) {
      if (llvm::none_of(slots, [&](const Slot &s) { return s.object == v; }))
        slots.push_back({Slot::Kind::Object, "", nullptr, v});
      continue;
    }
    slots.push_back({Slot::Kind::Name, name, v->withValue(v->value)});
  }

  Snapshot entry = takeSnapshot();
  for (int attempt = 0;; ++attempt) {
    bool built;
    try {
      built = buildLoop(parts, slots, entry);
    } catch (const CompileError &err) {
      // A carried value that changes its kind: the loop header is where.
      restoreSnapshot(entry);
      restoreFlags();
      throw LocatedError{parts.header, err.what()};
    } catch (...) {
      restoreSnapshot(entry);
      restoreFlags();
      throw;
    }
    if (built)
      break;
    if (attempt == 16)
      throw LocatedError{parts.header,
                         "this loop's carried values do not settle"};
    if (!pendingValues.empty()) {
      // Names the body binds first that must outlive the loop (its return
      // values; in a loop known to run, every number and array): they
      // start from placeholders of their types, never read before the body
      // has bound them.
      auto pending = std::move(pendingValues);
      pendingValues.clear();
      restoreSnapshot(entry);
      em.loc = locOf(parts.header);
      for (const auto &[name, proto, type] : pending) {
        // The shape as constants of this place (the body that had it is
        // gone).
        auto array = dyn_cast<dist::ArrayType>(type);
        proto->shape.clear();
        for (int64_t d : array ? array.getShape() : ArrayRef<int64_t>{}) {
          if (ShapedType::isDynamic(d))
            throw LocatedError{parts.header,
                               "returning an array whose extents are known "
                               "only at run time from inside a loop is not "
                               "supported yet"};
          proto->shape.push_back(em.index(d));
        }
        ValueRef start = placeholderLike(proto, type);
        scope->names[name] = start;
        slots.push_back(
            {Slot::Kind::Name, name, start->withValue(start->value)});
      }
      entry = takeSnapshot();
    }
  }
  Value broke;
  if (parts.assigned.breaks)
    broke = scope->names.at(kBreakFlag)->value;
  if (parts.assigned.returns) {
    Value ret = scope->names.at(kReturnFlag)->value;
    broke =
        broke ? arith::OrIOp::create(b, em.loc, broke, ret).getResult() : ret;
  }
  restoreFlags();

  // The else clause runs when the loop ends without `break`.
  if (parts.orElse->empty())
    return;
  if (!broke) {
    lowerBlock(*parts.orElse);
    return;
  }
  Value notBroken = arith::XOrIOp::create(
      b, em.loc, broke,
      arith::ConstantIntOp::create(b, em.loc, b.getI1Type(), 1));
  lowerBranches(
      notBroken, parts.header, [&] { lowerBlock(*parts.orElse); }, [] {});
}

bool IRGen::buildLoop(const LoopParts &parts, std::vector<Slot> &slots,
                      const Snapshot &entry) {
  Location loc = locOf(parts.header);
  em.loc = loc;
  bool retry = false;
  // A name rebound in the loop whose array another name also holds: in
  // NumPy which of them the loop writes depends on the iteration.
  // Rebinding may pass any of them to any other name (u, un = un, u), so
  // if one is shared, all are.
  std::map<const PyValue *, int> refs = countReferences({scope});
  bool anyShared = false;
  for (Slot &slot : slots) {
    if (slot.kind != Slot::Kind::Name)
      continue;
    auto it = scope->names.find(slot.name);
    anyShared |= it != scope->names.end() && it->second->is(Kind::Array) &&
                 refs[it->second.get()] >= 2;
  }
  for (Slot &slot : slots)
    slot.shared = anyShared && slot.kind == Slot::Kind::Name &&
                  slot.proto->is(Kind::Array);
  SmallVector<Value> inits;
  for (Slot &slot : slots) {
    if (slot.kind != Slot::Kind::Name) {
      readSlot(slot, inits, retry);
      continue;
    }
    const ValueRef &now = scope->names.at(slot.name);
    Value v = em.convert(b, loc, now->value, now->dtype, slot.proto->dtype);
    slot.proto->value = v;
    if (!slot.varying.empty()) {
      // The carried array's type has `?` where its extents change.
      auto type = cast<dist::ArrayType>(v.getType());
      SmallVector<int64_t> dims(type.getShape());
      for (unsigned d : slot.varying)
        dims[d] = ShapedType::kDynamic;
      auto carried = dist::ArrayType::get(
          b.getContext(), dims, type.getElementType(), type.getLayout());
      slot.proto->value = v = castArray(b, loc, carried, v, now->shape);
    }
    inits.push_back(v);
    for (unsigned d : slot.varying)
      inits.push_back(now->shape[d]);
  }
  SmallVector<Type> types(ValueRange(inits).getTypes());
  bool whileForm =
      parts.test || parts.assigned.breaks || parts.assigned.returns;
  Type i64 = b.getI64Type();
  Value zero = arith::ConstantIntOp::create(b, loc, i64, 0);
  if (whileForm && parts.target) {
    inits.push_back(zero); // the iteration number
    types.push_back(i64);
  }

  Operation *loop;
  Block *bodyBlock;
  ValueRange bodyArgs;
  Value iteration;
  std::vector<Slot> found;
  // What this attempt carries (a slot found to vary while it is built
  // widens in the next one).
  std::vector<size_t> widths;
  for (const Slot &slot : slots)
    widths.push_back(slot.width());
  size_t width = std::accumulate(widths.begin(), widths.end(), size_t(0));
  auto bind = [&](ValueRange args) {
    for (auto [slot, n] : llvm::zip(slots, widths)) {
      if (slot.width() == n)
        writeSlot(slot, args.take_front(n));
      args = args.drop_front(n);
    }
  };
  auto yieldValues = [&](SmallVector<Value> &values) {
    for (Slot &slot : slots)
      readSlot(slot, values, retry);
  };
  if (!whileForm) {
    Value one = arith::ConstantIntOp::create(b, loc, i64, 1);
    auto forOp = scf::ForOp::create(b, loc, zero, parts.trip, one, inits);
    loop = forOp;
    bodyBlock = forOp.getBody();
    if (!bodyBlock->empty())
      bodyBlock->back().erase(); // the implicit yield of a loop without
                                 // iter_args
    bodyArgs = forOp.getRegionIterArgs();
    iteration = forOp.getInductionVar();
  } else {
    auto whileOp = scf::WhileOp::create(b, loc, types, inits);
    loop = whileOp;
    SmallVector<Location> locs(types.size(), loc);
    Block *before = b.createBlock(&whileOp.getBefore(), {}, types, locs);
    bodyBlock = b.createBlock(&whileOp.getAfter(), {}, types, locs);
    b.setInsertionPointAfter(whileOp);
    // The test: runs before every iteration, sees the carried values.
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(before);
    bind(before->getArguments());
    Value go;
    if (parts.test) {
      ValueRef test = lowerExpr(*parts.test);
      em.loc = locOf(parts.test->getRange());
      try {
        go = em.truth(test);
      } catch (const CompileError &err) {
        throw LocatedError{parts.test->getRange(), err.what()};
      }
    } else {
      go = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                 before->getArguments().back(), parts.trip);
    }
    for (const char *flag : {kBreakFlag, kReturnFlag}) {
      if (flag == kBreakFlag ? !parts.assigned.breaks : !parts.assigned.returns)
        continue;
      Value left = scope->names.at(flag)->value;
      Value stay = arith::XOrIOp::create(
          b, loc, left, arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1));
      go = arith::AndIOp::create(b, loc, go, stay);
    }
    // The test may change state too (draw random numbers, say).
    llvm::append_range(found, discoverSlots(entry, slots, parts.header));
    SmallVector<Value> forwarded;
    yieldValues(forwarded);
    if (parts.target)
      forwarded.push_back(before->getArguments().back());
    scf::ConditionOp::create(b, loc, go, forwarded);
    bodyArgs = bodyBlock->getArguments();
    if (parts.target) {
      iteration = bodyArgs.back();
      bodyArgs = bodyArgs.drop_back();
    }
  }

  // The body.
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(bodyBlock);
    restoreSnapshot(entry);
    bind(bodyArgs.take_front(width));
    if (parts.target) {
      em.loc = locOf(parts.target->getRange());
      Value i = arith::AddIOp::create(
          b, em.loc, parts.start->value,
          arith::MulIOp::create(b, em.loc, iteration, parts.step->value));
      ValueRef k = PyValue::scalar(i, DType::Int64, true);
      assign(*parts.target,
             parts.elements ? em.subscript(parts.elements, k) : k);
    }
    // An iteration starts only while no flag is set: the body sees them
    // false (they are still carried, for the loop's test).
    scope->names[kContinueFlag] = em.boolConst(false);
    if (parts.assigned.breaks)
      scope->names[kBreakFlag] = em.boolConst(false);
    if (parts.assigned.returns)
      scope->names[kReturnFlag] = em.boolConst(false);
    ++compiledLoopDepth;
    ++dynamicDepth;
    unsigned savedDepth = em.dynamicControlDepth++;
    // A statement known to raise raises when the body runs, if it ever
    // does (a loop may run no iteration), as in Python.
    bool savedMayRaise = mayRaise;
    mayRaise = true;
    llvm::scope_exit leave([&] {
      --compiledLoopDepth;
      --dynamicDepth;
      em.dynamicControlDepth = savedDepth;
      mayRaise = savedMayRaise;
    });
    lowerBlock(*parts.body);
    // A body that always raises stops the program in its first iteration,
    // if there is one; after the loop, lowering goes on.
    breaking = continuing = returned = raised = false;
    for (const auto &[name, value] : scope->names) {
      if (entry.names.count(name) || !isNumberOrArray(value) || value->view)
        continue;
      bool returnValue = llvm::StringRef(name).starts_with(kReturnValue);
      bool staticShape = llvm::all_of(value->shape, [](Value d) {
        return getConstantIntValue(d).has_value();
      });
      if (returnValue || (parts.runsOnce && name[0] != '%' && staticShape)) {
        auto proto = value->withValue(nullptr);
        proto->view = nullptr;
        proto->views.clear();
        proto->shape.clear(); // rebuilt from the type: these values go
        pendingValues.push_back({name, proto, value->value.getType()});
        retry = true;
      }
    }
    scope->names.erase(kContinueFlag);
    em.loc = loc;
    llvm::append_range(found, discoverSlots(entry, slots, parts.header));
    SmallVector<Value> yielded;
    yieldValues(yielded);
    if (whileForm && parts.target)
      yielded.push_back(arith::AddIOp::create(
          b, loc, iteration, arith::ConstantIntOp::create(b, loc, i64, 1)));
    if (!retry && found.empty())
      scf::YieldOp::create(b, loc, yielded);
  }
  if (retry || !found.empty()) {
    // Carried values were missing or widened: build the loop again.
    b.setInsertionPointAfter(loop);
    loop->dropAllUses();
    loop->erase();
    restoreSnapshot(entry);
    llvm::append_range(slots, found);
    return false;
  }

  // After the loop: the carried values are its results; names first bound
  // inside it have no value (Python's would be the last iteration's).
  b.setInsertionPointAfter(loop);
  std::map<std::string, ValueRef> inside = scope->names;
  restoreSnapshot(entry);
  bind(loop->getResults().take_front(width));
  for (const auto &[name, value] : inside)
    if (name[0] != '%' && !entry.names.count(name)) {
      auto unbound = std::make_shared<PyValue>();
      unbound->kind = Kind::Unbound;
      unbound->name = "'" + name +
                      "' is assigned only inside a loop "
                      "that runs a number of times known only at run time; "
                      "give it a value before the loop to use it after";
      scope->names[name] = unbound;
    }
  return true;
}
