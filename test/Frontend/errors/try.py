# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that try statements are rejected.
# CHECK:{{.*}}try.py:8:1: error: 'try' statements are not supported
# CHECK-NEXT:try:
# CHECK-NEXT:^~~

try:
    x = 1
except ValueError:
    pass
