//===- Functions.cpp - User functions as func.func ------------------------===//
//
// A call of a user function compiles the body into a private func.func,
// once per kind of call, and emits a func.call; the pipeline inlines the
// calls before layouts are assigned.
//
// Python passes objects by reference: a function may write its caller's
// arrays in place, advance its random generators, return views of its
// arguments and read the names of the scopes it was defined in. So the
// body runs on clones of everything it can reach (its arguments, the names
// its text mentions that its defining scopes bind, and what those hold,
// transitively). Each SSA value the originals hold becomes an argument of
// the func.func, except constants: extents and Python numbers known when
// compiling stay known, the constants the body uses are copied in after it,
// and a number known when compiling is not cloned at all (it is immutable;
// a big list of them costs a call little). After the body, the state of
// the clones that changed, and the return value, are carried back to the
// caller's objects through the func.func's results.
//
// A call's key describes that object graph: kinds, dtypes, constants, the
// types of run-time values, which objects are the same object, and how
// many references from elsewhere each has (aliasing decides what may be
// written in place). Calls with equal keys share one func.func.
//
//===----------------------------------------------------------------------===//

#include "ControlFlow.h"
#include "IRGen.h"

#include "dac/Dialect/Dist/IR/DistDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SetVector.h"

#include <algorithm>
#include <functional>

using namespace mlir;
using namespace dac;
using namespace dac::script;
using Kind = PyValue::Kind;

/// What a call hands its callee: the objects the body can reach, in the
/// order the key lists them, and the SSA values they hold.
struct dac::script::Capture {
  std::string key;
  std::vector<ValueRef> objects;
  std::map<const PyValue *, size_t> objectIndex;
  std::vector<std::shared_ptr<GeneratorState>> generators;
  std::map<const GeneratorState *, size_t> generatorIndex;
  /// Per function object: the names its text mentions that its scopes
  /// bind, with what they hold.
  std::map<size_t, std::vector<std::pair<std::string, ValueRef>>> closures;
  /// Values known only when running: the func.func's arguments.
  std::vector<Value> arguments;
  llvm::DenseMap<Value, size_t> argumentIndex;
  /// The parameters and what they are bound to.
  std::vector<std::pair<std::string, ValueRef>> params;
  /// Per object: references the body cannot see (from the caller's other
  /// names), at most 2.
  std::vector<int> external;
};

/// One compiled body and the callee's state after it: `clones[k]` stands
/// for the k-th object of every call with this key.
struct dac::script::CompiledFunction {
  func::FuncOp func;
  bool inProgress = true;
  std::vector<ValueRef> clones;
  std::map<const PyValue *, size_t> cloneIndex;
  std::vector<Value> entryValues;
  std::vector<std::vector<ValueRef>> entryItems;
  std::vector<std::shared_ptr<GeneratorState>> generatorClones;
  std::map<const GeneratorState *, size_t> generatorCloneIndex;
  std::vector<std::array<Value, 3>> entryPositions;
  /// The closure scopes of function clones, by object index.
  std::map<const Scope *, size_t> closureScopes;
  ValueRef result;
  /// What the func.func returns.
  std::vector<Value> results;
  /// Per block argument: the index of the capture's argument it receives.
  llvm::DenseMap<Value, size_t> argumentOf;
  std::vector<size_t> passed;
};

