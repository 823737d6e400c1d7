//===- Reduce.cpp - Collective reductions of one scalar -------------------===//
//
// dac_rt_allreduce_*: one value per rank in, the combined value on every
// rank out. Floating min/max follow NumPy, where a NaN anywhere wins, which
// MPI_MIN/MPI_MAX do not promise; they use operators of their own.
//
//===----------------------------------------------------------------------===//

#include "Detail.h"
#include "dac/Runtime/Comm.h"
#include "dac/Runtime/RuntimeABI.h"

#include <mpi.h>

#include <algorithm>

#include <cmath>
#include <string>
#include <type_traits>

using namespace dac::rt;

namespace {

/// np.minimum / np.maximum of in and inout into inout: a NaN on either side
/// is the result.
template <typename T, bool IsMax>
void nanPropagatingMinMax(void *in, void *inout, int *length,
                          MPI_Datatype * /*type*/) {
  const T *lhs = static_cast<const T *>(in);
  T *acc = static_cast<T *>(inout);
  for (int i = 0; i < *length; ++i) {
    if (std::isnan(acc[i]))
      continue;
    if (std::isnan(lhs[i]) || (IsMax ? lhs[i] > acc[i] : lhs[i] < acc[i]))
      acc[i] = lhs[i];
  }
}

enum UserOpKind { MinF64, MaxF64, MinF32, MaxF32, NumUserOps };

MPI_User_function *const UserOpFunctions[NumUserOps] = {
    &nanPropagatingMinMax<double, false>, &nanPropagatingMinMax<double, true>,
    &nanPropagatingMinMax<float, false>, &nanPropagatingMinMax<float, true>};

/// Created on first use (MPI must be initialised by then), freed by
/// dac_rt_finalize.
MPI_Op UserOps[NumUserOps] = {MPI_OP_NULL, MPI_OP_NULL, MPI_OP_NULL,
                              MPI_OP_NULL};

MPI_Op userOp(UserOpKind kind) {
  if (UserOps[kind] == MPI_OP_NULL)
    checkMpi(
        MPI_Op_create(UserOpFunctions[kind], /*commute=*/1, &UserOps[kind]),
        "MPI_Op_create");
  return UserOps[kind];
}

template <typename T> MPI_Datatype mpiType();
template <> MPI_Datatype mpiType<double>() { return MPI_DOUBLE; }
template <> MPI_Datatype mpiType<float>() { return MPI_FLOAT; }
template <> MPI_Datatype mpiType<int64_t>() { return MPI_INT64_T; }
template <> MPI_Datatype mpiType<int32_t>() { return MPI_INT32_T; }

/// Min or max of T: NaN-propagating for floats, MPI's own for integers.
template <typename T> MPI_Op minMaxOp(bool isMax) {
  if constexpr (std::is_same_v<T, double>)
    return userOp(isMax ? MaxF64 : MinF64);
  else if constexpr (std::is_same_v<T, float>)
    return userOp(isMax ? MaxF32 : MinF32);
  else
    return isMax ? MPI_MAX : MPI_MIN;
}

/// DAC_STATS: one allreduce of `bytes` per rank, started at `begin`.
void recordCollective(int64_t bytes, double begin) {
  detail::recordComm("allreduce", detail::worldSize() > 1 ? 1 : 0,
                     detail::worldSize() > 1 ? bytes : 0, 0,
                     MPI_Wtime() - begin);
}

/// Combines \p value over all ranks in place. Without MPI this process is
/// the only rank and the value is already the result.
template <typename T> void combine(T &value, MPI_Datatype type, MPI_Op op) {
  if (!detail::mpiActive())
    return;
  double begin = detail::statsEnabled() ? MPI_Wtime() : 0;
  checkMpi(MPI_Allreduce(MPI_IN_PLACE, &value, 1, type, op, communicator()),
           "MPI_Allreduce");
  if (detail::statsEnabled())
    recordCollective(sizeof(T), begin);
}

template <typename T> T allreduce(T value, int32_t op) {
  switch (op) {
  case DAC_RT_REDUCE_Sum:
    combine(value, mpiType<T>(), MPI_SUM);
    return value;
  case DAC_RT_REDUCE_Prod:
    combine(value, mpiType<T>(), MPI_PROD);
    return value;
  case DAC_RT_REDUCE_Min:
  case DAC_RT_REDUCE_Max:
    combine(value, mpiType<T>(), minMaxOp<T>(op == DAC_RT_REDUCE_Max));
    return value;
  case DAC_RT_REDUCE_And:
  case DAC_RT_REDUCE_Or: {
    // MPI defines logical operators on integers only; the result is the
    // truth value 0 or 1 like np.all / np.any (NaN counts as true).
    int truth = value != 0;
    combine(truth, MPI_INT, op == DAC_RT_REDUCE_And ? MPI_LAND : MPI_LOR);
    return static_cast<T>(truth != 0);
  }
  default:
    fatal("dac_rt_allreduce: unknown reduction operator code " +
          std::to_string(op));
  }
}

} // namespace

