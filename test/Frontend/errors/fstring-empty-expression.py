# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests an empty f-string field.
# CHECK:{{.*}}fstring-empty-expression.py:8:7: error: f-string: empty expression not allowed
# CHECK-NEXT:s = f'{ }'
# CHECK-NEXT:      ^~~

s = f'{ }'
