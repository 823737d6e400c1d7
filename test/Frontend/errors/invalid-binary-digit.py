# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a digit out of range for a binary literal.
# CHECK:{{.*}}invalid-binary-digit.py:8:9: error: invalid digit '2' in binary literal
# CHECK-NEXT:x = 0b102
# CHECK-NEXT:        ^

x = 0b102
