//===- ControlFlow.cpp - Compiled loops and run-time branches -------------===//
//
// `for ... in range(...)` and `while` become scf.for / scf.while, an `if` on
// a value known only at run time an scf.if. Python state lives in three
// kinds of places ("slots") that such a region can change:
//
//  * a name of the current scope, rebound to another number or array;
//  * an array object, updated in place (every name bound to it sees that);
//  * a random generator's position in its stream.
//
// The slots a region changes are threaded through it as iter_args and
// results. For a loop they must be known before its body is lowered (a
// carried number must not be folded as if it were constant), so the names
// the body assigns are carried from the start; when lowering reveals more
// (an array updated through an alias, a draw from a generator, an int that
// becomes a float) the loop is lowered once more with them. Compile time
// follows the size of the loop's text, never its trip count.
//
// `break` and `continue` set flags (the pseudo-names %break and
// %continue); statements after one that may have set a flag run under an
// scf.if, and a loop that can break is an scf.while testing %break.
//
// A statement whose Python exception is known when compiling raises at run
// time when it sits in such an `if` (Python raises only if it runs); the
// branch then ends there and the other one decides what follows.
//
//===----------------------------------------------------------------------===//

#include "ControlFlow.h"
#include "IRGen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/ScopeExit.h"

#include <set>

using namespace mlir;
using namespace dac;
using namespace dac::script;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

using Kind = PyValue::Kind;

//===----------------------------------------------------------------------===//
// What a loop body assigns, read from its text
//===----------------------------------------------------------------------===//

void dac::script::collectTargets(const Expr &target,
                                 std::set<std::string> &names) {
  if (const auto *name = dyn_cast<NameExpr>(&target)) {
    names.insert(name->getName());
    return;
  }
  const ExprList *elements = nullptr;
  if (const auto *t = dyn_cast<TupleExpr>(&target))
    elements = &t->getElements();
  else if (const auto *l = dyn_cast<ListExpr>(&target))
    elements = &l->getElements();
  if (elements)
    for (const ExprPtr &e : *elements)
      collectTargets(*e, names);
}

static void scanBlock(const StmtList &body, Assignments &out, bool ownLoop) {
  for (const auto &stmt : body) {
    switch (stmt->getKind()) {
    case Stmt::Kind::Assign:
      for (const ExprPtr &t : cast<AssignStmt>(*stmt).getTargets())
        collectTargets(*t, out.rebound);
      break;
    case Stmt::Kind::AnnAssign:
      collectTargets(cast<AnnAssignStmt>(*stmt).getTarget(), out.rebound);
      break;
    case Stmt::Kind::AugAssign:
      collectTargets(cast<AugAssignStmt>(*stmt).getTarget(), out.augmented);
      break;
    case Stmt::Kind::If:
      scanBlock(cast<IfStmt>(*stmt).getBody(), out, ownLoop);
      scanBlock(cast<IfStmt>(*stmt).getOrElse(), out, ownLoop);
      break;
    case Stmt::Kind::For: {
      const auto &s = cast<ForStmt>(*stmt);
      collectTargets(s.getTarget(), out.rebound);
      // A nested loop's `break` ends that loop; its else clause is ours.
      scanBlock(s.getBody(), out, false);
      scanBlock(s.getOrElse(), out, ownLoop);
      break;
    }
    case Stmt::Kind::While:
      scanBlock(cast<WhileStmt>(*stmt).getBody(), out, false);
      scanBlock(cast<WhileStmt>(*stmt).getOrElse(), out, ownLoop);
      break;
    case Stmt::Kind::Break:
      if (ownLoop)
        out.breaks = true;
      break;
    case Stmt::Kind::Return:
      out.returns = true;
      break;
    default:
      break;
    }
  }
}

Assignments dac::script::scanLoop(const StmtList &body) {
  Assignments out;
  scanBlock(body, out, true);
  return out;
}

/// Which elements a view shows must be known when compiling.
std::string dac::script::viewRebound(const std::string &name) {
  return "'" + name +
         "' is bound to a view (a slice) that differs "
         "depending on a run-time condition or loop iteration; this is not "
         "supported yet: write through the base array (a[...] = ...) or use "
         ".copy()";
}

