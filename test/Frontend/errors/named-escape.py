# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that \N{...} escapes are rejected.
# CHECK:{{.*}}named-escape.py:8:6: error: \N{...} escapes are not supported
# CHECK-NEXT:s = '\N{BULLET}'
# CHECK-NEXT:     ^~

s = '\N{BULLET}'
