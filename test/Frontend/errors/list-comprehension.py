# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that list comprehensions are rejected at 'for'.
# CHECK:{{.*}}list-comprehension.py:8:12: error: list comprehensions are not supported; use a loop or whole-array operations
# CHECK-NEXT:x = [i * i for i in range(10)]
# CHECK-NEXT:           ^~~

x = [i * i for i in range(10)]
