#!/usr/bin/env bash
# Unpacks Debian's ScaLAPACK for MPICH into a directory of its own, for the
# M2S baseline (bench/linalg/matmul_pdgemm.cpp). Installing the package
# would also install mpi-default-bin, which brings Open MPI and may switch
# the system's mpicc/mpiexec to it; dac is built and run with MPICH.
#
#   bench/linalg/get-scalapack.sh [dir]    default ~/.cache/dac-bench/scalapack
#
# run_bench.py looks there (or in $DAC_SCALAPACK_DIR) for
# usr/lib/x86_64-linux-gnu/libscalapack-mpich.so.
set -euo pipefail
dir="${1:-${HOME}/.cache/dac-bench/scalapack}"
mkdir -p "$dir"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download -q libscalapack-mpich2.2 libscalapack-mpich-dev)
for deb in "$tmp"/*.deb; do
  dpkg -x "$deb" "$dir"
done
echo "ScaLAPACK unpacked in $dir"
