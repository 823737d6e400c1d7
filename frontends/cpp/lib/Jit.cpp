//===- Jit.cpp - Compiling, caching and running graphs --------------------===//
//
// An evaluation compiles its program once per structure: the cache key is
// the program's text without data (Program::key), the same on every rank.
// On a miss rank 0 alone compiles (the one pipeline builder, then LLVM),
// and broadcasts the object code; every rank loads it into its own ORC
// JIT. With a cache directory, rank 0 keeps objects across runs.
//
// The compiled function takes each argument and result as 8-byte words
// (arrays as their memref descriptors); a small entry point added to the
// LLVM IR unpacks an array of pointers to them, so one C signature calls
// every program.
//
//===----------------------------------------------------------------------===//

#include "Emit.h"

#include "dac/Compiler/CodeGen.h"
#include "dac/Compiler/Passes.h"
#include "dac/Compiler/Pipeline.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/Error.h"
#include "dac/Runtime/RuntimeABI.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ExecutionEngine/Orc/ExecutionUtils.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

using namespace dac;
using namespace dac::detail;

Buffer::~Buffer() {
  if (allocated && owned)
    _mlir_memref_to_llvm_free(allocated);
}

namespace {

constexpr const char *kEntry = "dac_entry";

/// What rank 0 hands every rank: the object code and what it returns.
struct Artifact {
  std::string error;
  std::string object;
  std::vector<std::string> resultTypes;
  int64_t kernels = 0;

  std::string serialize() const {
    std::ostringstream out;
    auto field = [&](const std::string &s) { out << s.size() << ':' << s; };
    field(error);
    field(object);
    field(std::to_string(kernels));
    field(std::to_string(resultTypes.size()));
    for (const std::string &t : resultTypes)
      field(t);
    return out.str();
  }

  static std::optional<Artifact> parse(const std::string &text) {
    size_t pos = 0;
    auto field = [&](std::string &s) {
      size_t colon = text.find(':', pos);
      if (colon == std::string::npos)
        return false;
      size_t n = std::strtoull(text.c_str() + pos, nullptr, 10);
      if (colon + 1 + n > text.size())
        return false;
      s = text.substr(colon + 1, n);
      pos = colon + 1 + n;
      return true;
    };
    Artifact a;
    std::string kernels, count;
    if (!field(a.error) || !field(a.object) || !field(kernels) || !field(count))
      return std::nullopt;
    a.kernels = std::atoll(kernels.c_str());
    a.resultTypes.resize(std::atoll(count.c_str()));
    for (std::string &t : a.resultTypes)
      if (!field(t))
        return std::nullopt;
    return a;
  }
};

/// `void dac_entry(void **slots)`: slot i points to parameter i of the
/// compiled function, the last slot to where its result is stored. Every
/// function gets unwind tables: a failed check throws through them to the
/// host (Session's failure handler).
void addEntryPoint(llvm::Module &module) {
  for (llvm::Function &f : module)
    if (!f.isDeclaration())
      f.setUWTableKind(llvm::UWTableKind::Async);
  llvm::Function *f = module.getFunction(kEvalFunction);
  llvm::LLVMContext &ctx = module.getContext();
  auto *ptr = llvm::PointerType::getUnqual(ctx);
  auto *entry = llvm::Function::Create(
      llvm::FunctionType::get(llvm::Type::getVoidTy(ctx), {ptr}, false),
      llvm::Function::ExternalLinkage, kEntry, module);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx, "entry", entry));
  auto slot = [&](unsigned i) {
    return b.CreateLoad(ptr, b.CreateConstGEP1_64(ptr, entry->getArg(0), i));
  };
  llvm::SmallVector<llvm::Value *> args;
  for (llvm::Argument &arg : f->args())
    args.push_back(b.CreateLoad(arg.getType(), slot(arg.getArgNo())));
  llvm::Value *result = b.CreateCall(f, args);
  if (!f->getReturnType()->isVoidTy())
    b.CreateStore(result, slot(f->arg_size()));
  b.CreateRetVoid();
  entry->setUWTableKind(llvm::UWTableKind::Async);
}

