# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that assignment expressions are rejected at ':='.
# CHECK:{{.*}}walrus.py:8:10: error: assignment expressions (':=') are not supported
# CHECK-NEXT:while (n := n - 1) > 0:
# CHECK-NEXT:         ^~

while (n := n - 1) > 0:
    pass
