# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a conditional expression without 'else'.
# CHECK:{{.*}}expected-else.py:8:11: error: expected 'else' after 'if' expression
# CHECK-NEXT:x = a if b
# CHECK-NEXT:          ^

x = a if b
