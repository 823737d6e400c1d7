# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests an assignment to a literal inside a tuple target.
# CHECK:{{.*}}assign-to-literal.py:8:4: error: cannot assign to literal
# CHECK-NEXT:a, 1 = b
# CHECK-NEXT:   ^

a, 1 = b
