//===- RuntimeCalls.cpp - Calls from generated code into the runtime ------===//

#include "dac/Compiler/RuntimeCalls.h"
#include "dac/Runtime/RuntimeABI.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA1.h"

using namespace mlir;
using namespace dac;

namespace {

/// The signature of one entry point, expanded from RuntimeABI.def.
struct RuntimeSignature {
  const char *name;
  const char *ret;
  std::vector<const char *> params;
};

#define DAC_RT_QUOTE_PARAMS(...)                                               \
  { DAC_RT_QUOTE_EACH(__VA_ARGS__) }
#define DAC_RT_QUOTE_EACH(...) DAC_RT_MAP(DAC_RT_QUOTE_ONE, __VA_ARGS__)
#define DAC_RT_QUOTE_ONE(T) #T

const RuntimeSignature kSignatures[] = {
#define DAC_RT_FUNC(Name, Ret, Params)                                         \
  {#Name, #Ret, DAC_RT_QUOTE_PARAMS Params},
#include "dac/Runtime/RuntimeABI.def"
};

Type mapType(MLIRContext *ctx, StringRef name) {
  if (name == "I32")
    return IntegerType::get(ctx, 32);
  if (name == "I64")
    return IntegerType::get(ctx, 64);
  if (name == "F32")
    return Float32Type::get(ctx);
  if (name == "F64")
    return Float64Type::get(ctx);
  if (name == "PTR")
    return LLVM::LLVMPointerType::get(ctx);
  assert(name == "VOID" && "unknown type in RuntimeABI.def");
  return {};
}

} // namespace

int64_t dac::getRuntimeABIVersion() { return DAC_RT_ABI_VERSION; }

StringRef dac::getRuntimeFunctionName(RuntimeFunction fn) {
  return kSignatures[static_cast<size_t>(fn)].name;
}

Value RuntimeSymbols::call(OpBuilder &b, Location loc, RuntimeFunction fn,
                           ValueRange args) {
  const RuntimeSignature &sig = kSignatures[static_cast<size_t>(fn)];
  auto decl = table.lookup<func::FuncOp>(sig.name);
  if (!decl) {
    MLIRContext *ctx = module.getContext();
    SmallVector<Type> params, results;
    for (const char *p : sig.params)
      if (Type t = mapType(ctx, p))
        params.push_back(t);
    if (Type t = mapType(ctx, sig.ret))
      results.push_back(t);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    decl = func::FuncOp::create(b, module.getLoc(), sig.name,
                                b.getFunctionType(params, results));
    decl.setPrivate();
    table.insert(decl);
  }
  auto call = func::CallOp::create(b, loc, decl, args);
  return call.getNumResults() ? call.getResult(0) : Value();
}

Value RuntimeSymbols::constant(OpBuilder &b, Location loc, StringRef prefix,
                               StringRef bytes, Type type, Attribute value) {
  // Named by content, so equal constants share one global.
  std::string name =
      (prefix +
       llvm::toHex(llvm::SHA1::hash(llvm::arrayRefFromStringRef(bytes)))
           .substr(0, 16))
          .str();
  auto global = table.lookup<LLVM::GlobalOp>(name);
  if (!global) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(module.getBody());
    global = LLVM::GlobalOp::create(b, loc, type, /*isConstant=*/true,
                                    LLVM::Linkage::Private, name, value);
    table.insert(global);
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value RuntimeSymbols::string(OpBuilder &b, Location loc, StringRef text) {
  std::string data = text.str();
  data.push_back('\0');
  auto type = LLVM::LLVMArrayType::get(b.getI8Type(), data.size());
  return constant(b, loc, "__dac_str_", data, type, b.getStringAttr(data));
}

Value RuntimeSymbols::i64Array(OpBuilder &b, Location loc,
                               ArrayRef<int64_t> values) {
  StringRef bytes(reinterpret_cast<const char *>(values.data()),
                  values.size() * sizeof(int64_t));
  Type i64 = b.getI64Type();
  auto data = DenseElementsAttr::get(
      RankedTensorType::get({static_cast<int64_t>(values.size())}, i64),
      values);
  return constant(b, loc, "__dac_i64_", bytes,
                  LLVM::LLVMArrayType::get(i64, values.size()), data);
}

Value dac::createRuntimeCall(OpBuilder &b, Location loc, ModuleOp module,
                             RuntimeFunction fn, ValueRange args) {
  return RuntimeSymbols(module).call(b, loc, fn, args);
}

std::string dac::formatLocation(Location loc) {
  std::string result;
  loc->walk([&](Location inner) {
    if (auto file = dyn_cast<FileLineColLoc>(inner)) {
      result = (file.getFilename().getValue() + ":" + Twine(file.getLine()) +
                ":" + Twine(file.getColumn()))
                   .str();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return result;
}
