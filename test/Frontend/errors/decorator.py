# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that decorators are rejected at '@'.
# CHECK:{{.*}}decorator.py:8:1: error: decorators are not supported
# CHECK-NEXT:@jit
# CHECK-NEXT:^

@jit
def f():
    pass
