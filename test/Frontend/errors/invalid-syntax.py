# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests two expressions in a row.
# CHECK:{{.*}}invalid-syntax.py:8:3: error: invalid syntax
# CHECK-NEXT:x y
# CHECK-NEXT:  ^

x y
