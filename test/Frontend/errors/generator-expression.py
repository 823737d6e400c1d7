# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that generator expressions are rejected.
# CHECK:{{.*}}generator-expression.py:8:11: error: generator expressions are not supported
# CHECK-NEXT:s = sum(i for i in range(10))
# CHECK-NEXT:          ^~~

s = sum(i for i in range(10))
