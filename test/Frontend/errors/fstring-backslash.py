# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a backslash inside an f-string field.
# CHECK:{{.*}}fstring-backslash.py:8:11: error: f-string expression part cannot include a backslash
# CHECK-NEXT:s = f'{a["\n"]}'
# CHECK-NEXT:          ^

s = f'{a["\n"]}'
