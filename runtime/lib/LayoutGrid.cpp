//===- LayoutGrid.cpp - Choosing a process grid ---------------------------===//
//
// DistArray's rule for the grid of several distributed axes, exactly as
// oracle/DISTRIBUTIONS.md states it (and the reference package implements
// it): factorizations in lexicographic order, scored by the distance of
// their pairwise ratios to those of the axis lengths.
//
//===----------------------------------------------------------------------===//

#include "dac/Runtime/Layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace dac::rt;

namespace {

void collectFactorizations(int64_t rest, int count, int64_t smallest,
                           std::vector<int64_t> &prefix,
                           std::vector<std::vector<int64_t>> &out) {
  if (count == 1) {
    if (rest >= smallest) {
      prefix.push_back(rest);
      out.push_back(prefix);
      prefix.pop_back();
    }
    return;
  }
  // factor^count <= rest, or the remaining (larger) factors overshoot.
  for (int64_t factor = smallest;; ++factor) {
    int64_t power = 1;
    bool fits = true;
    for (int i = 0; i < count && fits; ++i) {
      fits = power <= rest / factor;
      power *= factor;
    }
    if (!fits)
      break;
    if (rest % factor)
      continue;
    prefix.push_back(factor);
    collectFactorizations(rest / factor, count - 1, factor, prefix, out);
    prefix.pop_back();
  }
}

/// a / b with IEEE semantics made explicit (x / 0 = inf, 0 / 0 = NaN), as
/// the reference package computes it: empty axes give scores that compare
/// false, so the first candidate stays.
double ratio(double a, double b) {
  if (b == 0)
    return a == 0 ? std::numeric_limits<double>::quiet_NaN()
                  : std::numeric_limits<double>::infinity();
  return a / b;
}

std::vector<double> pairwiseRatios(const std::vector<int64_t> &values) {
  std::vector<double> ratios;
  for (size_t i = 0; i < values.size(); ++i)
    for (size_t j = i + 1; j < values.size(); ++j)
      ratios.push_back(ratio(static_cast<double>(values[i]),
                             static_cast<double>(values[j])));
  return ratios;
}

} // namespace

std::vector<std::vector<int64_t>> dac::rt::factorizations(int64_t parts,
                                                          int count) {
  std::vector<std::vector<int64_t>> out;
  if (parts < 1 || count < 1)
    return out;
  std::vector<int64_t> prefix;
  collectFactorizations(parts, count, 1, prefix, out);
  return out;
}

std::vector<int64_t> dac::rt::chooseGrid(const std::vector<int64_t> &lengths,
                                         int64_t parts) {
  size_t count = lengths.size();
  if (count == 0)
    return {};
  if (count == 1)
    return {parts};
  // Axes from the shortest to the longest; equal lengths keep axis order.
  std::vector<size_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return lengths[a] < lengths[b]; });
  std::vector<double> wanted = pairwiseRatios(lengths);
  std::vector<int64_t> best;
  double bestScore = 0;
  for (const std::vector<int64_t> &candidate :
       factorizations(parts, static_cast<int>(count))) {
    std::vector<int64_t> grid(count);
    for (size_t i = 0; i < count; ++i)
      grid[order[i]] = candidate[i];
    std::vector<double> got = pairwiseRatios(grid);
    double total = 0;
    for (size_t i = 0; i < got.size(); ++i)
      total += (wanted[i] - got[i]) * (wanted[i] - got[i]);
    double score = std::sqrt(total);
    if (best.empty() || score < bestScore) {
      best = grid;
      bestScore = score;
    }
  }
  return best;
}
