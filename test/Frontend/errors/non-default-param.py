# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a parameter without a default after one with a default.
# CHECK:{{.*}}non-default-param.py:8:12: error: non-default parameter follows default parameter
# CHECK-NEXT:def f(a=1, b):
# CHECK-NEXT:           ^

def f(a=1, b):
    pass
