# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a for statement without 'in'.
# CHECK:{{.*}}expected-in.py:8:7: error: expected 'in' after 'for' target
# CHECK-NEXT:for i range(3):
# CHECK-NEXT:      ^~~~~

for i range(3):
    pass
