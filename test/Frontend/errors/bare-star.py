# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a bare '*' not followed by keyword-only parameters.
# CHECK:{{.*}}bare-star.py:8:10: error: named parameters must follow bare '*'
# CHECK-NEXT:def f(a, *):
# CHECK-NEXT:         ^

def f(a, *):
    pass
