#!/bin/sh
# CI's sanitizer and fuzzing run: builds dac a second time with clang-22,
# AddressSanitizer and UndefinedBehaviorSanitizer (-DDAC_FUZZ=ON), runs the
# lit suite and the runtime's and the C++ API's tests with those binaries
# (programs that `dac build` links carry the instrumented runtime), then
# each libFuzzer target over its committed seed corpus plus a fixed number
# of new inputs (a fixed seed: repeatable for one build of the fuzzers).
#
# Usage: run.sh <source dir> <build dir> <lit> [new inputs per target]
# Longer fuzzing on demand: <build>/bin/dac-fuzz-script -max_total_time=3600
#   <work corpus> <source>/test/fuzz/corpus/script <source>/test/e2e
#   (and dac-fuzz-ir with <source>/test/fuzz/corpus/ir)
set -eu
source=$1 build=$2 lit=$3 runs=${4:-20000}
cmake -G Ninja -S "$source" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DDAC_FUZZ=ON >/dev/null
cmake --build "$build" -j 2 >/dev/null
# libMLIR/libLLVM are not instrumented: their allocators' manual poisoning,
# inlined into instrumented code, would be seen half (false reports). MPICH
# keeps memory until exit (not leaks of dac's).
export ASAN_OPTIONS=allow_user_poisoning=0:detect_leaks=0
export UBSAN_OPTIONS=print_stacktrace=1
# Programs linked by the instrumented `dac` need clang's sanitizer runtime;
# UCX's patching of mmap (under MPICH) jumps into ASan's interceptors.
export MPICH_CXX=clang++-22 UCX_MEM_MMAP_HOOK_MODE=none
echo "== lit under the sanitizers"
"$lit" -q "$build/test"
echo "== the runtime's and the C++ API's tests under the sanitizers"
ctest --test-dir "$build" -L 'runtime|gtest' -E CppSession -j 1 \
  --output-on-failure | tail -3
echo "== fuzzing: $runs new inputs per target"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Seeds: the committed corpora (for scripts also every end-to-end test
# script and example).
seeds_script="$source/test/fuzz/corpus/script $source/test/e2e $source/examples"
seeds_ir="$source/test/fuzz/corpus/ir"
for target in script ir; do
  mkdir -p "$work/$target"
  eval "seeds=\$seeds_$target"
  # The front end leaks nothing: leaks count here.
  # shellcheck disable=SC2086
  ASAN_OPTIONS=allow_user_poisoning=0 "$build/bin/dac-fuzz-$target" \
    -seed=1 -runs="$runs" -timeout=30 -rss_limit_mb=4096 \
    -artifact_prefix="$work/" "$work/$target" $seeds \
    >"$work/$target.log" 2>&1 || {
    tail -60 "$work/$target.log"
    echo "dac-fuzz-$target found a crash (above)" >&2
    exit 1
  }
  echo "dac-fuzz-$target: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' \
    "$work/$target.log"), $(ls "$work/$target" | wc -l) new inputs kept," \
    "no crash"
done
