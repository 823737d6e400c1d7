//===- Session.cpp - The runtime in a host process, and print() -----------===//

#include "Graph.h"

#include "dac/Runtime/Comm.h"
#include "dac/Runtime/Error.h"
#include "dac/Runtime/RuntimeABI.h"

using namespace dac;
using namespace dac::detail;

namespace {
bool active = false;

} // namespace

bool detail::sessionActive() { return active; }

Session::Session(int &argc, char **&argv, JitOptions options) {
  start(&argc, &argv, MPI_COMM_WORLD, std::move(options));
}

Session::Session(MPI_Comm comm, JitOptions options) {
  start(nullptr, nullptr, comm, std::move(options));
}

void Session::start(int *argc, char ***argv, MPI_Comm comm,
                    JitOptions options) {
  if (active)
    throw Error("a dac::Session is already active in this process");
  if (comm != MPI_COMM_WORLD) {
    // Another communicator is the host's: MPI is the host's too.
    int initialised = 0;
    MPI_Initialized(&initialised);
    if (!initialised)
      throw Error("dac::Session on a communicator needs MPI initialised by "
                  "the host");
  }
  rt::setCommunicator(comm);
  dac_rt_init(DAC_RT_ABI_VERSION, argc ? *argc : 0, argv ? *argv : nullptr);
  jitOptions() = std::move(options);
  // Errors every rank finds alike become exceptions (Jit.cpp).
  rt::throwOnCollectiveFailure(true);
  active = true;
}

Session::~Session() {
  rt::throwOnCollectiveFailure(false);
  dac_rt_finalize();
  active = false;
}

int Session::rank() const {
  int r = 0;
  MPI_Comm_rank(rt::communicator(), &r);
  return r;
}

int Session::size() const {
  int n = 0;
  MPI_Comm_size(rt::communicator(), &n);
  return n;
}

JitStats Session::stats() const { return jitStats(); }
JitOptions Session::options() const { return jitOptions(); }
void Session::set_options(JitOptions options) {
  jitOptions() = std::move(options);
}

void Session::printItems(const std::vector<Printable> &items) {
  // One line, as Python's print: items separated by spaces. Numbers are
  // formatted by the runtime (the code that formats them in scripts);
  // arrays need a compiled print (the runtime gathers and formats them).
  std::vector<NodePtr> values;
  bool anyArray = false;
  for (const Printable &item : items)
    if (!item.isText) {
      if (!item.array.impl())
        throw Error("print(): this dac::Array holds no array yet");
      values.push_back(read(item.array.impl()));
      anyArray |= values.back()->isArray;
    }
  evaluate(values);
  if (anyArray) {
    std::string format;
    size_t next = 0;
    for (const Printable &item : items) {
      if (!format.empty())
        format += ' ';
      if (!item.isText) {
        format += values[next++]->isArray ? "{array}" : "{}";
        continue;
      }
      for (char c : item.text) {
        format += c;
        if (c == '{' || c == '}')
          format += c;
      }
    }
    printArrays(format + "\n", values);
    return;
  }
  size_t next = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i)
      dac_rt_print_str(const_cast<char *>(" "), 1);
    if (items[i].isText) {
      dac_rt_print_str(const_cast<char *>(items[i].text.data()),
                       items[i].text.size());
      continue;
    }
    const Node &n = *values[next++];
    switch (n.dtype) {
    case DType::Bool:
      dac_rt_print_bool(n.i != 0);
      break;
    case DType::Int32:
    case DType::Int64:
      dac_rt_print_i64(n.i);
      break;
    case DType::Float32:
      dac_rt_print_f32(static_cast<float>(n.f));
      break;
    case DType::Float64:
      dac_rt_print_f64(n.f);
      break;
    }
  }
  dac_rt_print_str(const_cast<char *>("\n"), 1);
  dac_rt_print_flush();
}