void detail::freeReduceOps() {
  for (MPI_Op &op : UserOps)
    if (op != MPI_OP_NULL)
      checkMpi(MPI_Op_free(&op), "MPI_Op_free");
}

extern "C" double dac_rt_allreduce_f64(double value, int32_t op) {
  return detail::guard("dac_rt_allreduce_f64",
                       [&] { return allreduce(value, op); });
}

extern "C" float dac_rt_allreduce_f32(float value, int32_t op) {
  return detail::guard("dac_rt_allreduce_f32",
                       [&] { return allreduce(value, op); });
}

extern "C" int64_t dac_rt_allreduce_i64(int64_t value, int32_t op) {
  return detail::guard("dac_rt_allreduce_i64",
                       [&] { return allreduce(value, op); });
}

namespace {

/// Element-wise allreduce of a whole buffer in place.
template <typename T> void allreduceArray(T *data, int64_t count, int32_t op) {
  if (!detail::mpiActive() || count == 0)
    return;
  MPI_Op mpiOp;
  switch (op) {
  case DAC_RT_REDUCE_Sum:
    mpiOp = MPI_SUM;
    break;
  case DAC_RT_REDUCE_Prod:
    mpiOp = MPI_PROD;
    break;
  case DAC_RT_REDUCE_Min:
  case DAC_RT_REDUCE_Max:
    mpiOp = minMaxOp<T>(op == DAC_RT_REDUCE_Max);
    break;
  default:
    fatal("dac_rt_allreduce_array: operator " + std::to_string(op) +
          " does not apply to numbers");
  }
  // MPI counts are int: large buffers go in pieces.
  const int64_t piece = 1 << 30;
  double begin = detail::statsEnabled() ? MPI_Wtime() : 0;
  for (int64_t done = 0; done < count; done += piece)
    checkMpi(MPI_Allreduce(MPI_IN_PLACE, data + done,
                           static_cast<int>(std::min(piece, count - done)),
                           mpiType<T>(), mpiOp, communicator()),
             "MPI_Allreduce");
  if (detail::statsEnabled())
    recordCollective(count * static_cast<int64_t>(sizeof(T)), begin);
}

} // namespace

extern "C" void dac_rt_allreduce_array(void *data, int64_t count, int32_t type,
                                       int32_t op) {
  detail::guard("dac_rt_allreduce_array", [&] {
    switch (type) {
    case DAC_RT_ELEMENT_Float64:
      return allreduceArray(static_cast<double *>(data), count, op);
    case DAC_RT_ELEMENT_Float32:
      return allreduceArray(static_cast<float *>(data), count, op);
    case DAC_RT_ELEMENT_Int64:
      return allreduceArray(static_cast<int64_t *>(data), count, op);
    case DAC_RT_ELEMENT_Int32:
      return allreduceArray(static_cast<int32_t *>(data), count, op);
    case DAC_RT_ELEMENT_Bool: {
      // Booleans are bytes 0/1: and/min are a bitwise and, or/max an or.
      if (!detail::mpiActive() || count == 0)
        return;
      bool isAnd = op == DAC_RT_REDUCE_And || op == DAC_RT_REDUCE_Min ||
                   op == DAC_RT_REDUCE_Prod;
      checkMpi(MPI_Allreduce(MPI_IN_PLACE, data, static_cast<int>(count),
                             MPI_UNSIGNED_CHAR, isAnd ? MPI_BAND : MPI_BOR,
                             communicator()),
               "MPI_Allreduce");
      return;
    }
    default:
      fatal("dac_rt_allreduce_array: unknown element type " +
            std::to_string(type));
    }
  });
}
