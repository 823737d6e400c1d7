# RUN: not dac-script-parse %s 2>&1 | FileCheck %s --strict-whitespace --match-full-lines

# Tests a dedent to a column that no enclosing block uses.
# CHECK:{{.*}}unindent-mismatch.py:10:5: error: unindent does not match any outer indentation level
# CHECK-NEXT:    b = 2
# CHECK-NEXT:    ^

if x:
        a = 1
    b = 2
