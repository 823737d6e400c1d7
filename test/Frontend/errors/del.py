# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that del statements are rejected.
# CHECK:{{.*}}del.py:8:1: error: 'del' statements are not supported
# CHECK-NEXT:del a[0]
# CHECK-NEXT:^~~

del a[0]
