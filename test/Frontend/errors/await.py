# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that await is rejected.
# CHECK:{{.*}}await.py:9:12: error: 'await' is not supported
# CHECK-NEXT:    return await g()
# CHECK-NEXT:           ^~~~~

def f():
    return await g()
