# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a lone '}' in an f-string.
# CHECK:{{.*}}fstring-single-brace.py:8:9: error: f-string: single '}' is not allowed
# CHECK-NEXT:s = f'a } b'
# CHECK-NEXT:        ^

s = f'a } b'
