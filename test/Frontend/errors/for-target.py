# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a for loop target that cannot be assigned to.
# CHECK:{{.*}}for-target.py:8:5: error: cannot assign to function call
# CHECK-NEXT:for f() in x:
# CHECK-NEXT:    ^~~

for f() in x:
    pass
