#!/bin/sh
# A host program of the C++ API on 2 ranks: its prints match NumPy's, and
# with a cache directory the second process loads the compiled code from
# disk, while a damaged entry is compiled again.
#
# Usage: check_session.sh <SessionMain> <mpiexec> <python>
set -eu
program=$1 mpiexec=$2 python=$3
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
want=$("$python" -c '
import numpy as np
a = np.arange(6.0) * 0.5
i = np.arange(4)
print("a:", a, a.sum(), True, 3, 1e-7)
print(i[::-1], i.astype(np.float32) / 3)
print("braces {x}", a.max())')

run() { DAC_JIT_CACHE=$cache "$mpiexec" -n 2 "$program"; }
first=$(run)
first_jit=$(echo "$first" | grep "^jit ")
printed=$(echo "$first" | grep -v '^jit ')
if [ "$printed" != "$want" ]; then
  printf 'printed:\n%s\nNumPy:\n%s\n' "$printed" "$want" >&2
  exit 1
fi
echo "$first" | grep -q '^jit [1-9][0-9]* 0$' || {
  echo "first run should compile: $first" >&2; exit 1; }
second=$(run | grep '^jit ')
[ "$second" = "jit 0 $(echo "$first" | sed -n 's/^jit \([0-9]*\) 0$/\1/p')" ] || {
  echo "second run should load every program from disk: $second" >&2; exit 1; }
# Truncated entries are detected and compiled again.
for f in "$cache"/*.dacjit; do head -c 100 "$f" > "$f.cut" && mv "$f.cut" "$f"; done
third=$(run | grep '^jit ')
echo "$third" | grep -q '^jit [1-9][0-9]* 0$' || {
  echo "damaged entries should be compiled again: $third" >&2; exit 1; }
echo "prints match NumPy; disk cache: $first_jit / $second / $third"