namespace {

/// The value `name` has in `scope` or the scopes around it; null if none.
ValueRef resolve(const Scope *scope, const std::string &name) {
  for (; scope; scope = scope->parent.get()) {
    auto it = scope->names.find(name);
    if (it != scope->names.end())
      return it->second;
  }
  return nullptr;
}

/// The names a function's text mentions other than its parameters
/// (walked once per function text).
const std::set<std::string> &
freeNames(const PyValue &fn,
          std::map<const void *, std::set<std::string>> &cache) {
  const void *text = fn.lambda ? static_cast<const void *>(fn.lambda)
                               : static_cast<const void *>(fn.function);
  auto [it, fresh] = cache.try_emplace(text);
  if (!fresh)
    return it->second;
  it->second = fn.lambda ? namesUsed(fn.lambda->getBody())
                         : namesUsed(fn.function->getBody());
  const ParamList &params =
      fn.lambda ? fn.lambda->getParams() : fn.function->getParams();
  for (const Param &p : params)
    it->second.erase(p.name);
  return it->second;
}

/// A copy of `constant`'s op at the builder's insertion point.
Value copyConstant(OpBuilder &b, Value constant) {
  return b.clone(*constant.getDefiningOp())
      ->getResult(cast<OpResult>(constant).getResultNumber());
}

/// A number known when compiling: immutable, so callee and caller share
/// the object (the constant's op is copied into the callee where used).
bool isSharedConstant(const PyValue &v) {
  return v.is(Kind::Scalar) && v.value && matchPattern(v.value, m_Constant());
}

/// Walks the objects a call hands its callee, writing the key.
class Capturer {
public:
  Capturer(Emitter &em, Capture &c,
           std::map<const void *, std::set<std::string>> &freeNameCache)
      : em(em), c(c), key(c.key), freeNameCache(freeNameCache) {}

  void visit(const ValueRef &v) {
    if (!v) {
      key += '_';
      return;
    }
    if (isSharedConstant(*v)) {
      key += 'k' + std::to_string(int(v->dtype)) + (v->isPython ? "p" : "n");
      leaf(v->value);
      return;
    }
    auto [it, fresh] = c.objectIndex.try_emplace(v.get(), c.objects.size());
    if (!fresh) {
      key += '@' + std::to_string(it->second) + ';';
      return;
    }
    size_t index = c.objects.size();
    c.objects.push_back(v);
    key += '{' + std::to_string(int(v->kind)) + ',' +
           std::to_string(int(v->dtype)) + (v->isPython ? "p" : "n");
    text(v->name);
    key += std::to_string(reinterpret_cast<uintptr_t>(v->function)) + ',' +
           std::to_string(reinterpret_cast<uintptr_t>(v->lambda));
    leaf(v->value);
    key += '[';
    for (Value extent : v->shape)
      leaf(extent);
    key += ']';
    if (v->view) {
      key += 'v';
      visit(v->view->base);
      for (Value start : v->view->starts)
        leaf(start);
      for (int64_t step : v->view->steps)
        key += std::to_string(step) + ',';
      for (int64_t dim : v->view->dims)
        key += std::to_string(dim) + ',';
    }
    if (v->generator) {
      auto [git, gfresh] =
          c.generatorIndex.try_emplace(v->generator.get(), c.generators.size());
      key += 'g' + std::to_string(git->second);
      if (gfresh) {
        c.generators.push_back(v->generator);
        leaf(v->generator->rng);
        for (Value word : v->generator->position)
          leaf(word);
      }
    }
    key += '(';
    for (const ValueRef &item : v->items)
      visit(item);
    key += ')';
    for (const std::weak_ptr<PyValue> &weak : v->views)
      if (ValueRef view = weak.lock()) {
        key += '<';
        visit(view);
      }
    if (ValueRef of = v->reshapeOf.lock()) {
      key += 'r';
      visit(of);
    }
    for (const std::weak_ptr<PyValue> &weak : v->reshapes)
      if (ValueRef reshape = weak.lock()) {
        key += 'R';
        visit(reshape);
      }
    text(v->aliasWarning);
    if (v->is(Kind::Function)) {
      c.closures[index];
      for (const std::string &name : freeNames(*v, freeNameCache))
        if (ValueRef bound = resolve(v->scope.get(), name)) {
          text(name);
          visit(bound);
          c.closures[index].push_back({name, bound});
        }
    }
    key += '}';
  }

private:
  void text(const std::string &s) { key += std::to_string(s.size()) + ':' + s; }