std::string dac::script::sharedArrayMessage(const std::string &name) {
  return "'" + name +
         "' is written in place here, but whether it shares "
         "its array with another name depends on a run-time branch or loop "
         "iteration (it is rebound there while another name refers to the "
         "same array); this is not supported yet: bind copies (.copy()) to "
         "keep the names apart";
}

bool dac::script::isNumberOrArray(const ValueRef &v) {
  return v && (v->is(Kind::Scalar) || v->is(Kind::Array));
}

//===----------------------------------------------------------------------===//
// Snapshots and slots
//===----------------------------------------------------------------------===//

IRGen::Snapshot IRGen::takeSnapshot() {
  Snapshot snap;
  snap.names = scope->names;
  std::set<const PyValue *> seen;
  std::set<const GeneratorState *> seenGenerators;
  std::set<const Scope *> seenScopes;
  std::function<void(const Scope *)> visitScopes;
  std::function<void(const ValueRef &)> visit = [&](const ValueRef &v) {
    if (!v || !seen.insert(v.get()).second)
      return;
    if (v->is(Kind::Array))
      snap.arrays.push_back({v, v->value});
    if (v->generator && seenGenerators.insert(v->generator.get()).second)
      snap.generators.push_back({v->generator, v->generator->position});
    for (const ValueRef &item : v->items)
      visit(item);
    // What a function reads from the scopes it was defined in is state
    // too: a call can write it.
    if (v->is(Kind::Function))
      visitScopes(v->scope.get());
  };
  visitScopes = [&](const Scope *s) {
    for (; s; s = s->parent.get())
      if (seenScopes.insert(s).second)
        for (const auto &[name, value] : s->names)
          visit(value);
  };
  visitScopes(scope.get());
  return snap;
}

std::map<const PyValue *, int>
IRGen::countReferencesFrom(ArrayRef<std::shared_ptr<Scope>> roots) {
  std::map<const PyValue *, int> counts;
  std::set<const Scope *> seenScopes;
  std::set<const PyValue *> expanded;
  std::function<void(const ValueRef &)> visit = [&](const ValueRef &v) {
    if (!v)
      return;
    ++counts[v.get()];
    if (!expanded.insert(v.get()).second)
      return;
    for (const ValueRef &item : v->items)
      visit(item);
    if (v->view)
      visit(v->view->base);
  };
  for (const std::shared_ptr<Scope> &root : roots)
    for (Scope *s = root.get(); s; s = s->parent.get())
      if (seenScopes.insert(s).second)
        for (const auto &[name, value] : s->names)
          visit(value);
  return counts;
}

std::map<const PyValue *, int>
IRGen::countReferences(ArrayRef<std::shared_ptr<Scope>> roots) {
  std::map<const PyValue *, int> counts = countReferencesFrom(roots);
  // The callers' references to what the current function body works on.
  for (auto &[object, count] : counts)
    if (auto it = externalRefs.find(object); it != externalRefs.end())
      count += it->second;
  return counts;
}

void IRGen::restoreSnapshot(const Snapshot &snap) {
  scope->names = snap.names;
  for (const auto &[object, value] : snap.arrays)
    object->value = value;
  for (const auto &[generator, position] : snap.generators)
    generator->position = position;
}

/// True if two shapes are the same when running: each extent the very
/// same value (known only when running) or equal constants.
static bool sameExtents(ArrayRef<Value> a, ArrayRef<Value> b) {
  if (a.size() != b.size())
    return false;
  for (auto [x, y] : llvm::zip(a, b)) {
    std::optional<int64_t> cx = getConstantIntValue(x),
                           cy = getConstantIntValue(y);
    if (x != y && !(cx && cy && *cx == *cy))
      return false;
  }
  return true;
}

/// "an array of float64", "a float": a value's description after "a"/"an".
static std::string withArticle(const ValueRef &v) {
  std::string text = v->describe();
  return (llvm::StringRef("aeiou").contains(text.front()) ? "an " : "a ") +
         text;
}

Value dac::script::castArray(OpBuilder &b, Location loc, Type carried,
                             Value array, ArrayRef<Value> shape) {
  SmallVector<Value> sizes;
  for (auto [d, extent] :
       llvm::enumerate(cast<dist::ArrayType>(carried).getShape()))
    if (ShapedType::isDynamic(extent))
      sizes.push_back(shape[d]);
  return dist::CastOp::create(b, loc, carried, array, sizes);
}

