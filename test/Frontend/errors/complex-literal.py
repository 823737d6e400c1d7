# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that imaginary literals (complex numbers) are rejected.
# CHECK:{{.*}}complex-literal.py:8:9: error: complex literals are not supported
# CHECK-NEXT:z = 1 + 2j
# CHECK-NEXT:        ^~

z = 1 + 2j
