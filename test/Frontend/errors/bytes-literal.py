# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that bytes literals are rejected.
# CHECK:{{.*}}bytes-literal.py:8:5: error: bytes literals are not supported
# CHECK-NEXT:b = b'abc'
# CHECK-NEXT:    ^~~~~~

b = b'abc'
