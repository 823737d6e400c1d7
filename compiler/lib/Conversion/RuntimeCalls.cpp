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

func::FuncOp getOrDeclare(OpBuilder &b, ModuleOp module, RuntimeFunction fn) {
  const RuntimeSignature &sig = kSignatures[static_cast<size_t>(fn)];
  if (auto existing = module.lookupSymbol<func::FuncOp>(sig.name))
    return existing;
  MLIRContext *ctx = module.getContext();
  SmallVector<Type> params, results;
  for (const char *p : sig.params)
    if (Type t = mapType(ctx, p))
      params.push_back(t);
  if (Type t = mapType(ctx, sig.ret))
    results.push_back(t);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(module.getBody());
  auto decl = func::FuncOp::create(b, module.getLoc(), sig.name,
                                   b.getFunctionType(params, results));
  decl.setPrivate();
  return decl;
}

} // namespace

int64_t dac::getRuntimeABIVersion() { return DAC_RT_ABI_VERSION; }

StringRef dac::getRuntimeFunctionName(RuntimeFunction fn) {
  return kSignatures[static_cast<size_t>(fn)].name;
}

Value dac::createRuntimeCall(OpBuilder &b, Location loc, ModuleOp module,
                             RuntimeFunction fn, ValueRange args) {
  func::FuncOp decl = getOrDeclare(b, module, fn);
  auto call = func::CallOp::create(b, loc, decl, args);
  return call.getNumResults() ? call.getResult(0) : Value();
}

Value dac::createStringConstant(OpBuilder &b, Location loc, ModuleOp module,
                                StringRef text) {
  std::string data = text.str();
  data.push_back('\0');
  // Name by content so equal strings share one global.
  std::string name =
      "__dac_str_" +
      llvm::toHex(llvm::SHA1::hash(llvm::arrayRefFromStringRef(data)))
          .substr(0, 16);
  MLIRContext *ctx = module.getContext();
  auto global = module.lookupSymbol<LLVM::GlobalOp>(name);
  if (!global) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    auto type = LLVM::LLVMArrayType::get(IntegerType::get(ctx, 8), data.size());
    global = LLVM::GlobalOp::create(b, loc, type, /*isConstant=*/true,
                                    LLVM::Linkage::Private, name,
                                    b.getStringAttr(data));
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value dac::createI64ArrayConstant(OpBuilder &b, Location loc, ModuleOp module,
                                  ArrayRef<int64_t> values) {
  std::string bytes(reinterpret_cast<const char *>(values.data()),
                    values.size() * sizeof(int64_t));
  std::string name =
      "__dac_i64_" +
      llvm::toHex(llvm::SHA1::hash(llvm::arrayRefFromStringRef(bytes)))
          .substr(0, 16);
  auto global = module.lookupSymbol<LLVM::GlobalOp>(name);
  if (!global) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    Type i64 = b.getI64Type();
    auto type = LLVM::LLVMArrayType::get(i64, values.size());
    auto data = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(values.size())}, i64),
        values);
    global = LLVM::GlobalOp::create(b, loc, type, /*isConstant=*/true,
                                    LLVM::Linkage::Private, name, data);
  }
  return LLVM::AddressOfOp::create(b, loc, global);
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
