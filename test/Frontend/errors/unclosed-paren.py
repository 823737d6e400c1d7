# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests an opening parenthesis never closed before the end of the file.
# CHECK:{{.*}}unclosed-paren.py:8:6: error: '(' was never closed
# CHECK-NEXT:x = f(1,
# CHECK-NEXT:     ^

x = f(1,
      2