void IRGen::readSlot(Slot &slot, SmallVectorImpl<Value> &carried,
                     bool &needsRetry) {
  switch (slot.kind) {
  case Slot::Kind::Object:
    carried.push_back(slot.object->value);
    return;
  case Slot::Kind::Offset:
    carried.push_back(slot.generator->position[slot.field]);
    return;
  case Slot::Kind::Name:
    break;
  }
  ValueRef v = scope->names.at(slot.name);
  const ValueRef &proto = slot.proto;
  if (!v->is(proto->kind))
    compileError("'" + slot.name + "' holds a " + proto->describe() +
                 " before this block and a " + v->describe() +
                 " after it; a name that changes inside a loop or a "
                 "branch on a run-time value must keep its kind");
  if (v->is(Kind::Array)) {
    if (v->shape.size() != proto->shape.size() || v->dtype != proto->dtype)
      compileError("'" + slot.name + "' is an " + proto->describe() +
                   " before this block and an " + v->describe() +
                   " after it; an array that changes inside a loop must "
                   "keep its dtype and number of dimensions");
    // An extent that differs from the one the iteration started with
    // (known only at run time, or another constant) is carried from now
    // on: the loop is built again.
    for (auto [d, now, before] : llvm::enumerate(v->shape, proto->shape))
      if (!llvm::is_contained(slot.varying, d) && !sameExtents(now, before)) {
        slot.varying.push_back(d);
        needsRetry = true;
      }
    if (needsRetry) {
      carried.append(slot.width(), v->value);
      return;
    }
    // Another distribution (a product's, say) moves back to the carried
    // one.
    auto type = cast<dist::ArrayType>(proto->value.getType());
    Value moved = em.convertArray(
        v, v->shape, em.arrayType(v->shape, v->dtype, type.getLayout()));
    if (slot.varying.empty()) {
      carried.push_back(em.convertArray(v->withValue(moved), proto->shape,
                                        proto->value.getType()));
      return;
    }
    carried.push_back(
        castArray(b, em.loc, proto->value.getType(), moved, v->shape));
    for (unsigned d : slot.varying)
      carried.push_back(v->shape[d]);
    return;
  }
  if (v->dtype != proto->dtype || (proto->isPython && !v->isPython)) {
    // A number that widens (int -> float) inside a loop: carried in the
    // wider type from the start.
    DType wide = promoteTypes(proto->dtype, v->dtype);
    if (wide != proto->dtype || (proto->isPython && !v->isPython)) {
      needsRetry = true;
      proto->dtype = wide;
      proto->isPython = proto->isPython && v->isPython;
      proto->value = nullptr;
      carried.push_back(v->value);
      return;
    }
  }
  carried.push_back(em.convert(b, em.loc, v->value, v->dtype, proto->dtype));
}

void IRGen::writeSlot(const Slot &slot, ValueRange carried) {
  switch (slot.kind) {
  case Slot::Kind::Object:
    slot.object->value = carried.front();
    return;
  case Slot::Kind::Offset:
    slot.generator->position[slot.field] = carried.front();
    return;
  case Slot::Kind::Name: {
    ValueRef fresh = slot.proto->withValue(carried.front());
    if (!slot.varying.empty()) {
      // Uses of the carried array go through a cast naming its extents.
      for (auto [d, extent] : llvm::zip(slot.varying, carried.drop_front(1)))
        fresh->shape[d] = extent;
      fresh->value = castArray(b, em.loc, slot.proto->value.getType(),
                               carried.front(), fresh->shape);
    }
    if (slot.shared && fresh->is(Kind::Array))
      fresh->aliasWarning = sharedArrayMessage(slot.name);
    scope->names[slot.name] = fresh;
    return;
  }
  }
}

