# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests an integer literal that does not fit in int64.
# CHECK:{{.*}}int-too-large.py:8:5: error: integer literal too large for int64
# CHECK-NEXT:x = 9_223_372_036_854_775_808
# CHECK-NEXT:    ^~~~~~~~~~~~~~~~~~~~~~~~~

x = 9_223_372_036_854_775_808
