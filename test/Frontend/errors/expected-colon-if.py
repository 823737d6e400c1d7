# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a missing ':' after an if condition; the caret is at the end of the line.
# CHECK:{{.*}}expected-colon-if.py:8:5: error: expected ':' after 'if' condition
# CHECK-NEXT:if x
# CHECK-NEXT:    ^

if x
    pass