std::vector<IRGen::Slot> IRGen::discoverSlots(const Snapshot &entry,
                                              const std::vector<Slot> &known,
                                              SourceRange range) {
  std::vector<Slot> found;
  auto isKnownName = [&](const std::string &name) {
    return llvm::any_of(known, [&](const Slot &s) {
      return s.kind == Slot::Kind::Name && s.name == name;
    });
  };
  for (const auto &[name, value] : scope->names) {
    if (name == kContinueFlag || name == kBreakFlag || isKnownName(name))
      continue;
    auto before = entry.names.find(name);
    if (before == entry.names.end() || before->second == value ||
        before->second->is(Kind::Unbound))
      continue; // unchanged, or first bound inside: local to the region
    if (before->second->view || value->view)
      throw LocatedError{range, viewRebound(name)};
    if (!isNumberOrArray(before->second) || !isNumberOrArray(value))
      throw LocatedError{range, "'" + name + "' is rebound to a " +
                                    value->describe() +
                                    " inside this block, which runs a "
                                    "number of times known only at run "
                                    "time; only numbers and arrays can "
                                    "change there"};
    Slot slot{Slot::Kind::Name, name, before->second->withValue(nullptr)};
    slot.proto->value = before->second->value;
    found.push_back(slot);
  }
  for (const auto &[object, value] : entry.arrays) {
    if (object->value == value ||
        llvm::any_of(known, [&](const Slot &s) { return s.object == object; }))
      continue;
    found.push_back({Slot::Kind::Object, "", nullptr, object});
  }
  for (const auto &[generator, position] : entry.generators)
    for (unsigned field = 0; field < position.size(); ++field) {
      if (generator->position[field] == position[field] ||
          llvm::any_of(known, [&](const Slot &s) {
            return s.generator == generator && s.field == field;
          }))
        continue;
      found.push_back(
          {Slot::Kind::Offset, "", nullptr, nullptr, generator, field});
    }
  return found;
}

//===----------------------------------------------------------------------===//
// Raising
//===----------------------------------------------------------------------===//

/// Whether a compile-time error is an exception that Python raises only
/// when the statement runs (its arithmetic, conversions, indices, sizes),
/// not one about the script's text or names (AttributeError on a module is
/// an error when compiling, as the issue tracker asks).
static bool raisedWhenRun(StringRef message) {
  for (StringRef kind : {"ValueError:", "OverflowError:", "ZeroDivisionError:",
                         "TypeError:", "IndexError:", "array is too big"})
    if (message.starts_with(kind))
      return true;
  // NumPy's own errors, which dac words as NumPy does, without the class.
  for (StringRef text : {"could not be broadcast", "is out of bounds for",
                         "cannot reshape array of size", "shape mismatch:",
                         "too many indices for array", "matmul: Input operand",
                         "the truth value of an array is ambiguous"})
    if (message.contains(text) && !message.contains("not supported"))
      return true;
  return false;
}

/// Erases what was built in `block` after `last` (from its start if null)
/// up to the insertion point: a statement or expression that failed.
static void dropBuiltSince(OpBuilder &b, Block *block, Operation *last) {
  SmallVector<Operation *> built;
  for (auto it = last ? std::next(last->getIterator()) : block->begin();
       it != b.getInsertionPoint(); ++it)
    built.push_back(&*it);
  for (Operation *op : llvm::reverse(built)) {
    op->dropAllUses();
    op->erase();
  }
}

static Operation *lastBuilt(OpBuilder &b) {
  Block *block = b.getInsertionBlock();
  return b.getInsertionPoint() == block->begin()
             ? nullptr
             : &*std::prev(b.getInsertionPoint());
}

void IRGen::lowerStmtOrRaise(const Stmt &stmt) {
  Block *block = b.getInsertionBlock();
  Operation *last = lastBuilt(b);
  try {
    lowerStmt(stmt);
  } catch (LocatedError &err) {
    err.fenced |= !mayRaise;
    if (err.fenced || !raisedWhenRun(err.message) ||
        b.getInsertionBlock() != block)
      throw;
    // What the statement built before it failed is dropped; in its place
    // the program stops there with the error, if the branch ever runs.
    dropBuiltSince(b, block, last);
    em.loc = locOf(err.range);
    em.emitAssert(em.boolConst(false)->value, err.message);
    raised = true;
  }
}

