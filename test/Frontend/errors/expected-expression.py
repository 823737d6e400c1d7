# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a binary operator without a right operand.
# CHECK:{{.*}}expected-expression.py:8:8: error: expected expression
# CHECK-NEXT:x = 1 +
# CHECK-NEXT:       ^

x = 1 +
