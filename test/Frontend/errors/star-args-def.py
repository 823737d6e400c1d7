# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that *args parameters are rejected.
# CHECK:{{.*}}star-args-def.py:8:10: error: variadic parameters ('*args') are not supported
# CHECK-NEXT:def f(a, *args):
# CHECK-NEXT:         ^~~~~

def f(a, *args):
    pass