std::string typeText(mlir::Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  type.print(os);
  return text;
}

/// Rank 0's compilation of a program: the one pipeline, then LLVM.
Artifact compile(const Program &program, const JitOptions &options) {
  Artifact a;
  mlir::MLIRContext &ctx = getContext();
  std::string diagnostics;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
    if (d.getSeverity() == mlir::DiagnosticSeverity::Error)
      diagnostics += (diagnostics.empty() ? "" : "\n") + d.str();
    return mlir::success();
  });
  try {
    mlir::OwningOpRef<mlir::ModuleOp> module = buildProgram(program);
    auto fail = [&](const char *stage) {
      a.error =
          diagnostics.empty() ? std::string(stage) + " failed" : diagnostics;
      return a;
    };
    // The layouts the results get (the pipeline assigns them again, with
    // the same outcome): the types arrays are handed back with.
    mlir::PassManager layouts(&ctx);
    layouts.addPass(createDistAssignLayout());
    if (failed(layouts.run(*module)))
      return fail("layout assignment");
    auto func = module->lookupSymbol<mlir::func::FuncOp>(kEvalFunction);
    for (mlir::Type t : func.getResultTypes())
      a.resultTypes.push_back(typeText(t));
    mlir::PassManager toLocal(&ctx);
    buildGlobalToLocalPipeline(toLocal);
    if (failed(toLocal.run(*module)))
      return fail("partitioning");
    // Every fused loop nest reports its time to DAC_STATS.
    module->walk([&](mlir::func::CallOp call) {
      a.kernels += call.getCallee() == "dac_rt_stats_kernel";
    });
    mlir::PassManager toLLVM(&ctx);
    buildLocalToLLVMPipeline(toLLVM);
    if (failed(toLLVM.run(*module)))
      return fail("lowering to LLVM");
    CodeGenOptions codegen;
    codegen.optLevel = options.opt_level;
    codegen.cpu = options.cpu;
    llvm::LLVMContext llvmContext;
    auto llvmModule =
        translateAndOptimize(*module, llvmContext, codegen, addEntryPoint);
    if (!llvmModule) {
      a.error = llvm::toString(llvmModule.takeError());
      return a;
    }
    llvm::SmallVector<char, 0> object;
    llvm::raw_svector_ostream os(object);
    if (llvm::Error err = emitObject(**llvmModule, os, codegen))
      a.error = llvm::toString(std::move(err));
    a.object.assign(object.begin(), object.end());
  } catch (const Error &err) {
    a.error = err.what();
  }
  return a;
}

/// A string from rank 0 to every rank.
std::string broadcast(std::string text) {
  int64_t size = text.size();
  MPI_Bcast(&size, 1, MPI_INT64_T, 0, rt::communicator());
  text.resize(size);
  MPI_Bcast(text.data(), static_cast<int>(size), MPI_CHAR, 0,
            rt::communicator());
  return text;
}

int worldRank() {
  int rank = 0;
  MPI_Comm_rank(rt::communicator(), &rank);
  return rank;
}

struct Compiled {
  std::vector<std::string> resultTypes;
  int64_t kernels = 0;
  void (*entry)(void **) = nullptr;
};

/// The process's compiler: options, the cache, the JIT.
class Jit {
public:
  static Jit &get() {
    static Jit jit;
    return jit;
  }

  JitOptions options;
  JitStats stats;

  const Compiled &lookup(const Program &program);
  void run(const Compiled &compiled, const Program &program);

private:
  std::string cachePath(const std::string &key) const;
  Artifact obtain(const Program &program, const std::string &key);
  llvm::orc::LLJIT &lljit();

  std::map<std::string, Compiled> cache;
  std::unique_ptr<llvm::orc::LLJIT> jit;
  unsigned dylibs = 0;
};

