# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a name glued to a hexadecimal literal.
# CHECK:{{.*}}invalid-hex-literal.py:8:5: error: invalid hexadecimal literal
# CHECK-NEXT:x = 0x1fg
# CHECK-NEXT:    ^~~~~

x = 0x1fg
