//===- Matmul.cpp - The local part of a matrix product --------------------===//
//
// Each rank multiplies the blocks the compiler brought to it (see
// compiler/lib/Conversion/PartitionMatmul.cpp): floating-point products go
// to OpenBLAS (the serial build: one thread per rank), integer and boolean
// ones, which BLAS does not have, to a loop in NumPy's order of terms.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "dac/Runtime/RuntimeABI.h"

#include <cblas.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>

using namespace dac::rt;

namespace {

/// c (m x n) = a (m x k) * b (k x n), all C order and contiguous, for
/// floating-point elements: a matrix-vector product where one side is a
/// vector (BLAS's gemm does not notice), else gemm.
template <typename T, typename Gemv, typename Gemm>
void floatProduct(int64_t m, int64_t n, int64_t k, const T *a, const T *b, T *c,
                  Gemv gemv, Gemm gemm) {
  if (m == 0 || n == 0)
    return;
  if (k == 0) {
    std::memset(c, 0, sizeof(T) * m * n);
    return;
  }
  if (n == 1)
    gemv(CblasRowMajor, CblasNoTrans, m, k, T(1), a, k, b, 1, T(0), c, 1);
  else if (m == 1)
    gemv(CblasRowMajor, CblasTrans, k, n, T(1), b, n, a, 1, T(0), c, 1);
  else
    gemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, T(1), a, k, b, n,
         T(0), c, n);
}

/// The same for integers, wrapping on overflow as NumPy's do (computed
/// unsigned: signed overflow is undefined in C++).
template <typename T>
void intProduct(int64_t m, int64_t n, int64_t k, const T *a, const T *b, T *c) {
  using U = std::make_unsigned_t<T>;
  for (int64_t i = 0; i < m; ++i) {
    U *row = reinterpret_cast<U *>(c + i * n);
    for (int64_t j = 0; j < n; ++j)
      row[j] = 0;
    for (int64_t p = 0; p < k; ++p) {
      U x = static_cast<U>(a[i * k + p]);
      const T *brow = b + p * n;
      for (int64_t j = 0; j < n; ++j)
        row[j] += x * static_cast<U>(brow[j]);
    }
  }
}

/// Booleans (bytes 0/1): NumPy's matmul of bools is an or of ands.
void boolProduct(int64_t m, int64_t n, int64_t k, const uint8_t *a,
                 const uint8_t *b, uint8_t *c) {
  for (int64_t i = 0; i < m; ++i) {
    uint8_t *row = c + i * n;
    std::memset(row, 0, n);
    for (int64_t p = 0; p < k; ++p)
      if (a[i * k + p])
        for (int64_t j = 0; j < n; ++j)
          row[j] |= b[p * n + j];
  }
}

} // namespace

extern "C" void dac_rt_matmul(int32_t type, int64_t batch, int64_t m, int64_t n,
                              int64_t k, void *a, int64_t aStride, void *b,
                              int64_t bStride, void *c) {
  detail::guard("dac_rt_matmul", [&] {
    // One product per matrix of the stack, `elements` apart.
    auto each = [&](auto element, auto product) {
      using T = decltype(element);
      for (int64_t i = 0; i < batch; ++i)
        product(static_cast<const T *>(a) + i * aStride,
                static_cast<const T *>(b) + i * bStride,
                static_cast<T *>(c) + i * m * n);
    };
    switch (type) {
    case DAC_RT_ELEMENT_Float64:
      return each(double(), [&](const double *x, const double *y, double *z) {
        floatProduct(m, n, k, x, y, z, cblas_dgemv, cblas_dgemm);
      });
    case DAC_RT_ELEMENT_Float32:
      return each(float(), [&](const float *x, const float *y, float *z) {
        floatProduct(m, n, k, x, y, z, cblas_sgemv, cblas_sgemm);
      });
    case DAC_RT_ELEMENT_Int64:
      return each(int64_t(), [&](const int64_t *x, const int64_t *y,
                                 int64_t *z) { intProduct(m, n, k, x, y, z); });
    case DAC_RT_ELEMENT_Int32:
      return each(int32_t(), [&](const int32_t *x, const int32_t *y,
                                 int32_t *z) { intProduct(m, n, k, x, y, z); });
    case DAC_RT_ELEMENT_Bool:
      return each(uint8_t(),
                  [&](const uint8_t *x, const uint8_t *y, uint8_t *z) {
                    boolProduct(m, n, k, x, y, z);
                  });
    }
    fatal("dac_rt_matmul: unknown element type " + std::to_string(type));
  });
}