  void leaf(Value v) {
    if (!v) {
      key += '_';
      return;
    }
    if (auto it = c.argumentIndex.find(v); it != c.argumentIndex.end()) {
      key += "a@" + std::to_string(it->second) + ';';
      return;
    }
    Attribute attr;
    if (matchPattern(em.fold(v), m_Constant(&attr))) {
      // Cheaper than printing the attribute: this runs for every number a
      // big list of them holds.
      if (auto i = dyn_cast<IntegerAttr>(attr))
        key += 'c' + std::to_string(i.getValue().getSExtValue()) + ';';
      else if (auto f = dyn_cast<FloatAttr>(attr))
        key += 'f' +
               std::to_string(f.getValue().bitcastToAPInt().getZExtValue()) +
               ';';
      else
        llvm::raw_string_ostream(key) << 'c' << attr << ';';
      return;
    }
    c.argumentIndex[v] = c.arguments.size();
    c.arguments.push_back(v);
    llvm::raw_string_ostream(key) << 'a' << v.getType() << ';';
  }

  Emitter &em;
  Capture &c;
  std::string &key;
  std::map<const void *, std::set<std::string>> &freeNameCache;
};

/// Points `copy` (a copy of `from`) at the other side's values, objects
/// and generators: its SSA value and extents, items, view base and starts,
/// generator. Its links to views and reshapes are left to the caller.
void relink(PyValue &copy, const PyValue &from,
            llvm::function_ref<Value(Value)> value,
            llvm::function_ref<ValueRef(const ValueRef &)> object,
            llvm::function_ref<std::shared_ptr<GeneratorState>(
                const std::shared_ptr<GeneratorState> &)>
                generator) {
  copy.value = value(from.value);
  for (Value &extent : copy.shape)
    extent = value(extent);
  for (ValueRef &item : copy.items)
    item = object(item);
  if (from.view) {
    auto view = std::make_shared<ViewInfo>(*from.view);
    view->base = object(view->base);
    for (Value &start : view->starts)
      start = value(start);
    copy.view = view;
  }
  if (from.generator)
    copy.generator = generator(from.generator);
  copy.views.clear();
  copy.reshapes.clear();
  copy.reshapeOf.reset();
}

/// Carries the callee's objects after its body to the caller: a clone
/// becomes the object it stands for, an object the body made becomes a
/// new one, and SSA values map through `value`. A dry run only walks (to
/// find the values the func.func must return).
class Exporter {
public:
  Exporter(const CompiledFunction &cf, const std::vector<ValueRef> &objects,
           const std::vector<std::shared_ptr<GeneratorState>> &generators,
           llvm::function_ref<Value(Value)> value,
           std::vector<std::weak_ptr<Scope>> &scopes, bool dryRun)
      : cf(cf), objects(objects), generators(generators), value(value),
        scopes(scopes), dryRun(dryRun) {}

  ValueRef object(const ValueRef &inner) {
    if (!inner)
      return nullptr;
    if (auto it = cf.cloneIndex.find(inner.get()); it != cf.cloneIndex.end())
      return objects[it->second];
    if (auto it = made.find(inner.get()); it != made.end())
      return it->second;
    auto outer = std::make_shared<PyValue>(*inner);
    made[inner.get()] = outer;
    relink(
        *outer, *inner, value, [&](const ValueRef &v) { return object(v); },
        [&](const std::shared_ptr<GeneratorState> &g) { return generator(g); });
    if (outer->view && !dryRun)
      outer->view->base->views.push_back(outer);
    if (ValueRef of = inner->reshapeOf.lock()) {
      ValueRef outerOf = object(of);
      outer->reshapeOf = outerOf;
      if (!dryRun)
        outerOf->reshapes.push_back(outer);
    }
    if (inner->is(Kind::Function))
      outer->scope = scope(inner->scope);
    return outer;
  }

  std::shared_ptr<GeneratorState>
  generator(const std::shared_ptr<GeneratorState> &inner) {
    if (auto it = cf.generatorCloneIndex.find(inner.get());
        it != cf.generatorCloneIndex.end())
      return generators[it->second];
    std::shared_ptr<GeneratorState> &outer = madeGenerators[inner.get()];
    if (!outer) {
      outer = std::make_shared<GeneratorState>(*inner);
      outer->rng = value(inner->rng);
      for (Value &word : outer->position)
        word = value(word);
    }
    return outer;
  }

