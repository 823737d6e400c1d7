# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests an f-string field without '}'.
# CHECK:{{.*}}fstring-unclosed-field.py:8:7: error: f-string: expecting '}'
# CHECK-NEXT:s = f'{a'
# CHECK-NEXT:      ^

s = f'{a'