llvm::orc::LLJIT &Jit::lljit() {
  if (!jit) {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    auto created = llvm::orc::LLJITBuilder().create();
    if (!created)
      throw Error("cannot start the JIT: " +
                  llvm::toString(created.takeError()));
    jit = std::move(*created);
  }
  return *jit;
}

std::string Jit::cachePath(const std::string &key) const {
  std::string dir = options.cache_dir;
  if (dir.empty())
    if (const char *env = std::getenv("DAC_JIT_CACHE"))
      dir = env;
  if (dir.empty())
    return "";
  // The key's SHA-1 names the file (as `dac run`'s cache); the whole key
  // inside it is compared.
  return dir + "/" +
         llvm::toHex(llvm::SHA1::hash(llvm::arrayRefFromStringRef(key))) +
         ".dacjit";
}

Artifact Jit::obtain(const Program &program, const std::string &key) {
  // Rank 0 decides (disk or compile); the others take its answer.
  std::string message;
  if (worldRank() == 0) {
    std::string path = cachePath(key);
    std::string header =
        "dacjit " + std::to_string(DAC_RT_ABI_VERSION) + "\n" + key + "\n";
    std::optional<Artifact> found;
    if (!path.empty()) {
      std::ifstream in(path, std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)),
                       std::istreambuf_iterator<char>());
      // A truncated or foreign entry fails to parse: compile again.
      if (text.compare(0, header.size(), header) == 0)
        found = Artifact::parse(text.substr(header.size()));
      if (found && !found->error.empty())
        found.reset();
    }
    if (found) {
      ++stats.disk_hits;
      message = "D" + found->serialize();
    } else {
      auto start = std::chrono::steady_clock::now();
      Artifact a = compile(program, options);
      stats.last_compile_seconds = std::chrono::duration<double>(
                                       std::chrono::steady_clock::now() - start)
                                       .count();
      if (!path.empty() && a.error.empty()) {
        // Written aside and renamed: readers never see half an entry.
        llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path));
        std::string tmp = path + ".tmp" + std::to_string(getpid());
        {
          std::ofstream out(tmp, std::ios::binary);
          out << header << a.serialize();
        }
        std::rename(tmp.c_str(), path.c_str());
      }
      message = "C" + a.serialize();
    }
  }
  message = broadcast(std::move(message));
  if (message[0] == 'C')
    ++stats.compilations;
  else if (worldRank() != 0)
    ++stats.disk_hits;
  std::optional<Artifact> a = Artifact::parse(message.substr(1));
  if (!a)
    throw Error("internal error: a compiled program did not arrive whole");
  return *a;
}

const Compiled &Jit::lookup(const Program &program) {
  std::string key = "O" + std::to_string(options.opt_level) + " " +
                    options.cpu + "\n" + program.key();
  auto found = cache.find(key);
  if (found != cache.end()) {
    ++stats.memory_hits;
    return found->second;
  }
  Artifact a = obtain(program, key);
  if (!a.error.empty())
    throw Error(a.error);
  llvm::orc::LLJIT &j = lljit();
  auto dylib = j.createJITDylib("dac" + std::to_string(dylibs++));
  if (!dylib)
    throw Error(llvm::toString(dylib.takeError()));
  // The runtime, libm and MPI are found in the process.
  auto process = llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(
      j.getDataLayout().getGlobalPrefix());
  if (!process)
    throw Error(llvm::toString(process.takeError()));
  dylib->addGenerator(std::move(*process));
  if (llvm::Error err = j.addObjectFile(
          *dylib, llvm::MemoryBuffer::getMemBufferCopy(a.object)))
    throw Error("cannot load compiled code: " + llvm::toString(std::move(err)));
  auto symbol = j.lookup(*dylib, kEntry);
  if (!symbol)
    throw Error("cannot load compiled code: " +
                llvm::toString(symbol.takeError()));
  Compiled compiled;
  compiled.resultTypes = a.resultTypes;
  compiled.kernels = a.kernels;
  compiled.entry = symbol->toPtr<void (*)(void **)>();
  stats.kernels = a.kernels;
  return cache.emplace(key, std::move(compiled)).first->second;
}

