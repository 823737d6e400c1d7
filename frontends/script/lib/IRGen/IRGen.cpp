//===- IRGen.cpp - Statements and expressions -> global dist IR -----------===//
//
// The script is evaluated symbolically, statement by statement, into one
// function: names are bound to PyValues; user functions become func.func
// ops of their own (Functions.cpp); loops over range() and `while` become
// scf loops, branches on run-time values scf.if (ControlFlow.cpp).
//
//===----------------------------------------------------------------------===//

#include "IRGen.h"
#include "ControlFlow.h"

#include "dac/Script/IRGen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/Casting.h"

using namespace mlir;
using namespace dac;
using namespace dac::script;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

using Kind = PyValue::Kind;

/// The list a range() known when compiling stands for, where a sequence
/// is needed other than by a `for` loop.
static ValueRef rangeAsList(Emitter &em, const ValueRef &v) {
  if (!v || !v->is(Kind::Range))
    return v;
  std::optional<int64_t> start = Emitter::getConstInt(v->items[0]),
                         stop = Emitter::getConstInt(v->items[1]),
                         step = Emitter::getConstInt(v->items[2]);
  if (!start || !stop || !step)
    compileError("a range() whose bounds are known only at run time can "
                 "only be iterated by a 'for' loop");
  ValueRef list = PyValue::tuple({});
  list->kind = Kind::List;
  for (int64_t i = *start; *step > 0 ? i < *stop : i > *stop; i += *step) {
    if (list->items.size() >= 10000)
      compileError("range() of more than 10000 values is supported in "
                   "'for' loops only");
    list->items.push_back(em.intConst(i));
  }
  return list;
}

ValueRef CallArgs::get(size_t index, llvm::StringRef name) const {
  if (index < positional.size())
    return positional[index];
  for (const auto &[key, value] : keywords)
    if (key == name)
      return value;
  return nullptr;
}

void CallArgs::check(llvm::StringRef function, size_t maxPositional,
                     llvm::ArrayRef<llvm::StringRef> allowed) const {
  if (positional.size() > maxPositional)
    compileError(function + "() takes at most " + Twine(maxPositional) +
                 " positional arguments (" + Twine(positional.size()) +
                 " given)");
  for (const auto &kw : keywords)
    if (!llvm::is_contained(allowed, kw.first))
      compileError(function + "() got an unexpected keyword argument '" +
                   kw.first + "'");
}

IRGen::IRGen(MLIRContext &ctx, const SourceFile &file, DiagnosticEngine &diags)
    : ctx(ctx), file(file), diags(diags), b(&ctx),
      module(ModuleOp::create(b.getUnknownLoc())), em(b, module),
      globals(std::make_shared<Scope>()), scope(globals) {
  scopes.push_back(globals);
}

IRGen::~IRGen() {
  // A function's value holds the scope it was defined in, which holds the
  // function: emptying every scope breaks the cycles.
  for (const std::weak_ptr<Scope> &weak : scopes)
    if (std::shared_ptr<Scope> s = weak.lock())
      s->names.clear();
}

Location IRGen::locOf(SourceRange range) {
  return FileLineColRange::get(StringAttr::get(&ctx, file.getName()),
                               range.begin.line, range.begin.col,
                               range.end.line, range.end.col);
}

ValueRef IRGen::moduleValue(const std::string &name) {
  ValueRef mod = PyValue::module(name);
  // What np.random's functions draw from goes wherever numpy goes.
  if (StringRef(name).starts_with("numpy"))
    mod->generator = legacyRandom;
  return mod;
}

OwningOpRef<ModuleOp> IRGen::run(const Module &ast) {
  OwningOpRef<ModuleOp> owned(module);
  Location loc = locOf(SourceRange(file.getLoc(0), file.getLoc(0)));
  module->setLoc(loc);
  b.setInsertionPointToEnd(module.getBody());
  auto main = func::FuncOp::create(b, loc, "main", b.getFunctionType({}, {}));
  b.setInsertionPointToStart(main.addEntryBlock());
  em.loc = loc;
  globals->names["__name__"] = PyValue::string("__main__");
  // np.random's global state, before anything can draw from it. NumPy
  // seeds it from the OS; here it starts as np.random.seed(0) would.
  legacyRandom = std::make_shared<GeneratorState>();
  legacyRandom->legacy = true;
  legacyRandom->rng =
      dist::LegacyRngOp::create(b, loc, dist::RngType::get(b.getContext()));
  for (auto [word, value] :
       llvm::zip(legacyRandom->position, std::array<int64_t, 3>{0, -1, 0}))
    word = arith::ConstantIntOp::create(b, loc, b.getI64Type(), value);
  try {
    lowerBlock(ast.getBody());
  } catch (const LocatedError &err) {
    diags.error(err.range, err.message);
    return nullptr;
  }
  func::ReturnOp::create(b, loc);
  return owned;
}

