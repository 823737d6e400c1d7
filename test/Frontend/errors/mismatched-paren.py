# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a closing bracket of the wrong kind.
# CHECK:{{.*}}mismatched-paren.py:8:10: error: closing parenthesis ')' does not match opening parenthesis '['
# CHECK-NEXT:x = [1, 2)
# CHECK-NEXT:         ^

x = [1, 2)
