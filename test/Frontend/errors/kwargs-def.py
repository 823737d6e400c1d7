# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that **kwargs parameters are rejected.
# CHECK:{{.*}}kwargs-def.py:8:10: error: variadic keyword parameters ('**kwargs') are not supported
# CHECK-NEXT:def f(a, **kw):
# CHECK-NEXT:         ^~

def f(a, **kw):
    pass
