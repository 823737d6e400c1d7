# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests an assignment to an expression inside a call.
# CHECK:{{.*}}keyword-expression.py:8:3: error: expression cannot contain assignment, perhaps you meant "=="?
# CHECK-NEXT:f(a.b=1)
# CHECK-NEXT:  ^~~

f(a.b=1)
