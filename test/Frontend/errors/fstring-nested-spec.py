# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a replacement field nested in a format spec.
# CHECK:{{.*}}fstring-nested-spec.py:8:10: error: nested replacement fields in f-string format specs are not supported
# CHECK-NEXT:s = f'{a:{w}}'
# CHECK-NEXT:         ^

s = f'{a:{w}}'
