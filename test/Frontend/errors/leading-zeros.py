# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a decimal literal with a leading zero.
# CHECK:{{.*}}leading-zeros.py:8:5: error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
# CHECK-NEXT:x = 012
# CHECK-NEXT:    ^~~

x = 012