ValueRef IRGen::lowerArmOrRaise(function_ref<ValueRef()> arm, Value chosen) {
  Block *block = b.getInsertionBlock();
  Location saved = em.loc;
  Value notChosen =
      arith::XOrIOp::create(b, em.loc, chosen, em.boolConst(true)->value);
  Operation *last = lastBuilt(b);
  try {
    ValueRef value = arm();
    // Both arms are computed; the run-time checks of one hold only where
    // it is chosen (an index, a divisor valid only there).
    for (auto it = std::next(last->getIterator()); it != b.getInsertionPoint();
         ++it)
      it->walk([&](dist::AssertOp check) {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPoint(check);
        check.getConditionMutable().assign(arith::OrIOp::create(
            b, check.getLoc(), check.getCondition(), notChosen));
      });
    return value;
  } catch (LocatedError &err) {
    if (err.fenced || !raisedWhenRun(err.message) ||
        b.getInsertionBlock() != block)
      throw;
    dropBuiltSince(b, block, last);
    em.loc = locOf(err.range);
    em.emitAssert(notChosen, err.message);
    em.loc = saved;
    return nullptr;
  }
}

ValueRef IRGen::lowerIfExp(const IfExpExpr &ifexp) {
  ValueRef test = lowerExpr(ifexp.getTest());
  Value cond = em.fold(em.truth(test));
  if (auto known = getConstantIntValue(cond))
    return lowerExpr(*known ? ifexp.getBody() : ifexp.getOrElse());
  ValueRef value = lowerChoice(
      cond, [&] { return lowerExpr(ifexp.getBody()); },
      [&] { return lowerExpr(ifexp.getOrElse()); });
  if (!value->is(Kind::Scalar) && !value->is(Kind::Array))
    compileError("a conditional expression on a run-time condition must "
                 "choose between numbers or arrays");
  return value;
}

ValueRef IRGen::lowerChoice(Value cond, function_ref<ValueRef()> thenArm,
                            function_ref<ValueRef()> elseArm) {
  // Each arm is lowered into a branch of its own, so that only the chosen
  // one runs (its index checks, divisors, element reads), as in Python.
  // Neither may change state (a random stream) that outlives it.
  Location loc = em.loc;
  // (before the branch: the arms' ops may move out of it, below)
  Value otherwise =
      arith::XOrIOp::create(b, loc, cond, em.boolConst(true)->value);
  auto branch = scf::IfOp::create(b, loc, TypeRange{}, cond,
                                  /*withElseRegion=*/true);
  ValueRef x, y;
  {
    ++em.runtimeBranchDepth;
    llvm::scope_exit restore([&] { --em.runtimeBranchDepth; });
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(branch.thenBlock()->getTerminator());
    x = lowerArmOrRaise(thenArm, cond);
    b.setInsertionPoint(branch.elseBlock()->getTerminator());
    // (if both arms raise, the statement does: an error when compiling,
    // or in a branch or loop body a raise where it runs)
    y = x ? lowerArmOrRaise(elseArm, otherwise) : elseArm();
  }
  bool arrays = (x && x->is(Kind::Array)) || (y && y->is(Kind::Array));
  if (arrays || !x || !y) {
    // Arrays are computed both and selected element-wise (the checks of
    // each hold only where it is chosen, see lowerArmOrRaise); an arm
    // that raises where chosen leaves the other's value.
    for (Block *arm : {branch.thenBlock(), branch.elseBlock()})
      for (Operation &op :
           llvm::make_early_inc_range(arm->without_terminator()))
        op.moveBefore(branch);
    branch.erase();
    if (!x || !y)
      return x ? x : y;
    return em.where(PyValue::scalar(cond, DType::Bool, true), x, y);
  }
  if (!x->is(Kind::Scalar) || !y->is(Kind::Scalar)) {
    branch.erase();
    return PyValue::none(); // (the caller says what it needed)
  }
  DType type = em.commonType({x, y});
  Type mlirType = getMLIRType(b, type);
  auto typed = scf::IfOp::create(b, loc, TypeRange{mlirType}, cond,
                                 /*withElseRegion=*/true);
  for (auto [from, to, value] :
       {std::tuple{&branch.getThenRegion(), &typed.getThenRegion(), x},
        std::tuple{&branch.getElseRegion(), &typed.getElseRegion(), y}}) {
    to->takeBody(*from);
    Operation *end = to->front().getTerminator();
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(end);
    scf::YieldOp::create(b, loc,
                         em.convert(b, loc, value->value, value->dtype, type));
    end->erase();
  }
  branch.erase();
  return PyValue::scalar(typed.getResult(0), type, x->isPython && y->isPython);
}

