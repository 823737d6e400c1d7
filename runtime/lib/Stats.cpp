//===- Stats.cpp - DAC_STATS: what a run communicated and computed --------===//
//
// With DAC_STATS=1 in the environment, rank 0 prints at exit (stderr) one
// line per kind of communication — messages and bytes sent summed over all
// ranks, bytes a rank copied to itself apart, seconds the maximum over
// ranks — and one line per kernel (by script line: calls, seconds, the
// maximum over ranks). DAC_STATS=path.json writes the same as JSON. Unset,
// nothing is recorded: the compiled code tests one flag per kernel.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace dac::rt;

namespace {

struct CommCounters {
  int64_t messages = 0, bytes = 0, selfBytes = 0;
  double seconds = 0;
};

struct KernelCounters {
  int64_t calls = 0;
  double seconds = 0;
};

struct Stats {
  bool enabled = false;
  std::string path; // empty: a table on stderr
  std::map<std::string, CommCounters> comm;
  std::map<std::pair<std::string, int64_t>, KernelCounters> kernels;
};

Stats &stats() {
  static Stats S;
  return S;
}

/// Combines per-rank values over all ranks with `op`, in place.
template <typename T>
void combine(std::vector<T> &values, MPI_Datatype type, MPI_Op op) {
  if (!detail::mpiActive() || detail::worldSize() == 1 || values.empty())
    return;
  checkMpi(MPI_Allreduce(MPI_IN_PLACE, values.data(),
                         static_cast<int>(values.size()), type, op,
                         communicator()),
           "MPI_Allreduce");
}

std::string jsonString(const std::string &text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

} // namespace

void detail::initStats() {
  const char *value = std::getenv("DAC_STATS");
  Stats &s = stats();
  s.enabled = value && *value && std::strcmp(value, "0") != 0;
  if (s.enabled && std::strcmp(value, "1") != 0)
    s.path = value;
}

bool detail::statsEnabled() { return stats().enabled; }

void detail::recordComm(const char *kind, int64_t messages, int64_t bytes,
                        int64_t selfBytes, double seconds) {
  if (!stats().enabled)
    return;
  CommCounters &c = stats().comm[kind];
  c.messages += messages;
  c.bytes += bytes;
  c.selfBytes += selfBytes;
  c.seconds += seconds;
}

void detail::reportStats() {
  Stats &s = stats();
  if (!s.enabled)
    return;
  // Every rank runs the same kernels and the same kinds of communication
  // (one program); a kind only some ranks used still has an entry on all.
  static const char *const kKinds[] = {"halo", "exchange", "redistribution",
                                       "allreduce", "broadcast"};
  // Communication volumes add up over ranks; calls (every rank runs each
  // kernel) and seconds (the slowest rank) are maxima.
  std::vector<int64_t> counts, calls;
  std::vector<double> seconds;
  for (const char *kind : kKinds) {
    CommCounters &c = s.comm[kind];
    counts.insert(counts.end(), {c.messages, c.bytes, c.selfBytes});
    seconds.push_back(c.seconds);
  }
  for (auto &[key, k] : s.kernels) {
    calls.push_back(k.calls);
    seconds.push_back(k.seconds);
  }
  combine(counts, MPI_INT64_T, MPI_SUM);
  combine(calls, MPI_INT64_T, MPI_MAX);
  combine(seconds, MPI_DOUBLE, MPI_MAX);
  if (detail::worldRank() != 0)
    return;
  size_t at = 0, sat = 0;
  std::ostringstream text;
  bool json = !s.path.empty();
  if (json) {
    text << "{\"ranks\": " << detail::worldSize() << ", \"comm\": [";
  } else {
    text << "dac statistics (" << detail::worldSize() << " ranks)\n"
         << "communication      messages           bytes      self bytes"
            "     seconds\n";
  }
  for (size_t i = 0; i < std::size(kKinds); ++i, at += 3, ++sat) {
    if (json) {
      text << (i ? ", " : "") << "{\"kind\": " << jsonString(kKinds[i])
           << ", \"messages\": " << counts[at]
           << ", \"bytes\": " << counts[at + 1]
           << ", \"self_bytes\": " << counts[at + 2]
           << ", \"seconds\": " << seconds[sat] << "}";
      continue;
    }
    char line[160];
    std::snprintf(line, sizeof(line), "%-14s %12lld %15lld %15lld %11.6f\n",
                  kKinds[i], static_cast<long long>(counts[at]),
                  static_cast<long long>(counts[at + 1]),
                  static_cast<long long>(counts[at + 2]), seconds[sat]);
    text << line;
  }
  text << (json ? "], \"kernels\": ["
                : "kernel                line      calls     seconds\n");
  size_t kat = 0;
  for (auto &[key, k] : s.kernels) {
    bool first = kat == 0;
    int64_t runs = calls[kat++];
    double secs = seconds[sat++];
    if (json) {
      text << (first ? "" : ", ") << "{\"name\": " << jsonString(key.first)
           << ", \"line\": " << key.second << ", \"calls\": " << runs
           << ", \"seconds\": " << secs << "}";
    } else {
      char line[160];
      std::snprintf(line, sizeof(line), "%-16s %9lld %10lld %11.6f\n",
                    key.first.c_str(), static_cast<long long>(key.second),
                    static_cast<long long>(runs), secs);
      text << line;
    }
  }
  if (!json) {
    std::fputs(text.str().c_str(), stderr);
    return;
  }
  text << "]}\n";
  std::ofstream out(s.path);
  out << text.str();
  if (!out)
    std::fprintf(stderr, "dac: warning: cannot write DAC_STATS file %s\n",
                 s.path.c_str());
}

extern "C" int64_t dac_rt_stats_enabled(void) {
  return stats().enabled ? 1 : 0;
}

extern "C" double dac_rt_stats_clock(void) { return MPI_Wtime(); }

extern "C" void dac_rt_stats_kernel(void *name, int64_t line, double start) {
  detail::guard("dac_rt_stats_kernel", [&] {
    double now = MPI_Wtime();
    KernelCounters &k =
        stats().kernels[{static_cast<const char *>(name), line}];
    ++k.calls;
    k.seconds += now - start;
  });
}
