//===- dac-layout.cpp - Print the runtime's layout of an array ------------===//
//
// Computes, with the runtime's own layout code and without MPI, how an array
// is distributed over a number of ranks, and prints it as JSON: the process
// grid and, per rank, its grid coordinates, owned shape, owned global
// indices and ghost indices (optionally its Distributed Array Protocol
// export). Other implementations of the rules (the Python reference
// package) are cross-checked against it.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/DistArrayProtocol.h"
#include "dac/Runtime/LayoutDescriptor.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace dac::rt;

namespace {

const char *const Usage = R"(usage: dac-layout --ranks P --shape N[,N...]
                  [--dist CODES | --dim SPEC...] [--grid G[,G...]]
                  [--desc W[,W...]] [--dap]

Prints as JSON how dac's runtime distributes an array of the given shape
over P ranks: {"ranks", "shape", "grid", "grid_per_dim", "localshapes",
"per_rank": [{"rank", "coords", "local_shape", "owned", "ghosts"[, "dap"]},
...]}. "grid" covers the distributed dimensions, "grid_per_dim" every
dimension (1 where not distributed, DistArray's form). "owned" has, per
dimension, the global indices the rank owns in local order; "ghosts" has,
per dimension, {"lo": [...], "hi": [...]}, the ghost cells of a halo by
global index.

options:
  --ranks P       number of ranks (default 1)
  --shape N,...   the global shape ("" for a 0-d array)
  --dist CODES    one letter per dimension, as in dist='bcn': b (block),
                  c (cyclic), n (not distributed); dimensions past the
                  string are n. Without --dist and --dim: block on
                  dimension 0 (the scripts' default)
  --dim SPEC      the next dimension's distribution, repeated in order:
                    n | b | c | cK          (cK: block-cyclic, block size K)
                    b:bounds=0,2,6,7,9      irregular blocks
                    b:halo=W | b:halo=LO,HI [:periodic]
                    c:k=K                   block-cyclic
                    u:indices=4,0/1,3,2     one list per grid position
                  options combine: b:bounds=0,4,10:halo=1:periodic
  --grid G,...    the process grid: one extent per distributed dimension,
                  or DistArray's form with one per dimension (1 where not
                  distributed); chosen by DistArray's rule when absent
  --desc W,...    a layout descriptor (RuntimeABI.def) instead of --dist,
                  --dim and --grid
  --dap           add each rank's Distributed Array Protocol export
  -h, --help      print this text

An invalid layout prints "dac-layout: error: <why>" and exits with status 1.
)";

[[noreturn]] void fail(const std::string &message) {
  std::fprintf(stderr, "dac-layout: error: %s\n", message.c_str());
  std::exit(1);
}

int64_t parseInt(const std::string &text, const char *what) {
  errno = 0;
  char *end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end || errno)
    fail(std::string("invalid ") + what + " '" + text + "'");
  return value;
}

std::vector<std::string> split(const std::string &text, char separator) {
  std::vector<std::string> parts;
  size_t begin = 0;
  for (size_t end; (end = text.find(separator, begin)) != std::string::npos;
       begin = end + 1)
    parts.push_back(text.substr(begin, end - begin));
  parts.push_back(text.substr(begin));
  return parts;
}

std::vector<int64_t> parseList(const std::string &text, const char *what) {
  std::vector<int64_t> values;
  if (text.empty())
    return values;
  for (const std::string &part : split(text, ','))
    values.push_back(parseInt(part, what));
  return values;
}

DimDistribution parseKind(const std::string &code) {
  if (code == "n")
    return DimDistribution::none();
  if (code == "b")
    return DimDistribution::block();
  if (code == "u")
    return DimDistribution::unstructured({});
  if (!code.empty() && code[0] == 'c')
    return DimDistribution::cyclic(
        code.size() == 1 ? 1 : parseInt(code.substr(1), "block size"));
  fail("unknown distribution code '" + code + "' (expected n, b, c, cK, u)");
}

/// One --dim SPEC: a code, then ':'-separated options.
DimDistribution parseDim(const std::string &spec) {
  std::vector<std::string> parts = split(spec, ':');
  DimDistribution dim = parseKind(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string &option = parts[i];
    size_t equals = option.find('=');
    std::string key = option.substr(0, equals);
    std::string value =
        equals == std::string::npos ? "" : option.substr(equals + 1);
    if (key == "periodic" && equals == std::string::npos) {
      dim.periodic = true;
    } else if (key == "bounds") {
      dim.bounds = parseList(value, "bound");
    } else if (key == "halo") {
      std::vector<int64_t> widths = parseList(value, "halo width");
      if (widths.size() != 1 && widths.size() != 2)
        fail("halo is W or LO,HI, got '" + value + "'");
      dim.haloLo = widths[0];
      dim.haloHi = widths.back();
    } else if (key == "k") {
      dim.blockSize = parseInt(value, "block size");
    } else if (key == "indices") {
      for (const std::string &list : split(value, '/'))
        dim.indices.push_back(parseList(list, "index"));
    } else {
      fail("unknown option '" + option + "' in --dim " + spec);
    }
  }
  return dim;
}

