# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a positional argument after a keyword argument.
# CHECK:{{.*}}positional-after-keyword.py:8:16: error: positional argument follows keyword argument
# CHECK-NEXT:f(dtype=float, n)
# CHECK-NEXT:               ^

f(dtype=float, n)
