# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a string that runs into the end of the line.
# CHECK:{{.*}}unterminated-string.py:8:5: error: unterminated string literal
# CHECK-NEXT:x = "abc
# CHECK-NEXT:    ^~~~

x = "abc