//===----------------------------------------------------------------------===//
// Branches
//===----------------------------------------------------------------------===//

void IRGen::lowerBranches(Value condition, SourceRange range,
                          function_ref<void()> thenBranch,
                          function_ref<void()> elseBranch) {
  Location loc = locOf(range);
  Snapshot entry = takeSnapshot();
  std::map<const PyValue *, int> entryRefs = countReferences({scope});
  auto branchIf = scf::IfOp::create(b, loc, TypeRange{}, condition,
                                    /*withElseRegion=*/true);
  // The end state of one branch: what every name, array and stream holds.
  struct End {
    std::map<std::string, ValueRef> names;
    std::map<std::string, Value> nameValues;
    std::vector<Value> arrays;
    std::vector<std::array<Value, 3>> positions;
    bool raised = false;
  };
  auto lowerBranch = [&](Block *block, function_ref<void()> fn) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(block->getTerminator());
    bool savedMayRaise = mayRaise;
    mayRaise = true;
    fn();
    mayRaise = savedMayRaise;
    if ((breaking || continuing) && !compiledLoopDepth)
      throw LocatedError{range, "'break' and 'continue' inside an 'if' on a "
                                "value known only at run time are supported "
                                "in loops over range() and 'while' loops, "
                                "not in loops over lists and tuples"};
    breaking = continuing = returned = false;
    End end;
    // A branch that raised never reaches the end of the `if`: the names
    // are as they entered, and the other branch decides what follows.
    end.raised = raised;
    raised = false;
    if (end.raised)
      restoreSnapshot(entry);
    end.names = scope->names;
    for (const auto &[name, value] : scope->names)
      end.nameValues[name] = value->value;
    for (const auto &entryArray : entry.arrays)
      end.arrays.push_back(entryArray.first->value);
    for (const auto &entryGen : entry.generators)
      end.positions.push_back(entryGen.first->position);
    restoreSnapshot(entry);
    return end;
  };
  ++dynamicDepth;
  llvm::scope_exit leave([&] { --dynamicDepth; });
  End thenEnd = lowerBranch(branchIf.thenBlock(), thenBranch);
  End elseEnd = lowerBranch(branchIf.elseBlock(), elseBranch);
  // A name one branch binds that the other cannot have at its end (a
  // `return` in one branch only; anything a branch binds anew when the
  // other raised): the other holds a placeholder of the same type, never
  // read (the %return flag is false there, or the program stopped). Both
  // raised: the `if` raises.
  if (thenEnd.raised && elseEnd.raised)
    raised = true;
  for (auto [from, to, block] :
       {std::tuple{&thenEnd, &elseEnd, branchIf.elseBlock()},
        std::tuple{&elseEnd, &thenEnd, branchIf.thenBlock()}})
    for (const auto &[name, value] : from->names) {
      bool returnOnly =
          llvm::StringRef(name).starts_with("%ret") && !to->names.count(name);
      auto before = entry.names.find(name);
      bool otherRaised =
          to->raised && !from->raised &&
          (before == entry.names.end() || before->second != value);
      if (!returnOnly && !otherRaised)
        continue;
      ValueRef placeholder = value;
      if (returnOnly || (isNumberOrArray(value) && !value->view)) {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPoint(block->getTerminator());
        try {
          placeholder = placeholderLike(value, value->value.getType());
        } catch (const CompileError &) {
          if (returnOnly)
            throw;
          throw LocatedError{range,
                             "'" + name +
                                 "' is bound to an array whose extents are "
                                 "known only at run time in one branch of "
                                 "this 'if', and the other branch always "
                                 "raises; this is not supported yet"};
        }
      }
      to->names[name] = placeholder;
      to->nameValues[name] = placeholder->value;
    }

  SmallVector<Value> thenValues, elseValues;
  SmallVector<Type> types;
  std::vector<std::function<void(Value)>> bind;
  // Names bound without a result: no value after the `if` (assigned in one
  // branch only) or the same on both paths.
  std::vector<std::pair<std::string, ValueRef>> direct;
  // Names either branch rebinds.
  std::set<std::string> changed;
  for (const End *end : {&thenEnd, &elseEnd})
    for (const auto &[name, value] : end->names) {
      auto before = entry.names.find(name);
      if (before == entry.names.end() || before->second != value)
        changed.insert(name);
    }
  for (const std::string &name : changed) {
    auto pick = [&](const End &end) -> std::pair<ValueRef, Value> {
      auto it = end.names.find(name);
      if (it == end.names.end())
        return {nullptr, nullptr};
      return {it->second, end.nameValues.at(name)};
    };
    auto [t, tv] = pick(thenEnd);
    auto [e, ev] = pick(elseEnd);
    if ((t && t->view) || (e && e->view)) {
      // One object on every path (a name rebound to itself) stays as it is.
      auto before = entry.names.find(name);
      if (before == entry.names.end() || t != before->second ||
          e != before->second)
        throw LocatedError{range, viewRebound(name)};
      continue;
    }
    if (!t || !e) {
      // Python's name exists after the `if` only when that branch ran:
      // using it is an error.
      auto marker = std::make_shared<PyValue>();
      marker->kind = Kind::Unbound;
      marker->name = "'" + name +
                     "' is assigned in only one branch of an "
                     "'if' on a value known only at run time and has no "
                     "value before it";
      direct.push_back({name, marker});
      continue;
    }
    // One object without run-time values on both paths (a branch that
    // raised took the other's).
    if (t == e && !t->value && t->items.empty()) {
      direct.push_back({name, t});
      continue;
    }
    bool same =
        t->kind == e->kind && isNumberOrArray(t) && t->dtype == e->dtype;
    if (same && t->is(Kind::Array) && tv.getType() != ev.getType() &&
        t->shape.size() == e->shape.size()) {
      // One array type after the `if`: the then branch's layout, and `?`
      // where the branches' extents differ (known only at run time on one
      // path, or two constants).
      auto thenType = cast<dist::ArrayType>(tv.getType());
      auto elseType = cast<dist::ArrayType>(ev.getType());
      SmallVector<int64_t> dims;
      for (auto [x, y] : llvm::zip(thenType.getShape(), elseType.getShape()))
        dims.push_back(x == y ? x : ShapedType::kDynamic);
      auto joined =
          dist::ArrayType::get(b.getContext(), dims, thenType.getElementType(),
                               thenType.getLayout());
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(branchIf.thenBlock()->getTerminator());
      if (thenType != joined)
        tv = castArray(b, em.loc, joined, tv, t->shape);
      b.setInsertionPoint(branchIf.elseBlock()->getTerminator());
      // The else branch's array moves to the then branch's layout.
      if (elseType.getLayout() != thenType.getLayout())
        ev = em.convertArray(
            e->withValue(ev), e->shape,
            em.arrayType(e->shape, e->dtype, thenType.getLayout()));
      if (ev.getType() != joined)
        ev = castArray(b, em.loc, joined, ev, e->shape);
    }
    same = same && tv.getType() == ev.getType();
    if (!same)
      throw LocatedError{range, "'" + name + "' gets " + withArticle(t) +
                                    " in one branch and " + withArticle(e) +
                                    " in the other of this 'if' on a value "
                                    "known only at run time; only numbers "
                                    "of one type, or arrays of one dtype, "
                                    "shape and distribution, are supported"};
    ValueRef proto = t->withValue(nullptr);
    // An extent known only when running that a branch computes (or that
    // differs between the branches) leaves the `if` as a result of its
    // own, bound before the array (the dist IR finds the extents of an
    // `if`'s array there).
    if (t->is(Kind::Array) && tv != ev) {
      auto inside = [&](Value extent) {
        Operation *at = extent.getParentRegion()->getParentOp();
        return branchIf->isAncestor(at);
      };
      for (auto [d, x, y] : llvm::enumerate(t->shape, e->shape)) {
        std::optional<int64_t> cx = getConstantIntValue(x),
                               cy = getConstantIntValue(y);
        if ((cx && cy && *cx == *cy) || (x == y && !inside(x)))
          continue;
        thenValues.push_back(x);
        elseValues.push_back(y);
        types.push_back(x.getType());
        bind.push_back([proto, d = d](Value v) { proto->shape[d] = v; });
      }
    }
    proto->isPython = t->isPython && e->isPython;
    // Extents known when compiling may have been made inside the branch:
    // the value after the `if` gets its own (the others are the same on
    // both paths, so made before it).
    for (Value &extent : proto->shape)
      if (std::optional<int64_t> c = getConstantIntValue(extent))
        extent = em.index(*c);
    // An array bound on one path to an object another name also holds:
    // after the `if` the name may or may not share it.
    if (t->is(Kind::Array)) {
      auto before = entry.names.find(name);
      auto sharedElsewhere = [&](const ValueRef &v) {
        int refs = entryRefs.count(v.get()) ? entryRefs.at(v.get()) : 0;
        bool own = before != entry.names.end() && before->second == v;
        return refs > (own ? 1 : 0);
      };
      if (t != e && (sharedElsewhere(t) || sharedElsewhere(e)))
        proto->aliasWarning = sharedArrayMessage(name);
    }
    // The same value on both paths (one from before the `if`, or a flag
    // both branches set) needs no result.
    std::optional<int64_t> tc = getConstantIntValue(tv),
                           ec = getConstantIntValue(ev);
    if (tv == ev || (tc && ec && *tc == *ec && tv.getType().isInteger(1))) {
      direct.push_back(
          {name,
           proto->withValue(tv == ev ? tv : em.boolConst(*tc != 0)->value)});
      continue;
    }
    thenValues.push_back(tv);
    elseValues.push_back(ev);
    types.push_back(tv.getType());
    bind.push_back([this, name, proto](Value v) {
      scope->names[name] = proto->withValue(v);
    });
  }
  // Arrays updated in place and random streams drawn from.
  for (auto [i, entryArray] : llvm::enumerate(entry.arrays)) {
    Value t = thenEnd.arrays[i], e = elseEnd.arrays[i];
    if (t == entryArray.second && e == entryArray.second)
      continue;
    thenValues.push_back(t);
    elseValues.push_back(e);
    types.push_back(t.getType());
    ValueRef object = entryArray.first;
    bind.push_back([object](Value v) { object->value = v; });
  }
  for (auto [i, entryGen] : llvm::enumerate(entry.generators))
    for (unsigned field = 0; field < entryGen.second.size(); ++field) {
      Value t = thenEnd.positions[i][field], e = elseEnd.positions[i][field];
      if (t == entryGen.second[field] && e == entryGen.second[field])
        continue;
      thenValues.push_back(t);
      elseValues.push_back(e);
      types.push_back(t.getType());
      auto generator = entryGen.first;
      bind.push_back(
          [generator, field](Value v) { generator->position[field] = v; });
    }

  auto merged = scf::IfOp::create(b, loc, types, condition,
                                  /*withElseRegion=*/true);
  merged.getThenRegion().takeBody(branchIf.getThenRegion());
  merged.getElseRegion().takeBody(branchIf.getElseRegion());
  merged.thenBlock()->getTerminator()->setOperands(thenValues);
  merged.elseBlock()->getTerminator()->setOperands(elseValues);
  branchIf.erase();
  for (auto [i, fn] : llvm::enumerate(bind))
    fn(merged.getResult(i));
  for (const auto &[name, value] : direct)
    scope->names[name] = value;
}

