# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests an assignment to a function call.
# CHECK:{{.*}}assign-to-call.py:8:1: error: cannot assign to function call
# CHECK-NEXT:f(x) = 1
# CHECK-NEXT:^~~~

f(x) = 1
