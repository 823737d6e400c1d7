# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that an indented line that opens no block is rejected.
# CHECK:{{.*}}unexpected-indent.py:9:5: error: unexpected indent
# CHECK-NEXT:    y = 2
# CHECK-NEXT:    ^

x = 1
    y = 2