  std::shared_ptr<Scope> scope(const std::shared_ptr<Scope> &inner) {
    if (!inner)
      return nullptr;
    if (auto it = cf.closureScopes.find(inner.get());
        it != cf.closureScopes.end())
      return objects[it->second]->scope;
    std::shared_ptr<Scope> &outer = madeScopes[inner.get()];
    if (outer)
      return outer;
    // Registered even in a dry run: a closure's scope holds the closure
    // (a cycle that ~IRGen breaks).
    outer = std::make_shared<Scope>();
    scopes.push_back(outer);
    for (const auto &[name, v] : inner->names)
      outer->names[name] = object(v);
    outer->parent = scope(inner->parent);
    return outer;
  }

private:
  const CompiledFunction &cf;
  const std::vector<ValueRef> &objects;
  const std::vector<std::shared_ptr<GeneratorState>> &generators;
  llvm::function_ref<Value(Value)> value;
  std::vector<std::weak_ptr<Scope>> &scopes;
  bool dryRun;
  std::map<const PyValue *, ValueRef> made;
  std::map<const GeneratorState *, std::shared_ptr<GeneratorState>>
      madeGenerators;
  std::map<const Scope *, std::shared_ptr<Scope>> madeScopes;
};

/// Carries what the body changed back to `objects` and `generators` (the
/// caller's; a dry run only walks) and returns the call's value.
ValueRef transfer(const CompiledFunction &cf, Exporter &ex,
                  llvm::function_ref<Value(Value)> value,
                  const std::vector<ValueRef> &objects,
                  const std::vector<std::shared_ptr<GeneratorState>> &gens,
                  bool dryRun) {
  for (size_t k = 0; k < cf.clones.size(); ++k) {
    const PyValue &inner = *cf.clones[k];
    if (inner.value != cf.entryValues[k]) {
      Value outer = value(inner.value);
      if (!dryRun)
        objects[k]->value = outer;
    }
    if (inner.items != cf.entryItems[k]) {
      std::vector<ValueRef> items;
      for (const ValueRef &item : inner.items)
        items.push_back(ex.object(item));
      if (!dryRun)
        objects[k]->items = std::move(items);
    }
  }
  for (size_t g = 0; g < cf.generatorClones.size(); ++g)
    for (unsigned field = 0; field < gens[g]->position.size(); ++field)
      if (cf.generatorClones[g]->position[field] !=
          cf.entryPositions[g][field]) {
        Value outer = value(cf.generatorClones[g]->position[field]);
        if (!dryRun)
          gens[g]->position[field] = outer;
      }
  return ex.object(cf.result);
}

} // namespace

ValueRef IRGen::callUserFunction(
    const ValueRef &fn,
    const std::vector<std::pair<std::string, ValueRef>> &bindings) {
  if (callDepth >= 64)
    compileError("recursion is not supported (calls nested deeper than 64)");
  Capture c;
  Capturer capturer(em, c, freeNameCache);
  capturer.visit(fn);
  for (const auto &[name, value] : bindings) {
    capturer.visit(value);
    c.params.push_back({name, value});
  }
  // How many references to each object the body would see if it ran in
  // its caller, against those its clones see.
  auto inlined = std::make_shared<Scope>();
  inlined->parent = fn->scope;
  auto closure = std::make_shared<Scope>();
  auto local = std::make_shared<Scope>();
  local->parent = closure;
  for (const auto &[name, value] : c.closures[0])
    closure->names[name] = value;
  for (const auto &[name, value] : bindings)
    inlined->names[name] = local->names[name] = value;
  std::map<const PyValue *, int> all = countReferences({scope, inlined});
  std::map<const PyValue *, int> seen = countReferencesFrom({local});
  for (const ValueRef &object : c.objects) {
    int external = std::clamp(all[object.get()] - seen[object.get()], 0, 2);
    c.external.push_back(external);
    c.key += char('0' + external);
  }

  auto found = compiledFunctions.find(c.key);
  std::shared_ptr<CompiledFunction> cf;
  if (found == compiledFunctions.end())
    cf = compileFunction(fn, c);
  else if (found->second->inProgress)
    compileError("recursion is not supported: " + fn->name +
                 "() calls itself with arguments of the same kinds");
  else
    cf = found->second;
  return emitCall(*cf, c);
}

