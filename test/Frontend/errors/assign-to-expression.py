# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests an assignment to an operator expression.
# CHECK:{{.*}}assign-to-expression.py:8:1: error: cannot assign to expression
# CHECK-NEXT:a + b = c
# CHECK-NEXT:^~~~~

a + b = c
