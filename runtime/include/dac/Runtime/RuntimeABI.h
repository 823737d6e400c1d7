//===- RuntimeABI.h - C declarations of the dac runtime ABI ----*- C++ -*-===//
//
// Declares, with C linkage, every function listed in RuntimeABI.def. This is
// the only header generated code depends on; it includes no LLVM or MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_RUNTIMEABI_H
#define DAC_RUNTIME_RUNTIMEABI_H

#include <stdint.h>

/// Bumped whenever RuntimeABI.def changes in any way.
#define DAC_RT_ABI_VERSION 14

#define DAC_RT_TYPE_VOID void
#define DAC_RT_TYPE_I32 int32_t
#define DAC_RT_TYPE_I64 int64_t
#define DAC_RT_TYPE_F32 float
#define DAC_RT_TYPE_F64 double
#define DAC_RT_TYPE_PTR void *

#ifdef __cplusplus
extern "C" {
#endif

#define DAC_RT_PARAM(T) DAC_RT_TYPE_##T
#define DAC_RT_PARAMS(...) DAC_RT_MAP(DAC_RT_PARAM, __VA_ARGS__)
// Small preprocessor map over up to twelve parameters.
#define DAC_RT_MAP(F, ...)                                                     \
  DAC_RT_MAP_N(__VA_ARGS__, DAC_RT_MAP12, DAC_RT_MAP11, DAC_RT_MAP10,          \
               DAC_RT_MAP9, DAC_RT_MAP8, DAC_RT_MAP7, DAC_RT_MAP6,             \
               DAC_RT_MAP5, DAC_RT_MAP4, DAC_RT_MAP3, DAC_RT_MAP2,             \
               DAC_RT_MAP1, )                                                  \
  (F, __VA_ARGS__)
#define DAC_RT_MAP_N(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, N,     \
                     ...)                                                      \
  N
#define DAC_RT_MAP1(F, A) F(A)
#define DAC_RT_MAP2(F, A, ...) F(A), DAC_RT_MAP1(F, __VA_ARGS__)
#define DAC_RT_MAP3(F, A, ...) F(A), DAC_RT_MAP2(F, __VA_ARGS__)
#define DAC_RT_MAP4(F, A, ...) F(A), DAC_RT_MAP3(F, __VA_ARGS__)
#define DAC_RT_MAP5(F, A, ...) F(A), DAC_RT_MAP4(F, __VA_ARGS__)
#define DAC_RT_MAP6(F, A, ...) F(A), DAC_RT_MAP5(F, __VA_ARGS__)
#define DAC_RT_MAP7(F, A, ...) F(A), DAC_RT_MAP6(F, __VA_ARGS__)
#define DAC_RT_MAP8(F, A, ...) F(A), DAC_RT_MAP7(F, __VA_ARGS__)
#define DAC_RT_MAP9(F, A, ...) F(A), DAC_RT_MAP8(F, __VA_ARGS__)
#define DAC_RT_MAP10(F, A, ...) F(A), DAC_RT_MAP9(F, __VA_ARGS__)
#define DAC_RT_MAP11(F, A, ...) F(A), DAC_RT_MAP10(F, __VA_ARGS__)
#define DAC_RT_MAP12(F, A, ...) F(A), DAC_RT_MAP11(F, __VA_ARGS__)

#define DAC_RT_FUNC(Name, Ret, Params)                                         \
  DAC_RT_TYPE_##Ret Name(DAC_RT_PARAMS Params);
#include "dac/Runtime/RuntimeABI.def"

/// Reduction combiners understood by dac_rt_allreduce_*.
enum DacRtReduceOp {
#define DAC_RT_REDUCE_OP(Name, Value) DAC_RT_REDUCE_##Name = Value,
#include "dac/Runtime/RuntimeABI.def"
};

/// Distribution codes of one dimension in a layout descriptor.
enum DacRtDimKind {
#define DAC_RT_DIM_KIND(Name, Value) DAC_RT_DIM_##Name = Value,
#include "dac/Runtime/RuntimeABI.def"
};

/// Element type codes of arrays handed to the runtime.
enum DacRtElementType {
#define DAC_RT_ELEMENT_TYPE(Name, Value) DAC_RT_ELEMENT_##Name = Value,
#include "dac/Runtime/RuntimeABI.def"
};

/// Distribution codes of dac_rt_sample.
enum DacRtSample {
#define DAC_RT_SAMPLE(Name, Value) DAC_RT_SAMPLE_##Name = Value,
#include "dac/Runtime/RuntimeABI.def"
};

#ifdef __cplusplus
}
#endif

#endif // DAC_RUNTIME_RUNTIMEABI_H
