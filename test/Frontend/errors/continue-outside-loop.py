# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests continue outside a loop.
# CHECK:{{.*}}continue-outside-loop.py:9:5: error: 'continue' not properly in loop
# CHECK-NEXT:    continue
# CHECK-NEXT:    ^~~~~~~~

if x:
    continue
