# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that yield is rejected.
# CHECK:{{.*}}yield.py:9:5: error: 'yield' is not supported
# CHECK-NEXT:    yield 1
# CHECK-NEXT:    ^~~~~

def f():
    yield 1