void Jit::run(const Compiled &compiled, const Program &program) {
  // Every parameter is one 8-byte word; arrays take 3 + 2 * rank of them.
  std::vector<int64_t> words;
  for (const NodePtr &arg : program.arguments) {
    if (arg->isArray) {
      const Buffer &b = *arg->buffer;
      words.push_back(reinterpret_cast<intptr_t>(b.allocated));
      words.push_back(reinterpret_cast<intptr_t>(b.aligned));
      words.push_back(b.offset);
      words.insert(words.end(), b.sizes.begin(), b.sizes.end());
      words.insert(words.end(), b.strides.begin(), b.strides.end());
    } else if (arg->dtype == DType::Float32 || arg->dtype == DType::Float64) {
      int64_t w;
      std::memcpy(&w, &arg->f, sizeof w);
      words.push_back(w);
    } else {
      words.push_back(arg->i);
    }
  }
  size_t resultWords = 0;
  if (!program.print)
    for (const NodePtr &r : program.results)
      resultWords += r->isArray ? 3 + 2 * r->shape.size() : 1;
  std::vector<int64_t> results(resultWords);
  std::vector<void *> slots;
  for (int64_t &w : words)
    slots.push_back(&w);
  slots.push_back(results.data());
  try {
    compiled.entry(slots.data());
  } catch (const rt::CollectiveFailure &failure) {
    throw Error(failure.what());
  }
  if (program.print)
    return;
  // The results become computed values; a buffer returned twice is shared.
  std::map<void *, std::shared_ptr<Buffer>> owners;
  size_t next = 0;
  for (auto [i, node] : llvm::enumerate(program.results)) {
    node->operands.clear();
    node->chain.clear();
    if (!node->isArray) {
      node->op = Node::Op::Scalar;
      node->constant = false;
      if (node->dtype == DType::Float32 || node->dtype == DType::Float64)
        std::memcpy(&node->f, &results[next], sizeof(double));
      else
        node->i = results[next];
      ++next;
      continue;
    }
    size_t rank = node->shape.size();
    void *allocated = reinterpret_cast<void *>(results[next]);
    std::shared_ptr<Buffer> &buffer = owners[allocated];
    if (!buffer) {
      buffer = std::make_shared<Buffer>();
      buffer->allocated = allocated;
      buffer->aligned = reinterpret_cast<void *>(results[next + 1]);
      buffer->offset = results[next + 2];
      buffer->sizes.assign(&results[next + 3], &results[next + 3 + rank]);
      buffer->strides.assign(&results[next + 3 + rank],
                             &results[next + 3 + 2 * rank]);
      buffer->type = compiled.resultTypes.at(i);
    }
    node->op = Node::Op::Input;
    node->buffer = buffer;
    next += 3 + 2 * rank;
  }
}

} // namespace

void detail::evaluate(const std::vector<NodePtr> &nodes) {
  if (!sessionActive())
    throw Error("computing an array needs an active dac::Session (create "
                "one first, and keep it alive while computing)");
  Program program = collectProgram(nodes);
  if (program.results.empty())
    return;
  Jit &jit = Jit::get();
  jit.run(jit.lookup(program), program);
}

void detail::printArrays(const std::string &format,
                         const std::vector<NodePtr> &values) {
  Program program;
  program.print = format;
  for (const NodePtr &v : values) {
    program.arguments.push_back(v);
    program.results.push_back(v);
  }
  Jit &jit = Jit::get();
  jit.run(jit.lookup(program), program);
}

JitOptions &detail::jitOptions() { return Jit::get().options; }
JitStats detail::jitStats() { return Jit::get().stats; }