/// \p grid over the distributed dimensions; DistArray's form, one extent per
/// dimension with 1 for the undistributed ones, is accepted too.
std::vector<int64_t> distributedGrid(const std::vector<int64_t> &grid,
                                     const std::vector<DimDistribution> &dims) {
  size_t distributed = 0;
  for (const DimDistribution &dim : dims)
    distributed += dim.isDistributed();
  if (grid.size() != dims.size() || distributed == dims.size())
    return grid;
  std::vector<int64_t> kept;
  for (size_t d = 0; d < dims.size(); ++d) {
    if (dims[d].isDistributed())
      kept.push_back(grid[d]);
    else if (grid[d] != 1)
      fail("--grid gives " + std::to_string(grid[d]) + " ranks to dimension " +
           std::to_string(d) + ", which is not distributed: it must be 1");
  }
  return kept;
}

std::string jsonList(const std::vector<int64_t> &values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i)
    out += (i ? ", " : "") + std::to_string(values[i]);
  return out + "]";
}

void print(const Layout &layout, bool withDap) {
  std::printf("{\"ranks\": %lld, \"shape\": %s, \"grid\": %s, "
              "\"grid_per_dim\": %s,\n",
              static_cast<long long>(layout.numRanks()),
              jsonList(layout.shape()).c_str(), jsonList(layout.grid()).c_str(),
              jsonList(layout.gridPerDim()).c_str());
  std::string shapes;
  for (int64_t r = 0; r < layout.numRanks(); ++r)
    shapes += (r ? ", " : "") + jsonList(layout.localShape(r));
  std::printf(" \"localshapes\": [%s],\n \"per_rank\": [\n", shapes.c_str());
  for (int64_t r = 0; r < layout.numRanks(); ++r) {
    std::string owned, ghosts;
    for (unsigned d = 0; d < layout.rank(); ++d) {
      GhostIndices ghost = layout.ghostIndices(r, d);
      owned += (d ? ", " : "") + jsonList(layout.ownedIndices(r, d));
      ghosts += std::string(d ? ", " : "") + "{\"lo\": " + jsonList(ghost.lo) +
                ", \"hi\": " + jsonList(ghost.hi) + "}";
    }
    std::printf(
        "  {\"rank\": %lld, \"coords\": %s, \"local_shape\": %s, "
        "\"owned\": [%s], \"ghosts\": [%s]",
        static_cast<long long>(r), jsonList(layout.gridCoords(r)).c_str(),
        jsonList(layout.localShape(r)).c_str(), owned.c_str(), ghosts.c_str());
    if (withDap)
      std::printf(", \"dap\": %s",
                  dap::toJson(dap::exportLayout(layout, r)).c_str());
    std::printf("}%s\n", r + 1 < layout.numRanks() ? "," : "");
  }
  std::printf(" ]}\n");
}

} // namespace

int main(int argc, char **argv) {
  int64_t ranks = 1;
  std::vector<int64_t> shape;
  bool haveShape = false, withDap = false;
  std::string codes;
  std::vector<DimDistribution> dims;
  std::optional<std::vector<int64_t>> grid;
  std::optional<std::vector<int64_t>> desc;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc)
        fail("option " + arg + " needs a value (see --help)");
      return argv[++i];
    };
    if (arg == "-h" || arg == "--help") {
      std::fputs(Usage, stdout);
      return 0;
    } else if (arg == "--ranks") {
      ranks = parseInt(value(), "rank count");
    } else if (arg == "--shape") {
      shape = parseList(value(), "extent");
      haveShape = true;
    } else if (arg == "--dist") {
      codes = value();
    } else if (arg == "--dim") {
      dims.push_back(parseDim(value()));
    } else if (arg == "--grid") {
      grid = parseList(value(), "grid extent");
    } else if (arg == "--desc") {
      desc = parseList(value(), "descriptor word");
    } else if (arg == "--dap") {
      withDap = true;
    } else {
      fail("unknown argument '" + arg + "' (see --help)");
    }
  }
  if (!haveShape)
    fail("--shape is required (see --help)");
  try {
    LayoutSpec spec;
    if (desc) {
      if (!codes.empty() || !dims.empty() || grid)
        fail("--desc replaces --dist, --dim and --grid");
      size_t used = 0;
      spec = decodeLayoutDescriptor(desc->data(), desc->size(), &used);
      if (used != desc->size())
        fail("the descriptor has " + std::to_string(desc->size() - used) +
             " words past its end");
    } else {
      if (!codes.empty() && !dims.empty())
        fail("give either --dist or --dim");
      for (char code : codes)
        spec.dims.push_back(parseKind(std::string(1, code)));
      if (!dims.empty())
        spec.dims = dims;
      else if (codes.empty() && !shape.empty())
        spec.dims.push_back(DimDistribution::block());
      if (spec.dims.size() > shape.size())
        fail("the distribution has " + std::to_string(spec.dims.size()) +
             " dimensions but the shape only " + std::to_string(shape.size()));
      spec.dims.resize(shape.size(), DimDistribution::none());
      spec.grid = grid ? distributedGrid(*grid, spec.dims) : grid;
    }
    print(makeLayout(spec, shape, ranks), withDap);
  } catch (const LayoutError &error) {
    fail(error.what());
  }
  return 0;
}
