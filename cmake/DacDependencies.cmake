# Finds every external dependency of dac in one place.

# --- MPI: always MPICH, named explicitly. Debian's generic mpicc/mpiexec may
# point at OpenMPI, which would run an MPICH binary as N separate 1-rank jobs.
set(MPI_C_COMPILER /usr/bin/mpicc.mpich CACHE FILEPATH "")
set(MPI_CXX_COMPILER /usr/bin/mpicxx.mpich CACHE FILEPATH "")
set(MPIEXEC_EXECUTABLE /usr/bin/mpiexec.mpich CACHE FILEPATH "")
find_package(MPI REQUIRED COMPONENTS C CXX)

# --- Parallel HDF5 built for MPICH (parallel IO).
find_package(PkgConfig REQUIRED)
pkg_check_modules(HDF5_MPICH REQUIRED IMPORTED_TARGET hdf5-mpich)

# --- LLVM / MLIR 22, linked as the shared libLLVM.so / libMLIR.so.
find_package(MLIR REQUIRED CONFIG
  HINTS /usr/lib/llvm-22/lib/cmake/mlir)
message(STATUS "Using MLIR ${LLVM_PACKAGE_VERSION} from ${MLIR_DIR}")
list(APPEND CMAKE_MODULE_PATH ${MLIR_CMAKE_DIR} ${LLVM_CMAKE_DIR})
set(LLVM_RUNTIME_OUTPUT_INTDIR ${PROJECT_BINARY_DIR}/bin)
set(LLVM_LIBRARY_OUTPUT_INTDIR ${PROJECT_BINARY_DIR}/lib)
set(MLIR_BINARY_DIR ${PROJECT_BINARY_DIR})
include(TableGen)
include(AddLLVM)
include(AddMLIR)

# The tools used by lit (Debian ships lit without bin/llvm-lit).
find_program(LIT_EXECUTABLE NAMES lit lit-22
  HINTS ${LLVM_TOOLS_BINARY_DIR} /usr/lib/llvm-22/bin REQUIRED)
find_program(FILECHECK_EXECUTABLE FileCheck
  HINTS ${LLVM_TOOLS_BINARY_DIR} REQUIRED)

# --- GoogleTest (Debian ships static libraries).
find_package(GTest REQUIRED)

# --- The reference Python with NumPy (always Debian's /usr/bin/python3).
set(DAC_PYTHON /usr/bin/python3 CACHE FILEPATH "Python with NumPy")

# Compile flags for code that includes LLVM/MLIR headers.
separate_arguments(DAC_LLVM_DEFINITIONS NATIVE_COMMAND ${LLVM_DEFINITIONS})

# dac_llvm_target(<target>): marks a target as using LLVM/MLIR headers and
# the shared libMLIR.so/libLLVM.so.
function(dac_llvm_target target)
  target_include_directories(${target} SYSTEM PUBLIC
    ${LLVM_INCLUDE_DIRS} ${MLIR_INCLUDE_DIRS})
  target_compile_definitions(${target} PUBLIC ${DAC_LLVM_DEFINITIONS})
  target_link_libraries(${target} PUBLIC MLIR LLVM)
endfunction()

# The same for a library that keeps LLVM/MLIR to itself (the C++ API: its
# users see no LLVM header and link no LLVM library directly).
function(dac_llvm_target_private target)
  target_include_directories(${target} SYSTEM PRIVATE
    ${LLVM_INCLUDE_DIRS} ${MLIR_INCLUDE_DIRS})
  target_compile_definitions(${target} PRIVATE ${DAC_LLVM_DEFINITIONS})
  target_link_libraries(${target} PRIVATE MLIR LLVM)
endfunction()
