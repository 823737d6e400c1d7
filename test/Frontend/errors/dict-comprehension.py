# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that dict comprehensions are rejected.
# CHECK:{{.*}}dict-comprehension.py:8:11: error: dict comprehensions are not supported
# CHECK-NEXT:d = {i: 0 for i in range(3)}
# CHECK-NEXT:          ^~~

d = {i: 0 for i in range(3)}