std::shared_ptr<CompiledFunction> IRGen::compileFunction(const ValueRef &fn,
                                                         const Capture &c) {
  auto cf = std::make_shared<CompiledFunction>();
  compiledFunctions[c.key] = cf;
  bool done = false;
  llvm::scope_exit forget([&] {
    if (done)
      return;
    // An error in the body: a loop may catch it and try another way.
    compiledFunctions.erase(c.key);
    for (const ValueRef &clone : cf->clones)
      externalRefs.erase(clone.get());
    if (cf->func)
      cf->func.erase();
  });

  Location loc =
      locOf(fn->lambda ? fn->lambda->getRange() : fn->function->getRange());
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToEnd(module.getBody());
  std::string base = "py." + (fn->lambda ? std::string("lambda") : fn->name);
  unsigned &count = functionNames[base];
  std::string symbol = count ? base + "." + std::to_string(count) : base;
  ++count;
  cf->func = func::FuncOp::create(b, loc, symbol, b.getFunctionType({}, {}));
  cf->func.setPrivate();
  Block *entry = cf->func.addEntryBlock();
  b.setInsertionPointToStart(entry);

  // The values the clones hold: arguments for those known only when
  // running; constants stay the caller's until the body is built.
  IRMapping map;
  for (auto [i, v] : llvm::enumerate(c.arguments)) {
    BlockArgument arg = entry->addArgument(v.getType(), loc);
    map.map(v, arg);
    cf->argumentOf[arg] = i;
  }
  auto mapped = [&](Value v) { return v ? map.lookupOrDefault(v) : v; };

  // The clones, with the same links between them as the originals.
  for (const auto &[g, original] : llvm::enumerate(c.generators)) {
    auto clone = std::make_shared<GeneratorState>(*original);
    clone->rng = mapped(original->rng);
    for (Value &word : clone->position)
      word = mapped(word);
    cf->generatorClones.push_back(clone);
    cf->generatorCloneIndex[cf->generatorClones.back().get()] = g;
    cf->entryPositions.push_back(cf->generatorClones.back()->position);
  }
  for (const auto &[k, original] : llvm::enumerate(c.objects)) {
    cf->clones.push_back(std::make_shared<PyValue>(*original));
    cf->cloneIndex[cf->clones.back().get()] = k;
  }
  auto cloneOf = [&](const ValueRef &original) -> ValueRef {
    if (!original)
      return nullptr;
    auto it = c.objectIndex.find(original.get());
    return it == c.objectIndex.end() ? original : cf->clones[it->second];
  };
  for (const auto &[k, original] : llvm::enumerate(c.objects)) {
    PyValue &clone = *cf->clones[k];
    relink(clone, *original, mapped, cloneOf,
           [&](const std::shared_ptr<GeneratorState> &g) {
             return cf->generatorClones[c.generatorIndex.at(g.get())];
           });
    // The same live views and reshapes as the original (all captured).
    for (const std::weak_ptr<PyValue> &weak : original->views)
      if (ValueRef view = weak.lock())
        clone.views.push_back(cloneOf(view));
    if (ValueRef of = original->reshapeOf.lock())
      clone.reshapeOf = cloneOf(of);
    for (const std::weak_ptr<PyValue> &weak : original->reshapes)
      if (ValueRef reshape = weak.lock())
        clone.reshapes.push_back(cloneOf(reshape));
    if (original->is(Kind::Function)) {
      auto closure = std::make_shared<Scope>();
      scopes.push_back(closure);
      for (const auto &[name, v] : c.closures.at(k))
        closure->names[name] = cloneOf(v);
      clone.scope = closure;
      cf->closureScopes[closure.get()] = k;
    }
    cf->entryValues.push_back(clone.value);
    cf->entryItems.push_back(clone.items);
    if (c.external[k])
      externalRefs[cf->clones[k].get()] = c.external[k];
  }

  auto local = std::make_shared<Scope>();
  scopes.push_back(local);
  local->parent = cf->clones[0]->scope;
  for (const auto &[name, value] : c.params)
    local->names[name] = cloneOf(value);
  cf->result = lowerBody(*cf->clones[0], local, loc);

  // Nothing the callee holds may be a value of this caller (whose ops may
  // be erased: a loop's failed attempt): each of its constants the body
  // uses, or that the state kept for later calls holds, gets one copy at
  // the callee's entry.
  Region &body = cf->func.getBody();
  IRMapping copied;
  auto own = [&](Value v) -> Value {
    if (!v || body.isAncestor(v.getParentRegion()))
      return v;
    if (!matchPattern(v, m_Constant()))
      compileError("internal error: " + cf->func.getSymName() +
                   " uses a value of its caller");
    if (Value copy = copied.lookupOrNull(v))
      return copy;
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(entry);
    Value copy = copyConstant(b, v);
    copied.map(v, copy);
    return copy;
  };
  llvm::SetVector<Value> outside;
  body.walk([&](Operation *op) {
    for (Value operand : op->getOperands())
      if (!body.isAncestor(operand.getParentRegion()))
        outside.insert(operand);
  });
  for (Value v : outside)
    replaceAllUsesInRegionWith(v, own(v), body);
  Exporter normalize(*cf, cf->clones, cf->generatorClones, own, scopes,
                     /*dryRun=*/false);
  cf->result = transfer(*cf, normalize, own, cf->clones, cf->generatorClones,
                        /*dryRun=*/false);

  // What the caller gets back: the values of the clones and the result
  // (constants are made again where the call is).
  llvm::DenseMap<Value, size_t> resultIndex;
  auto collect = [&](Value v) -> Value {
    if (!v || cf->argumentOf.count(v) || matchPattern(v, m_Constant()))
      return v;
    if (resultIndex.try_emplace(v, cf->results.size()).second)
      cf->results.push_back(v);
    return v;
  };
  Exporter walk(*cf, c.objects, c.generators, collect, scopes,
                /*dryRun=*/true);
  transfer(*cf, walk, collect, c.objects, c.generators, /*dryRun=*/true);
  b.setInsertionPointToEnd(entry);
  func::ReturnOp::create(b, loc, cf->results);

  // Arguments the body does not use are not passed.
  for (unsigned i = entry->getNumArguments(); i-- > 0;) {
    BlockArgument arg = entry->getArgument(i);
    if (arg.use_empty()) {
      cf->argumentOf.erase(arg);
      entry->eraseArgument(i);
    }
  }
  for (BlockArgument arg : entry->getArguments())
    cf->passed.push_back(cf->argumentOf.at(arg));
  cf->func.setFunctionType(b.getFunctionType(
      entry->getArgumentTypes(),
      cf->func.getBody().front().getTerminator()->getOperandTypes()));
  // A function of numbers only (no array, no random stream anywhere in it)
  // stays a call: inlining every call of functions that call each other
  // twice would grow the program exponentially with their depth.
  bool numbersOnly =
      !cf->func
           .walk([](Operation *op) {
             auto distributed = [](Type t) {
               return isa<dist::DistDialect>(t.getDialect());
             };
             return llvm::any_of(op->getResultTypes(), distributed) ||
                            llvm::any_of(op->getOperandTypes(), distributed)
                        ? WalkResult::interrupt()
                        : WalkResult::advance();
           })
           .wasInterrupted();
  if (numbersOnly)
    cf->func.setNoInline(true);
  cf->inProgress = false;
  done = true;
  return cf;
}

