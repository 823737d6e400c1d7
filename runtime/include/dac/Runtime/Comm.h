//===- Comm.h - The communicator of the dac runtime -------------*- C++ -*-===//
//
// The runtime's collectives run on a duplicate of one communicator:
// MPI_COMM_WORLD for programs, the host's choice for a library host (the
// C++ API's Session). A duplicate keeps dac's messages apart from the
// host's own.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_RUNTIME_COMM_H
#define DAC_RUNTIME_COMM_H

#include <mpi.h>

namespace dac::rt {

/// Before dac_rt_init (MPI initialised): the communicator to duplicate
/// instead of MPI_COMM_WORLD. Collective over `comm`.
void setCommunicator(MPI_Comm comm);

/// The runtime's communicator (valid between dac_rt_init and
/// dac_rt_finalize).
MPI_Comm communicator();

} // namespace dac::rt

#endif // DAC_RUNTIME_COMM_H
