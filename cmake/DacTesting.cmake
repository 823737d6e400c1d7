# Helpers that register tests with ctest.

# dac_add_mpi_gtest(<name> SOURCES <src>... LIBS <lib>... RANKS <p>...)
#
# Builds a GoogleTest binary and registers one ctest test per rank count,
# each launched under MPICH's mpiexec (`<name>.np<P>`). Tests that need MPI
# use the MpiEnvironment from test/unit/MpiMain.cpp, which also makes every
# rank agree on the verdict.
function(dac_add_mpi_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;RANKS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest MPI::MPI_CXX)
  if(NOT ARG_RANKS)
    set(ARG_RANKS 1)
  endif()
  foreach(p ${ARG_RANKS})
    add_test(NAME ${name}.np${p}
      COMMAND ${MPIEXEC_EXECUTABLE} -n ${p} $<TARGET_FILE:${name}>)
    set_tests_properties(${name}.np${p} PROPERTIES
      TIMEOUT 300 PROCESSORS ${p} LABELS "gtest")
  endforeach()
endfunction()
