# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests that starred targets are rejected.
# CHECK:{{.*}}starred-expression.py:8:4: error: starred expressions ('*x') are not supported
# CHECK-NEXT:a, *b = c
# CHECK-NEXT:   ^

a, *b = c
