//===- ApiTest.cpp - The C++ API against NumPy, on 1-4 ranks --------------===//
//
// Every case of ApiExpectations.inc (NumPy's results, from
// gen_api_expectations.py) is computed here with dac::Array under the same
// name; then laziness and fusion, the compile cache, errors as exceptions
// and host data in and out.
//
//===----------------------------------------------------------------------===//

#include "dac/dac.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <map>

namespace {

using dac::all;
using dac::Array;
using dac::DType;
using dac::none;
using dac::slice;

struct Expectation {
  const char *name;
  const char *dtype;
  std::vector<int64_t> shape;
  std::vector<double> values;
};

const Expectation kExpectations[] = {
#include "ApiExpectations.inc"
};

/// The session of the whole test binary (MPI belongs to the test main).
class Api : public ::testing::Test {
protected:
  static void SetUpTestSuite() { session = new dac::Session(MPI_COMM_WORLD); }
  static void TearDownTestSuite() {
    delete session;
    session = nullptr;
  }
  static dac::Session *session;
};
dac::Session *Api::session = nullptr;

Array x() { return dac::arange(12.0); }
Array y() { return dac::linspace(0.0, 1.0, 12); }
Array m() {
  std::vector<double> values;
  for (int k = 0; k < 12; ++k)
    values.push_back(k * 0.5);
  return dac::from_vector(values, {4, 3});
}
Array v3() { return dac::from_vector({1.0, -2.0, 0.5}, {3}); }

Array concat(const std::vector<Array> &parts) {
  std::vector<double> all;
  for (const Array &p : parts) {
    std::vector<double> v = p.to_vector<double>(true);
    all.insert(all.end(), v.begin(), v.end());
  }
  return dac::from_vector(all, {static_cast<int64_t>(all.size())});
}

Array scalars(const std::vector<Array> &values) {
  std::vector<double> v;
  for (const Array &a : values)
    v.push_back(a.item<double>());
  return dac::from_vector(v, {static_cast<int64_t>(v.size())});
}

const std::map<std::string, std::function<Array()>> &cases() {
  static const std::map<std::string, std::function<Array()>> table = {
      {"add", [] { return x() + y(); }},
      {"fused", [] { return 2.5 * x() + y() * y() - 1; }},
      {"floor_divide", [] { return dac::floor_divide(x(), 3); }},
      {"mod", [] { return x() % 4; }},
      {"power", [] { return dac::power(x(), 2); }},
      {"compare", [] { return x() > 5; }},
      {"where", [] { return dac::where(x() > 5, x(), -x()); }},
      {"sqrt", [] { return dac::sqrt(x()); }},
      {"exp", [] { return dac::exp(x() / 10); }},
      {"log1p", [] { return dac::log1p(x()); }},
      {"sin", [] { return dac::sin(x()); }},
      {"hypot", [] { return dac::hypot(x(), y()); }},
      {"arctan2", [] { return dac::arctan2(y(), x() + 1); }},
      {"maximum", [] { return dac::maximum(x(), 6); }},
      {"abs", [] { return dac::abs(-x()); }},
      {"int_ops",
       [] {
         Array i = dac::arange(12);
         return concat({dac::floor_divide(i, 5), i % 5, i << 2, i & 6, -i});
       }},
      {"float32", [] { return x().astype(DType::Float32) * 2.0; }},
      {"sum0", [] { return m().sum({0}); }},
      {"sum1", [] { return m().sum({-1}); }},
      {"mean", [] { return scalars({m().mean()}); }},
      {"std", [] { return scalars({m().std()}); }},
      {"var_ddof", [] { return scalars({m().var({}, 1)}); }},
      {"max0", [] { return m().max({0}); }},
      {"prod", [] { return scalars({x()(slice(1, 6)).prod()}); }},
      {"argmax", [] { return scalars({dac::sin(x()).argmax()}); }},
      {"any_all",
       [] {
         return scalars({(x() > 10).any(), (x() > 10).all()});
       }},
      {"transpose", [] { return m().T(); }},
      {"matmul", [] { return dac::matmul(m().T(), m()); }},
      {"matvec", [] { return dac::matmul(m(), v3()); }},
      {"outer", [] { return dac::outer(v3(), y()(slice(none, 4))); }},
      {"slice2d", [] { return m()(slice(1, 3), all); }},
      {"column", [] { return m()(all, 1); }},
      {"reversed", [] { return m()(slice(none, none, -1), slice(0, 2)); }},
      {"broadcast",
       [] {
         Array r = dac::arange(3.0);
         return r(all, dac::newaxis) + r(dac::newaxis, all);
       }},
      {"views",
       [] {
         Array a = dac::arange(10.0);
         a(slice(1, -1)) = a(slice(none, -2)) * 2.0;
         Array v = a(slice(2, 6));
         v += 10;
         a(slice(none, none, 3)) = -1;
         return a;
       }},
      {"view_of_view",
       [] {
         Array a = dac::zeros({4, 5});
         Array row = a(1);
         row(slice(1, 4)) = 7.0;
         Array col = a(all, 2);
         col += 1;
         a(3, 4) = 9;
         return a;
       }},
      {"element_writes",
       [] {
         Array a = dac::arange(6.0);
         a(0) = 100;
         a(-1) += 5;
         Array e = a(2);
         a(2) = -3;
         return scalars({a.sum(), e});
       }},
      {"stream",
       [] {
         auto rng = dac::random::default_rng(7);
         Array first = rng.random({5});
         Array second = rng.uniform(-1.0, 2.0, {4});
         Array third = rng.random();
         return concat({first, second, scalars({third})});
       }},
      {"zeros_int", [] { return dac::zeros({4}, DType::Int64); }},
      {"full",
       [] {
         return dac::full({2, 3}, 2.5);
       }},
      {"linspace", [] { return dac::linspace(0, 1, 5); }},
      {"arange", [] { return dac::arange(2, 11, 3); }},
      {"cyclic",
       [] {
         return dac::arange(0.0, 10.0, 1.0, std::nullopt, {{"c"}, {}}) * 3;
       }},
      {"inplace_cast",
       [] {
         Array a = dac::arange(5);
         a += 2;
         a *= 3;
         return a;
       }},
      {"redistribute",
       [] {
         return dac::redistribute(m(), {{"n", "b"}, {}}) * 2;
       }},
      {"reshape",
       [] {
         return (m() * 2).reshape({2, -1});
       }},
      {"flatten_sum", [] { return m().T().flatten() + dac::arange(12.0); }},
      {"bitwise",
       [] {
         Array i = dac::arange(12);
         return dac::bitwise_xor(i, 5).astype(DType::Float64) +
                dac::greater_equal(i, 6);
       }},
  };
  return table;
}

TEST_F(Api, MatchesNumPy) {
  for (const Expectation &e : kExpectations) {
    SCOPED_TRACE(e.name);
    auto found = cases().find(e.name);
    ASSERT_NE(found, cases().end()) << "no C++ twin for this case";
    Array a = found->second();
    EXPECT_EQ(a.shape(), e.shape);
    EXPECT_STREQ(dac::dtype_name(a.dtype()), e.dtype);
    std::vector<double> got = a.to_vector<double>(true);
    ASSERT_EQ(got.size(), e.values.size());
    for (size_t k = 0; k < got.size(); ++k)
      EXPECT_NEAR(got[k], e.values[k], 1e-12 * (1 + std::fabs(e.values[k])))
          << "element " << k;
  }
  EXPECT_EQ(cases().size(), std::size(kExpectations));
}

TEST_F(Api, PiExample) {
  auto rng = dac::random::default_rng(2024);
  Array x = rng.random({100000}), y = rng.random({100000});
  Array inside = dac::hypot(x, y) <= 1.0;
  double pi = 4.0 * inside.sum().item<double>() / 1e5;
  // NumPy: default_rng(2024), 10^5 points (the same streams).
  Array check = dac::from_vector({pi}, {1});
  EXPECT_GT(pi, 3.1);
  EXPECT_LT(pi, 3.2);
  EXPECT_EQ(check.item<double>(), pi);
}

TEST_F(Api, ChainedExpressionIsOneKernel) {
  Array a = dac::arange(1000.0), b = dac::ones({1000}), c = a * 0.5,
        d = dac::full({1000}, 3.0);
  a.eval();
  b.eval();
  c.eval();
  d.eval();
  Array r = 2.5 * a + b * c - d;
  r.eval();
  EXPECT_EQ(session->stats().kernels, 1);
}

TEST_F(Api, CacheByStructure) {
  auto run = [](int64_t n, double scale) {
    Array a = dac::arange(0.0, static_cast<double>(n), 1.0);
    return (a * scale + 1.0).sum().item<double>();
  };
  run(100, 2.0);
  dac::JitStats before = session->stats();
  // The same graph with other numbers: no compilation.
  EXPECT_EQ(run(100, 3.0), 3.0 * 4950 + 100);
  dac::JitStats after = session->stats();
  EXPECT_EQ(after.compilations, before.compilations);
  EXPECT_GT(after.memory_hits, before.memory_hits);
  // Another shape: compiled.
  EXPECT_EQ(run(50, 2.0), 2.0 * 1225 + 50);
  EXPECT_EQ(session->stats().compilations, after.compilations + 1);
  // Other options: compiled again.
  dac::JitOptions options = session->options();
  options.opt_level = 1;
  session->set_options(options);
  EXPECT_EQ(run(100, 2.0), 2.0 * 4950 + 100);
  EXPECT_EQ(session->stats().compilations, after.compilations + 2);
  options.opt_level = 3;
  session->set_options(options);
}

TEST_F(Api, LoopCompilesOnce) {
  Array u = dac::zeros({64});
  u.eval();
  int64_t before = session->stats().compilations;
  for (int step = 0; step < 20; ++step) {
    u(slice(1, -1)) = 0.5 * (u(slice(none, -2)) + u(slice(2, none))) + step;
    u.eval();
  }
  EXPECT_LE(session->stats().compilations, before + 1);
}

TEST_F(Api, ErrorsAreExceptionsOnEveryRank) {
  try {
    Array bad = dac::zeros({3}) + dac::zeros({4});
    ADD_FAILURE() << "no exception";
  } catch (const dac::Error &err) {
    EXPECT_STREQ(err.what(), "operands could not be broadcast together with "
                             "shapes (3,) (4,) ");
  }
  Array a = dac::zeros({5});
  EXPECT_THROW(a(7), dac::Error);
  EXPECT_THROW(a(dac::slice(1, 3)) = dac::zeros({3}), dac::Error);
  EXPECT_THROW(dac::ufunc("no_such_ufunc", {a}), dac::Error);
  EXPECT_THROW((a.sum({1})), dac::Error);
  EXPECT_THROW(Array().shape(), dac::Error);
  try {
    a.reshape({2, 3});
    ADD_FAILURE() << "no exception";
  } catch (const dac::Error &err) {
    EXPECT_STREQ(err.what(), "cannot reshape array of size 5 into shape (2,3)");
  }
  EXPECT_THROW(dac::zeros({4}, DType::Int64) += 0.5, dac::Error);
  EXPECT_THROW((a + 1.5).item<int>(), dac::Error);
  // The session goes on.
  EXPECT_EQ((a + 1).sum().item<int>(), 5);
}

TEST_F(Api, ErrorsOfCompiledCodeAreExceptionsOnEveryRank) {
  Array a = dac::arange(10.0);
  // The index is known only when the compiled code runs: its check fails
  // there, on every rank, and comes back as an exception naming this line.
  Array k = a.argmax() + 5;
  Array element = a(k);
  int line = __LINE__ + 2;
  try {
    element.item<double>();
    ADD_FAILURE() << "no exception";
  } catch (const dac::Error &err) {
    std::string text = err.what();
    EXPECT_NE(text.find("ApiTest.cpp:" + std::to_string(line) + ": "),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("index 14 is out of bounds for axis 0 with size 10"),
              std::string::npos)
        << text;
  }
  // So do an integer array index out of range and an array NumPy could
  // not allocate.
  Array indices = dac::from_vector({1, 10}, {2}).astype(DType::Int64);
  EXPECT_THROW(a(indices).sum().item<double>(), dac::Error);
  try {
    dac::zeros({int64_t(1) << 50}).sum().item<double>();
    ADD_FAILURE() << "no exception";
  } catch (const dac::Error &err) {
    EXPECT_NE(std::string(err.what()).find("MemoryError: Unable to allocate"),
              std::string::npos)
        << err.what();
  }
  // The session goes on, and an index in range computed the same way works.
  EXPECT_EQ(a(a.argmax() - 2).item<double>(), 7.0);
  EXPECT_EQ(a.sum().item<double>(), 45.0);
}

// What an adversarial round found, kept fixed.
TEST_F(Api, NamesAndCopiesAsPython) {
  // `n += 1` rebinds n; a name bound to the same number keeps it.
  Array n = 5, n2 = n;
  n += 1;
  EXPECT_EQ(n.item<int>(), 6);
  EXPECT_EQ(n2.item<int>(), 5);
  Array a = dac::arange(10) * 10;
  Array m = a.sum(), m2 = m;
  m += 1;
  EXPECT_EQ(m2.item<int>(), 450);
  // An integer array index makes a copy that can be written; writing
  // through one into the array is refused, never dropped.
  Array idx = dac::from_vector({3, 1, 0}, {3}).astype(DType::Int64);
  Array c = a(idx);
  c(0) = 999;
  c += 1;
  EXPECT_EQ(c.to_vector<int64_t>(true), (std::vector<int64_t>{1000, 11, 1}));
  EXPECT_EQ(a(3).item<int>(), 30);
  EXPECT_THROW(a(idx) = 1, dac::Error);
  // A write whose index dac computes fails where it is written and leaves
  // the array as it was.
  EXPECT_THROW(a(a.argmax() + 20) = 1, dac::Error);
  EXPECT_EQ(a.sum().item<int>(), 450);
}

TEST_F(Api, EdgesAsNumPy) {
  // The smallest integer divided by -1 wraps (no trap), its remainder is 0.
  Array small = dac::full({3}, Array(INT64_MIN), DType::Int64);
  EXPECT_EQ(dac::floor_divide(small, -1).to_vector<int64_t>(true),
            std::vector<int64_t>(3, INT64_MIN));
  EXPECT_EQ((small % -1).to_vector<int64_t>(true), std::vector<int64_t>(3, 0));
  // Integers come back exactly.
  Array big = dac::arange(3) + 9007199254740993LL;
  EXPECT_EQ(big.to_vector<int64_t>(true)[0], 9007199254740993LL);
  // Axes and extents are checked.
  Array m = dac::zeros({2, 3});
  EXPECT_EQ(m.transpose({-1, 0}).shape(), (std::vector<int64_t>{3, 2}));
  EXPECT_THROW(m.transpose({0, 0}), dac::Error);
  EXPECT_THROW(m.transpose({1}), dac::Error);
  EXPECT_THROW(dac::zeros({-1}), dac::Error);
  // np.dot with a number multiplies; same_kind refuses int into bool.
  EXPECT_EQ(dac::dot(dac::arange(4.0), 2.5).sum().item<double>(), 15.0);
  Array flags = dac::zeros({4}, DType::Bool);
  EXPECT_THROW(flags += 1, dac::Error);
  // min/max over an axis of extent 0 is NumPy's error, on every rank.
  EXPECT_THROW(dac::zeros({3, 0}).max({1}).eval(), dac::Error);
  // A lossy item<float>() is refused.
  EXPECT_THROW((m + 0.1).sum().item<float>(), dac::Error);
  // A wrong length on one rank is an error on every rank, not a hang.
  std::vector<double> values(4, 1.0);
  if (session->rank() == session->size() - 1)
    values.pop_back();
  EXPECT_THROW(dac::from_vector(values, {4}), dac::Error);
}

TEST_F(Api, HostDataInAndOut) {
  std::vector<double> values;
  for (int k = 0; k < 23; ++k)
    values.push_back(k * k);
  Array a = dac::from_vector(values, {23}, /*everywhere=*/false);
  std::vector<double> back = a.to_vector<double>();
  if (session->rank() == 0)
    EXPECT_EQ(back, values);
  else
    EXPECT_TRUE(back.empty());
  // The rank's own part, in place: block layout, ranks in order.
  Array b = dac::arange(0.0, 23.0, 1.0, std::nullopt, {{"b"}, {}});
  dac::LocalView<double> mine = b.local_view<double>();
  int64_t total = mine.size();
  MPI_Allreduce(MPI_IN_PLACE, &total, 1, MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD);
  EXPECT_EQ(total, 23);
  for (double &e : mine)
    e = -e;
  EXPECT_EQ(b.sum().item<double>(), -253.0);
}

TEST_F(Api, ChunksCrossToOtherLibraries) {
  int ranks = session->size(), rank = session->rank();
  // A cyclic array: rank r holds the global indices r, r + P, ...
  Array a = dac::arange(0.0, 17.0, 1.0, std::nullopt, {{"c"}, {}}) * 2;
  dac::Chunk chunk = a.export_chunk();
  ASSERT_EQ(chunk.descriptor.dimData.size(), 1u);
  const auto &dim = chunk.descriptor.dimData[0];
  EXPECT_EQ(dim.distType, std::optional<std::string>("c"));
  EXPECT_EQ(dim.size, std::optional<int64_t>(17));
  EXPECT_EQ(dim.procGridSize, std::optional<int64_t>(ranks));
  int64_t count = chunk.descriptor.bufferShape.at(0);
  const double *mine = static_cast<const double *>(chunk.data);
  for (int64_t k = 0; k < count; ++k)
    EXPECT_EQ(mine[k], 2.0 * (rank + k * ranks));
  EXPECT_NE(chunk.json().find("\"dist_type\": \"c\""), std::string::npos)
      << chunk.json();

  // Another library's memory, handed over without a copy.
  std::vector<double> theirs(mine, mine + count);
  Array b =
      dac::import_chunk({theirs.data(), DType::Float64, chunk.descriptor});
  EXPECT_EQ(b.to_vector<double>(true), a.to_vector<double>(true));
  EXPECT_EQ(b.local_view<double>().data, theirs.data());
  // dac's own writes make new arrays; the library's memory is unchanged.
  b += 1;
  EXPECT_EQ(b.sum().item<double>(), 2.0 * 136 + 17);
  EXPECT_EQ(theirs, std::vector<double>(mine, mine + count));

  // A 2-D block array on a process grid, round trip.
  Array m = dac::full({5, 6}, 1.5, std::nullopt, {{"b", "b"}, {}});
  dac::Chunk blocks = m.export_chunk();
  Array back = dac::import_chunk(blocks);
  EXPECT_EQ(back.sum().item<double>(), 45.0);

  // Descriptors that do not tile the array: an error on every rank.
  dac::Chunk bad = chunk;
  bad.descriptor.dimData[0].size = 18;
  EXPECT_THROW(dac::import_chunk(bad), dac::Error);
}

} // namespace
