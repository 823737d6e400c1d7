# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that set literals are rejected; the range covers the set.
# CHECK:{{.*}}set-literal.py:8:5: error: set literals are not supported
# CHECK-NEXT:s = {1, 2, 3}
# CHECK-NEXT:    ^~~~~~~~~

s = {1, 2, 3}