ValueRef IRGen::emitCall(const CompiledFunction &cf, const Capture &c) {
  SmallVector<Value> operands;
  for (size_t i : cf.passed)
    operands.push_back(c.arguments[i]);
  auto call = func::CallOp::create(b, em.loc, func::FuncOp(cf.func), operands);
  llvm::DenseMap<Value, Value> results;
  for (auto [inner, outer] : llvm::zip(cf.results, call.getResults()))
    results[inner] = outer;
  llvm::DenseMap<Value, Value> constants;
  auto value = [&](Value inner) -> Value {
    if (!inner)
      return inner;
    if (auto it = cf.argumentOf.find(inner); it != cf.argumentOf.end())
      return c.arguments[it->second];
    if (auto it = results.find(inner); it != results.end())
      return it->second;
    if (!matchPattern(inner, m_Constant()))
      compileError("internal error: a value of " +
                   func::FuncOp(cf.func).getSymName() + " escapes it");
    Value &copy = constants[inner];
    if (!copy)
      copy = copyConstant(b, inner);
    return copy;
  };
  Exporter ex(cf, c.objects, c.generators, value, scopes, /*dryRun=*/false);
  return transfer(cf, ex, value, c.objects, c.generators, /*dryRun=*/false);
}

ValueRef IRGen::lowerBody(const PyValue &fn, std::shared_ptr<Scope> local,
                          Location loc) {
  // The body starts with no enclosing loop or branch.
  std::shared_ptr<Scope> savedScope = scope;
  ValueRef savedReturn = returnValue;
  bool savedReturned = returned;
  bool savedMayRaise = mayRaise;
  Location savedLoc = em.loc;
  unsigned savedLoopDepth = loopDepth;
  unsigned savedCompiledLoopDepth = compiledLoopDepth;
  unsigned savedDynamicDepth = dynamicDepth;
  int savedArity = returnArity;
  const StmtList *savedBody = functionBody;
  functionBody = fn.lambda ? nullptr : &fn.function->getBody();
  scope = local;
  returnValue = PyValue::none();
  returned = false;
  mayRaise = false;
  returnArity = kNoReturnYet;
  loopDepth = 0;
  compiledLoopDepth = 0;
  dynamicDepth = 0;
  em.loc = loc;
  ++callDepth;
  llvm::scope_exit restore([&] {
    --callDepth;
    loopDepth = savedLoopDepth;
    compiledLoopDepth = savedCompiledLoopDepth;
    dynamicDepth = savedDynamicDepth;
    returnArity = savedArity;
    functionBody = savedBody;
    scope = savedScope;
    returned = savedReturned;
    // A body that always raises stops the program in the call.
    raised = false;
    mayRaise = savedMayRaise;
    returnValue = savedReturn;
    em.loc = savedLoc;
  });
  if (fn.lambda)
    return lowerExpr(fn.lambda->getBody());
  lowerBlock(fn.function->getBody());
  auto flag = scope->names.find(kReturnFlag);
  if (flag == scope->names.end())
    return returnValue;
  // A return inside a compiled loop or a run-time branch.
  const std::string &fname = fn.name;
  std::optional<int64_t> known =
      getConstantIntValue(em.fold(flag->second->value));
  bool always = known && *known != 0;
  // The value a run-time `return` left (null if none can have run: the
  // function then never returns, as an endless `while True`).
  auto returnedValue = [&](const std::string &name) {
    auto found = scope->names.find(name);
    if (found == scope->names.end())
      compileError(fname + "() never returns: no 'return' in it can "
                           "run (an endless loop?)");
    return found->second;
  };
  if (returnArity == 0)
    return PyValue::none();
  if (always && returnArity < 0)
    return returnedValue(kReturnValue);
  if (always) {
    std::vector<ValueRef> items;
    for (int i = 0; i < returnArity; ++i)
      items.push_back(returnedValue(kReturnValue + std::to_string(i)));
    return PyValue::tuple(items);
  }
  compileError(fname + "() returns a value on some run-time paths and "
                       "reaches its end without 'return' on others; "
                       "end it with a 'return'");
}