void IRGen::lowerBlock(const StmtList &body, size_t from) {
  for (size_t i = from; i < body.size(); ++i) {
    if (returned || breaking || continuing || raised)
      return;
    lowerStmtOrRaise(*body[i]);
    // In a compiled loop, a `break` or `continue` that may have run skips
    // the rest of the block.
    if (i + 1 == body.size() || returned || breaking || continuing || raised)
      continue;
    if (Value left = loopExitFlag()) {
      em.loc = locOf(body[i + 1]->getRange());
      Value stay = arith::XOrIOp::create(
          b, em.loc, left,
          arith::ConstantIntOp::create(b, em.loc, b.getI1Type(), 1));
      // Outside compiled loops only a `return` can have left: on the path
      // that skips the rest, it is known to have run.
      bool onlyReturn = compiledLoopDepth == 0;
      lowerBranches(
          stay, body[i + 1]->getRange(), [&] { lowerBlock(body, i + 1); },
          [&] {
            if (onlyReturn)
              scope->names["%return"] = em.boolConst(true);
          });
      return;
    }
  }
}

/// Unrolled iterations of all loops of a script together: beyond this the
/// program would be better served by a real loop, which dac lacks yet.
static constexpr unsigned kMaxUnrolledIterations = 10000;

void IRGen::lowerLoop(const StmtList &body, const StmtList &orElse,
                      function_ref<bool()> nextIteration) {
  while (nextIteration())
    if (!runIteration(body))
      return; // break or return: the else clause does not run
  if (!returned)
    lowerBlock(orElse);
}

