# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a syntax error inside an f-string field; the caret is at its position in the file.
# CHECK:{{.*}}fstring-syntax.py:8:17: error: f-string: invalid syntax
# CHECK-NEXT:s = f'value: {a b}'
# CHECK-NEXT:                ^

s = f'value: {a b}'