ValueRef IRGen::placeholderLike(const ValueRef &v, Type type) {
  if (v->is(Kind::Array)) {
    if (llvm::any_of(v->shape, [](Value d) { return !getConstantIntValue(d); }))
      compileError("returning an array whose extents are known only at run "
                   "time from inside a loop or an 'if' on a run-time value is "
                   "not supported yet");
    ValueRef zero = PyValue::scalar(
        em.convert(b, em.loc, em.intConst(0)->value, DType::Int64, v->dtype),
        v->dtype, false);
    return em.full(v->shape, zero, v->dtype,
                   cast<dist::ArrayType>(type).getLayout());
  }
  return v->withValue(
      em.convert(b, em.loc, em.intConst(0)->value, DType::Int64, v->dtype));
}

Value IRGen::loopExitFlag() {
  Value flag;
  for (const char *name : {kBreakFlag, kContinueFlag, kReturnFlag}) {
    if (!compiledLoopDepth && name != kReturnFlag)
      continue;
    auto it = scope->names.find(name);
    if (it == scope->names.end())
      continue;
    Value v = em.fold(it->second->value);
    if (getConstantIntValue(v) == 0)
      continue;
    flag = flag ? arith::OrIOp::create(b, em.loc, flag, v).getResult() : v;
  }
  return flag;
}
