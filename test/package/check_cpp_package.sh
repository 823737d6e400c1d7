#!/bin/sh
# The C++ API as a user gets it: installs the build tree into a fresh
# prefix, configures and builds examples/cpp against the installed CMake
# package, runs it on 2 ranks and compares with NumPy's run of the same
# computation (examples/pi.py's, on fewer points).
#
# Usage: check_cpp_package.sh <build dir> <source dir> <mpiexec> <python>
set -eu
build=$1 source=$2 mpiexec=$3 python=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -G Ninja -S "$source/examples/cpp" -B "$work/build" \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" >/dev/null
points=1000000
got=$("$mpiexec" -n 2 "$work/build/pi" $points)
want=$("$python" -c "
import numpy as np
rng = np.random.default_rng(2024)
x = rng.random($points)
y = rng.random($points)
print(4.0 * (np.hypot(x, y) <= 1.0).sum() / $points)")
if [ "$got" != "$want" ]; then
  echo "examples/cpp/pi printed '$got', NumPy '$want'" >&2
  exit 1
fi
echo "examples/cpp/pi on 2 ranks: $got (NumPy: $want)"
