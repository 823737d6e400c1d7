# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a keyword argument given twice.
# CHECK:{{.*}}keyword-repeated.py:8:8: error: keyword argument repeated: x
# CHECK-NEXT:f(x=1, x=2)
# CHECK-NEXT:       ^

f(x=1, x=2)