bool IRGen::runIteration(const StmtList &body) {
  if (++unrolledIterations > kMaxUnrolledIterations)
    compileError("loops are unrolled when compiling, and this script runs "
                 "more than " +
                 Twine(kMaxUnrolledIterations) +
                 " iterations in all; longer loops are not supported yet");
  ++loopDepth;
  // `break` in an unrolled loop ends it when compiling, even inside a
  // compiled loop.
  unsigned savedCompiled = compiledLoopDepth;
  compiledLoopDepth = 0;
  lowerBlock(body);
  compiledLoopDepth = savedCompiled;
  --loopDepth;
  continuing = false;
  if (breaking) {
    breaking = false;
    return false;
  }
  // A raise ends the loop and what follows it (the enclosing branch).
  return !returned && !raised;
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

/// The module a dotted import name stands for, if it is supported.
static std::optional<std::string> resolveModule(llvm::StringRef name) {
  if (name == "numpy" || name == "dac.numpy")
    return std::string("numpy");
  if (name == "numpy.random" || name == "dac.numpy.random")
    return std::string("numpy.random");
  if (name == "numpy.linalg")
    return std::string("numpy.linalg");
  if (name == "math" || name == "time" || name == "dac")
    return name.str();
  return std::nullopt;
}

void IRGen::lowerStmt(const Stmt &stmt) {
  em.loc = locOf(stmt.getRange());
  try {
    switch (stmt.getKind()) {
    case Stmt::Kind::ExprStmt:
      lowerExpr(cast<ExprStmt>(stmt).getExpr());
      return;
    case Stmt::Kind::Assign: {
      const auto &s = cast<AssignStmt>(stmt);
      ValueRef value = lowerExpr(s.getValue());
      for (const ExprPtr &target : s.getTargets())
        assign(*target, value);
      return;
    }
    case Stmt::Kind::AnnAssign: {
      const auto &s = cast<AnnAssignStmt>(stmt);
      if (s.getValue())
        assign(s.getTarget(), lowerExpr(*s.getValue()));
      return;
    }
    case Stmt::Kind::AugAssign: {
      const auto &s = cast<AugAssignStmt>(stmt);
      if (const auto *sub = dyn_cast<SubscriptExpr>(&s.getTarget())) {
        // a[mask] op= v: a = where(mask, a op v, a), in place.
        ValueRef array = lowerExpr(sub->getValue());
        ValueRef index = lowerExpr(sub->getIndex());
        if (array->is(Kind::Array) && index->is(Kind::Array) &&
            index->dtype != DType::Bool) {
          // NumPy's buffered a[idx] op= v: a[idx] = a[idx] op v, so a
          // repeated index is updated once (np.add.at adds every time).
          ValueRef rhs = lowerExpr(s.getValue());
          em.loc = locOf(s.getOpRange());
          try {
            ValueRef updated = em.castInPlace(
                em.binaryOp(getSpelling(s.getOp()), em.take(array, index), rhs),
                array->dtype);
            em.setItem(array, index, updated);
          } catch (const CompileError &err) {
            throw LocatedError{s.getOpRange(), err.what()};
          }
          return;
        }
        if (array->is(Kind::Array) && index->is(Kind::Array) &&
            index->dtype == DType::Bool) {
          ValueRef rhs = lowerExpr(s.getValue());
          em.loc = locOf(s.getOpRange());
          try {
            if (!rhs->is(Kind::Scalar))
              compileError("augmented assignment through a boolean mask "
                           "takes a number on its right side");
            ValueRef updated = em.castInPlace(
                em.binaryOp(getSpelling(s.getOp()), array, rhs), array->dtype);
            em.setItem(array, index, PyValue::none(), updated);
          } catch (const CompileError &err) {
            throw LocatedError{s.getOpRange(), err.what()};
          }
          return;
        }
      }
      ValueRef current = lowerExpr(s.getTarget());
      ValueRef rhs = lowerExpr(s.getValue());
      em.loc = locOf(s.getOpRange());
      std::string op = getSpelling(s.getOp());
      if (op == "@" && current->is(Kind::Array))
        throw LocatedError{s.getOpRange(),
                           "TypeError: In-place matrix multiplication is not "
                           "(yet) supported. Use 'a = a @ b' instead of 'a "
                           "@= b'."};
      ValueRef result;
      try {
        result = op == "@" ? em.matmul(current, rhs, /*dotStyle=*/false)
                           : em.binaryOp(op, current, rhs);
      } catch (const CompileError &err) {
        throw LocatedError{s.getOpRange(), err.what()};
      }
      if (current->is(Kind::Array)) {
        em.checkNotInRuntimeBranch("updating an array in place");
        // In place, as NumPy: the array keeps its dtype (casting
        // 'same_kind'), and every name bound to it sees the new contents.
        try {
          result = em.castInPlace(result, current->dtype);
        } catch (const CompileError &err) {
          throw LocatedError{s.getOpRange(), err.what()};
        }
        result = em.broadcastTo(result, current->shape, {},
                                Emitter::BroadcastFor::Assignment);
        em.writeArray(current, result);
        return;
      }
      assign(s.getTarget(), result);
      return;
    }
    case Stmt::Kind::Import:
      for (const ImportAlias &alias : cast<ImportStmt>(stmt).getNames()) {
        std::optional<std::string> resolved = resolveModule(alias.name);
        if (!resolved)
          throw LocatedError{alias.range,
                             "module '" + alias.name +
                                 "' is not supported "
                                 "(use numpy, dac.numpy, dac, math or time)"};
        if (alias.asName.empty()) {
          // `import numpy.random` binds `numpy`.
          std::string top = alias.name.substr(0, alias.name.find('.'));
          scope->names[top] = moduleValue(resolveModule(top).value_or(top));
        } else {
          scope->names[alias.asName] = moduleValue(*resolved);
        }
      }
      return;
    case Stmt::Kind::ImportFrom: {
      const auto &s = cast<ImportFromStmt>(stmt);
      std::optional<std::string> resolved = resolveModule(s.getModule());
      if (!resolved || s.getLevel() != 0)
        throw LocatedError{stmt.getRange(),
                           "module '" + s.getModule() + "' is not supported"};
      ValueRef mod = moduleValue(*resolved);
      for (const ImportAlias &alias : s.getNames()) {
        em.loc = locOf(alias.range);
        try {
          scope->names[alias.getBoundName()] = getAttribute(mod, alias.name);
        } catch (const CompileError &err) {
          throw LocatedError{alias.range, err.what()};
        }
      }
      return;
    }
    case Stmt::Kind::FunctionDef: {
      const auto &def = cast<FunctionDefStmt>(stmt);
      auto fn = std::make_shared<PyValue>();
      fn->kind = Kind::Function;
      fn->name = def.getName();
      fn->function = &def;
      fn->scope = scope;
      // Defaults are evaluated once, when `def` runs (Python's rule).
      for (const Param &p : def.getParams())
        fn->items.push_back(p.defaultValue ? lowerExpr(*p.defaultValue)
                                           : nullptr);
      scope->names[def.getName()] = fn;
      return;
    }
    case Stmt::Kind::Return: {
      if (callDepth == 0)
        throw LocatedError{stmt.getRange(), "'return' outside function"};
      const auto &s = cast<ReturnStmt>(stmt);
      ValueRef value =
          s.getValue() ? lowerExpr(*s.getValue()) : PyValue::none();
      returned = true;
      if (!dynamicDepth) {
        returnValue = value;
        return;
      }
      // Inside a compiled loop or a run-time branch: a flag and the value
      // are carried out like any other name.
      // A tuple is carried item by item (%retval0, %retval1, ...).
      bool tuple = value->is(Kind::Tuple);
      std::vector<ValueRef> items =
          tuple ? value->items : std::vector<ValueRef>{value};
      int arity = tuple                   ? static_cast<int>(items.size())
                  : value->is(Kind::None) ? 0
                                          : -1;
      if (returnArity != kNoReturnYet && returnArity != arity)
        throw LocatedError{stmt.getRange(),
                           "this function returns different kinds of values "
                           "(a tuple and a number, or tuples of different "
                           "lengths) depending on a run-time condition"};
      returnArity = arity;
      for (auto [i, item] : llvm::enumerate(items)) {
        if (item->is(Kind::None) && !tuple)
          break;
        if (!item->is(Kind::Scalar) && !item->is(Kind::Array))
          throw LocatedError{stmt.getRange(),
                             "returning " + item->describe() +
                                 " from inside a loop or an 'if' on a value "
                                 "known only at run time is not supported "
                                 "(numbers, arrays and tuples of them are)"};
        std::string name = "%retval" + (tuple ? std::to_string(i) : "");
        // The elements, as a new array: a view returned from a run-time
        // region does not keep its base.
        scope->names[name] =
            item->is(Kind::Array)
                ? PyValue::array(item->value, item->dtype, item->shape)
                : item->withValue(item->value);
      }
      scope->names["%return"] = em.boolConst(true);
      return;
    }
    case Stmt::Kind::If: {
      const auto &s = cast<IfStmt>(stmt);
      ValueRef test = lowerExpr(s.getTest());
      em.loc = locOf(s.getTest().getRange());
      Value truth;
      try {
        truth = em.truth(test);
      } catch (const CompileError &err) {
        throw LocatedError{s.getTest().getRange(), err.what()};
      }
      truth = em.fold(truth);
      std::optional<int64_t> known = getConstantIntValue(truth);
      if (!known) {
        unsigned saved = em.dynamicControlDepth++;
        llvm::scope_exit restore([&] { em.dynamicControlDepth = saved; });
        lowerBranches(
            truth, s.getTest().getRange(), [&] { lowerBlock(s.getBody()); },
            [&] { lowerBlock(s.getOrElse()); });
        return;
      }
      lowerBlock(*known ? s.getBody() : s.getOrElse());
      return;
    }
    case Stmt::Kind::Assert: {
      const auto &s = cast<AssertStmt>(stmt);
      ValueRef test = lowerExpr(s.getTest());
      std::string message = "AssertionError";
      if (const Expr *msg = s.getMsg()) {
        ValueRef m = lowerExpr(*msg);
        if (!m->is(Kind::String) || !m->items.empty())
          throw LocatedError{msg->getRange(),
                             "the assert message must be a string literal"};
        std::string text;
        for (size_t i = 0; i < m->name.size(); ++i) {
          text.push_back(m->name[i]);
          if ((m->name[i] == '{' || m->name[i] == '}') &&
              i + 1 < m->name.size() && m->name[i + 1] == m->name[i])
            ++i;
        }
        message += ": " + text;
      }
      em.loc = locOf(stmt.getRange());
      try {
        em.emitAssert(em.truth(test), message);
      } catch (const CompileError &err) {
        throw LocatedError{s.getTest().getRange(), err.what()};
      }
      return;
    }
    case Stmt::Kind::Pass:
      return;
    case Stmt::Kind::Global:
    case Stmt::Kind::Nonlocal: {
      // Reading such a name needs nothing; rebinding it would have to
      // reach the defining scope, which is not done yet.
      if (!functionBody)
        return;
      Assignments assigned = scanLoop(*functionBody);
      const auto &names = stmt.getKind() == Stmt::Kind::Global
                              ? cast<GlobalStmt>(stmt).getNames()
                              : cast<NonlocalStmt>(stmt).getNames();
      for (const Identifier &id : names)
        if (assigned.rebound.count(id.name) ||
            assigned.augmented.count(id.name))
          throw LocatedError{
              stmt.getRange(),
              std::string(stmt.getKind() == Stmt::Kind::Global ? "global"
                                                               : "nonlocal") +
                  " '" + id.name +
                  "' with an assignment to it in the function is not "
                  "supported yet: return the new value and bind it in the "
                  "caller (arrays can be updated in place: " +
                  id.name + "[...] = ...)"};
      return;
    }
    case Stmt::Kind::For: {
      const auto &s = cast<ForStmt>(stmt);
      ValueRef iter = lowerExpr(s.getIter());
      if (iter->is(Kind::Range)) {
        lowerCompiledFor(s, iter);
        return;
      }
      if (iter->is(Kind::Array) && iter->shape.size() == 1) {
        // The elements: a loop over the positions reading each one.
        em.loc = locOf(s.getIter().getRange());
        ValueRef length = callLibrary("builtins.len", {{iter}, {}}, nullptr);
        lowerCompiledFor(
            s, PyValue::range(em.intConst(0), length, em.intConst(1)), iter);
        return;
      }
      if (!iter->is(Kind::Tuple) && !iter->is(Kind::List))
        throw LocatedError{
            s.getIter().getRange(),
            "'for' loops over " + iter->describe() +
                (iter->is(Kind::Array) ? " of other than one dimension" : "") +
                " are not supported (range(), tuples, lists "
                "and 1-D arrays are)"};
      // Sequences known when compiling are unrolled.
      std::vector<ValueRef> items = iter->items;
      size_t next = 0;
      lowerLoop(s.getBody(), s.getOrElse(), [&] {
        if (next == items.size())
          return false;
        assign(s.getTarget(), items[next++]);
        return true;
      });
      return;
    }
    case Stmt::Kind::While:
      lowerCompiledWhile(cast<WhileStmt>(stmt));
      return;
    case Stmt::Kind::Break:
    case Stmt::Kind::Continue:
      if (loopDepth == 0 && compiledLoopDepth == 0)
        throw LocatedError{stmt.getRange(), "'break'/'continue' outside loop"};
      (stmt.getKind() == Stmt::Kind::Break ? breaking : continuing) = true;
      if (compiledLoopDepth)
        scope->names[stmt.getKind() == Stmt::Kind::Break ? "%break"
                                                         : "%continue"] =
            em.boolConst(true);
      return;
    }
  } catch (const CompileError &err) {
    throw LocatedError{stmt.getRange(), err.what()};
  }
}

void IRGen::assign(const Expr &target, const ValueRef &value) {
  if (const auto *name = dyn_cast<NameExpr>(&target)) {
    scope->names[name->getName()] = value;
    return;
  }
  const ExprList *elements = nullptr;
  if (const auto *t = dyn_cast<TupleExpr>(&target))
    elements = &t->getElements();
  else if (const auto *l = dyn_cast<ListExpr>(&target))
    elements = &l->getElements();
  if (elements) {
    if (!value->is(Kind::Tuple) && !value->is(Kind::List))
      throw LocatedError{target.getRange(),
                         "cannot unpack " + value->describe()};
    if (value->items.size() != elements->size())
      throw LocatedError{
          target.getRange(),
          "cannot unpack " + std::to_string(value->items.size()) +
              " values into " + std::to_string(elements->size()) + " names"};
    // Python evaluates the whole right side first, then assigns in order.
    std::vector<ValueRef> items = value->items;
    for (size_t i = 0; i < elements->size(); ++i)
      assign(*(*elements)[i], items[i]);
    return;
  }
  if (const auto *sub = dyn_cast<SubscriptExpr>(&target)) {
    ValueRef array = lowerExpr(sub->getValue());
    ValueRef index = lowerExpr(sub->getIndex());
    em.loc = locOf(target.getRange());
    if (!array->is(Kind::Array))
      throw LocatedError{sub->getValue().getRange(),
                         "'" + array->describe() +
                             "' object does not support item assignment"};
    try {
      em.setItem(array, index, value);
    } catch (const CompileError &err) {
      throw LocatedError{target.getRange(), err.what()};
    }
    return;
  }
  throw LocatedError{target.getRange(), "cannot assign to this expression"};
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

ValueRef IRGen::lowerExpr(const Expr &expr) {
  Location saved = em.loc;
  em.loc = locOf(expr.getRange());
  ValueRef result;
  try {
    if (std::optional<int64_t> exact = foldLiteralInt(expr)) {
      ValueRef c = em.intConst(*exact);
      em.loc = saved;
      return c;
    }
    result = lowerExprImpl(expr);
    if (result->is(Kind::Scalar) && result->value)
      result->value = em.fold(result->value);
  } catch (const CompileError &err) {
    em.loc = saved;
    throw LocatedError{expr.getRange(), err.what()};
  }
  em.loc = saved;
  return result;
}

ValueRef IRGen::lookup(const std::string &name) {
  for (Scope *s = scope.get(); s; s = s->parent.get()) {
    auto it = s->names.find(name);
    if (it != s->names.end()) {
      if (it->second->is(Kind::Unbound))
        compileError(it->second->name);
      return it->second;
    }
  }
  static const char *const builtins[] = {
      "print",      "len",  "abs",       "min",   "max",   "int",
      "float",      "bool", "round",     "range", "sum",   "str",
      "isinstance", "pow",  "enumerate", "zip",   "divmod"};
  for (const char *builtin : builtins)
    if (name == builtin)
      return PyValue::builtin(std::string("builtins.") + builtin);
  compileError("name '" + name + "' is not defined");
}

ValueRef IRGen::lowerExprImpl(const Expr &expr) {
  switch (expr.getKind()) {
  case Expr::Kind::Name:
    return lookup(cast<NameExpr>(expr).getName());
  case Expr::Kind::IntLiteral: {
    const auto &lit = cast<IntLiteralExpr>(expr);
    // (within an expression of literals that folds into int64, it was
    // folded above)
    if (lit.isBig())
      compileError(kIntOverflow);
    return em.intConst(lit.getValue());
  }
  case Expr::Kind::FloatLiteral:
    return em.floatConst(cast<FloatLiteralExpr>(expr).getValue());
  case Expr::Kind::BoolLiteral:
    return em.boolConst(cast<BoolLiteralExpr>(expr).getValue());
  case Expr::Kind::NoneLiteral:
    return PyValue::none();
  case Expr::Kind::StringLiteral: {
    std::string escaped;
    for (char c : cast<StringLiteralExpr>(expr).getValue()) {
      escaped.push_back(c);
      if (c == '{' || c == '}')
        escaped.push_back(c);
    }
    return PyValue::string(escaped);
  }
  case Expr::Kind::FString:
    return lowerFString(cast<FStringExpr>(expr));
  case Expr::Kind::Tuple:
  case Expr::Kind::List: {
    const ExprList &elements = isa<TupleExpr>(expr)
                                   ? cast<TupleExpr>(expr).getElements()
                                   : cast<ListExpr>(expr).getElements();
    std::vector<ValueRef> items;
    for (const ExprPtr &e : elements)
      items.push_back(lowerExpr(*e));
    ValueRef v = PyValue::tuple(std::move(items));
    if (isa<ListExpr>(expr))
      v->kind = Kind::List;
    return v;
  }
  case Expr::Kind::BinaryOp: {
    const auto &bin = cast<BinaryOpExpr>(expr);
    ValueRef lhs = lowerExpr(bin.getLHS());
    ValueRef rhs = lowerExpr(bin.getRHS());
    std::string op = getSpelling(bin.getOp());
    try {
      if (op == "+" && lhs->is(Kind::String) && rhs->is(Kind::String)) {
        ValueRef s = PyValue::string(lhs->name + rhs->name);
        s->items = lhs->items;
        llvm::append_range(s->items, rhs->items);
        return s;
      }
      if (op == "+" && lhs->is(Kind::Tuple) && rhs->is(Kind::Tuple)) {
        std::vector<ValueRef> items = lhs->items;
        llvm::append_range(items, rhs->items);
        return PyValue::tuple(items);
      }
      if (op == "@")
        return em.matmul(lhs, rhs, /*dotStyle=*/false);
      if (op == "**") {
        // Fold constant integer powers such as 10**8 exactly.
        auto base = Emitter::getConstInt(lhs), exp = Emitter::getConstInt(rhs);
        if (base && exp && *exp >= 0 && lhs->isPython && rhs->isPython &&
            lhs->dtype == DType::Int64 && rhs->dtype == DType::Int64) {
          // Bases 0, 1 and -1 take any exponent (10**18 steps would not
          // end); every other one leaves int64 within 63 steps.
          if (*base == 0 || *base == 1)
            return em.intConst(*exp == 0 ? 1 : *base);
          if (*base == -1)
            return em.intConst(*exp % 2 ? -1 : 1);
          llvm::APInt result(64, 1);
          bool overflow = false;
          for (int64_t i = 0; i < *exp && !overflow; ++i)
            result = result.smul_ov(llvm::APInt(64, *base, true), overflow);
          if (overflow)
            compileError(kIntOverflow);
          return em.intConst(result.getSExtValue());
        }
      }
      return em.binaryOp(op, lhs, rhs);
    } catch (const CompileError &err) {
      throw LocatedError{bin.getOpRange(), err.what()};
    }
  }
  case Expr::Kind::UnaryOp: {
    const auto &un = cast<UnaryOpExpr>(expr);
    ValueRef operand = lowerExpr(un.getOperand());
    // Fold negative literals so that -5 stays a constant.
    return em.unaryOp(getSpelling(un.getOp()), operand);
  }
  case Expr::Kind::BoolOp: {
    // Python returns one of the operands and evaluates the next only if
    // the ones before do not decide (`k < n and a[k] > 0`).
    const auto &op = cast<BoolOpExpr>(expr);
    bool isAnd = op.getOp() == BoolOpKind::And;
    auto operand = [&](const Expr &e) {
      ValueRef v = lowerExpr(e);
      if (v->is(Kind::Array))
        compileError("the truth value of an array is ambiguous; use "
                     "np.logical_and/np.logical_or");
      if (!v->is(Kind::Scalar) && op.getValues().size() > 1)
        compileError("'and'/'or' are supported on numbers only");
      return v;
    };
    ValueRef result = operand(*op.getValues().front());
    for (const ExprPtr &e : llvm::drop_begin(op.getValues())) {
      Value cond = em.fold(em.truth(result));
      if (auto known = getConstantIntValue(cond)) {
        if (static_cast<bool>(*known) != isAnd)
          break;
        result = operand(*e);
        continue;
      }
      ValueRef decided = result;
      auto next = [&] { return operand(*e); };
      auto keep = [&] { return decided; };
      result =
          isAnd ? lowerChoice(cond, next, keep) : lowerChoice(cond, keep, next);
    }
    return result;
  }
  case Expr::Kind::Compare:
    return lowerCompare(cast<CompareExpr>(expr));
  case Expr::Kind::Call:
    return lowerCall(cast<CallExpr>(expr));
  case Expr::Kind::Attribute: {
    const auto &attr = cast<AttributeExpr>(expr);
    ValueRef value = lowerExpr(attr.getValue());
    try {
      return getAttribute(value, attr.getName());
    } catch (const CompileError &err) {
      throw LocatedError{attr.getNameRange(), err.what()};
    }
  }
  case Expr::Kind::Subscript: {
    const auto &sub = cast<SubscriptExpr>(expr);
    ValueRef value = rangeAsList(em, lowerExpr(sub.getValue()));
    if (value->is(Kind::Tuple) || value->is(Kind::List)) {
      ValueRef idx = lowerExpr(sub.getIndex());
      std::optional<int64_t> i = Emitter::getConstInt(idx);
      if (!i)
        compileError("tuple indices must be integers known when compiling");
      int64_t n = value->items.size();
      int64_t k = *i < 0 ? *i + n : *i;
      if (k < 0 || k >= n)
        compileError("tuple index out of range");
      return value->items[k];
    }
    if (value->is(Kind::Array))
      return em.subscript(value, lowerExpr(sub.getIndex()));
    compileError("'" + value->describe() + "' object is not subscriptable");
  }
  case Expr::Kind::IfExp:
    return lowerIfExp(cast<IfExpExpr>(expr));
  case Expr::Kind::Dict: {
    // Dictionaries are compile-time values (dist={0: 'b'}, halo options).
    const auto &dict = cast<DictExpr>(expr);
    auto v = std::make_shared<PyValue>();
    v->kind = Kind::Dict;
    for (size_t i = 0; i < dict.getKeys().size(); ++i) {
      if (!dict.getKeys()[i])
        compileError("'**' in dictionaries is not supported");
      v->items.push_back(lowerExpr(*dict.getKeys()[i]));
      v->items.push_back(lowerExpr(*dict.getValues()[i]));
    }
    return v;
  }
  case Expr::Kind::Slice: {
    const auto &slice = cast<SliceExpr>(expr);
    auto v = std::make_shared<PyValue>();
    v->kind = Kind::Slice;
    for (const Expr *part :
         {slice.getLower(), slice.getUpper(), slice.getStep()})
      v->items.push_back(part ? lowerExpr(*part) : PyValue::none());
    return v;
  }
  case Expr::Kind::Lambda: {
    const auto &lambda = cast<LambdaExpr>(expr);
    auto fn = std::make_shared<PyValue>();
    fn->kind = Kind::Function;
    fn->name = "<lambda>";
    fn->lambda = &lambda;
    fn->scope = scope;
    for (const Param &p : lambda.getParams())
      fn->items.push_back(p.defaultValue ? lowerExpr(*p.defaultValue)
                                         : nullptr);
    return fn;
  }
  case Expr::Kind::EllipsisLiteral: {
    auto v = std::make_shared<PyValue>();
    v->kind = Kind::Ellipsis;
    return v;
  }
  }
  compileError("unsupported expression");
}

ValueRef IRGen::lowerCompare(const CompareExpr &cmp) {
  ValueRef left = lowerExpr(cmp.getLeft());
  ValueRef result;
  for (size_t i = 0; i < cmp.getOps().size(); ++i) {
    ValueRef right = lowerExpr(*cmp.getComparators()[i]);
    CmpOpKind op = cmp.getOps()[i];
    ValueRef part;
    try {
      if (op == CmpOpKind::Is || op == CmpOpKind::IsNot) {
        bool same = left->is(Kind::None) && right->is(Kind::None);
        if (!left->is(Kind::None) && !right->is(Kind::None))
          compileError("'is' is supported only to compare with None");
        part = em.boolConst(same == (op == CmpOpKind::Is));
      } else if (op == CmpOpKind::In || op == CmpOpKind::NotIn) {
        compileError("'in' is not supported yet");
      } else if (left->is(Kind::String) && right->is(Kind::String)) {
        bool equal = left->name == right->name && left->items.empty() &&
                     right->items.empty();
        if (op != CmpOpKind::Eq && op != CmpOpKind::NotEq)
          compileError("strings can only be compared with == and !=");
        part = em.boolConst(equal == (op == CmpOpKind::Eq));
      } else {
        part = em.binaryOp(getSpelling(op), left, right);
      }
    } catch (const CompileError &err) {
      throw LocatedError{cmp.getOpRanges()[i], err.what()};
    }
    result = result ? em.applyUfunc("logical_and", {result, part}) : part;
    left = right;
  }
  return result;
}

ValueRef IRGen::lowerFString(const FStringExpr &fstring) {
  ValueRef s = PyValue::string("");
  for (const FStringPart &part : fstring.getParts()) {
    if (part.isLiteral()) {
      for (char c : part.literal) {
        s->name.push_back(c);
        if (c == '{' || c == '}')
          s->name.push_back(c);
      }
      continue;
    }
    ValueRef v = lowerExpr(*part.value);
    std::string spec = part.hasFormatSpec ? part.formatSpec : "";
    if (spec.find_first_of("{}") != std::string::npos)
      throw LocatedError{part.range, "nested fields in format "
                                     "specifications are not supported"};
    if (v->is(Kind::String)) {
      if (!spec.empty() || !v->items.empty())
        if (!spec.empty())
          throw LocatedError{part.range, "format specifications for "
                                         "strings are not supported yet"};
      bool quote = part.conversion == 'r' || part.conversion == 'a';
      s->name += quote ? "'" + v->name + "'" : v->name;
      llvm::append_range(s->items, v->items);
    } else if (v->is(Kind::Scalar)) {
      // The runtime formats the value as Python's format(value, spec).
      s->name += spec.empty() ? "{}" : "{:" + spec + "}";
      s->items.push_back(v);
    } else if ((v->is(Kind::Tuple) || v->is(Kind::List)) && spec.empty()) {
      // str() of a tuple or list (a shape, say), as print shows it.
      try {
        renderText(v, false, s->name, s->items);
      } catch (const CompileError &err) {
        throw LocatedError{part.range, err.what()};
      }
    } else {
      throw LocatedError{part.range, "f-string fields must be numbers, "
                                     "strings, tuples or lists, not " +
                                         v->describe()};
    }
  }
  return s;
}

ValueRef IRGen::lowerCall(const CallExpr &call) {
  ValueRef callee = lowerExpr(call.getCallee());
  CallArgs args;
  for (const ExprPtr &arg : call.getArgs())
    args.positional.push_back(lowerExpr(*arg));
  for (const Keyword &kw : call.getKeywords())
    args.keywords.push_back({kw.name, lowerExpr(*kw.value)});
  return callFunction(callee, args);
}

ValueRef IRGen::callFunction(const ValueRef &fn, const CallArgs &args) {
  // Library functions take a range() as the list it stands for (print
  // refuses it: Python prints "range(0, 3)").
  if (fn->is(Kind::Builtin) || fn->is(Kind::Method) || fn->is(Kind::DTypeObj)) {
    if (fn->name != "builtins.print") {
      CallArgs lists = args;
      for (ValueRef &v : lists.positional)
        v = rangeAsList(em, v);
      for (auto &kw : lists.keywords)
        kw.second = rangeAsList(em, kw.second);
      if (fn->is(Kind::Builtin)) // np.random's state is theirs to change
        return callLibrary(fn->name, lists, fn->generator ? fn : nullptr);
      if (fn->is(Kind::Method))
        return callLibrary(fn->name, lists, fn->items[0]);
      // np.bool_(x), not the np.bool alias NumPy 1.24 removed.
      return callLibrary(std::string("numpy.") + getDTypeName(fn->dtype) +
                             (fn->dtype == DType::Bool ? "_" : ""),
                         lists, nullptr);
    }
    return callLibrary(fn->name, args, nullptr);
  }
  switch (fn->kind) {
  case Kind::Function:
    break;
  default:
    compileError("'" + fn->describe() + "' object is not callable");
  }
  std::vector<std::pair<std::string, ValueRef>> bindings;
  const ParamList &params =
      fn->lambda ? fn->lambda->getParams() : fn->function->getParams();
  const std::string &fname = fn->name;
  size_t positional = 0;
  for (size_t i = 0; i < params.size(); ++i) {
    const Param &p = params[i];
    ValueRef value;
    if (!p.kwOnly && positional < args.positional.size())
      value = args.positional[positional++];
    for (const auto &[key, v] : args.keywords)
      if (key == p.name) {
        if (value)
          compileError(fname + "() got multiple values for argument '" +
                       p.name + "'");
        value = v;
      }
    if (!value)
      value = fn->items[i];
    if (!value)
      compileError(fname + "() missing required argument '" + p.name + "'");
    bindings.push_back({p.name, value});
  }
  if (positional < args.positional.size())
    compileError(fname + "() takes " + Twine(positional) +
                 " positional arguments but " + Twine(args.positional.size()) +
                 " were given");
  for (const auto &kw : args.keywords)
    if (llvm::none_of(params,
                      [&](const Param &p) { return p.name == kw.first; }))
      compileError(fname + "() got an unexpected keyword argument '" +
                   kw.first + "'");

  return callUserFunction(fn, bindings);
}

mlir::OwningOpRef<mlir::ModuleOp>
dac::script::lowerToDist(const Module &module, const SourceFile &file,
                         DiagnosticEngine &diags, mlir::MLIRContext &ctx) {
  ctx.getOrLoadDialect<dist::DistDialect>();
  ctx.getOrLoadDialect<mlir::arith::ArithDialect>();
  ctx.getOrLoadDialect<mlir::func::FuncDialect>();
  ctx.getOrLoadDialect<mlir::math::MathDialect>();
  ctx.getOrLoadDialect<mlir::scf::SCFDialect>();
  IRGen gen(ctx, file, diags);
  return gen.run(module);
}
