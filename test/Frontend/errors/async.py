# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that async functions are rejected.
# CHECK:{{.*}}async.py:8:1: error: 'async' is not supported
# CHECK-NEXT:async def f():
# CHECK-NEXT:^~~~~

async def f():
    pass
