# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests two parameters with the same name.
# CHECK:{{.*}}duplicate-param.py:8:10: error: duplicate parameter 'a' in function definition
# CHECK-NEXT:def f(a, a):
# CHECK-NEXT:         ^

def f(a, a):
    pass
